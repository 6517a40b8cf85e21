namespace Api.Features.Chat;

internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Information, "Stored reply {MessageId} of project {ProjectId}: {OutputTokens} output tokens, stop reason {StopReason}")]
    public static partial void ReplyStored(ILogger logger, Guid projectId, Guid messageId, int outputTokens, string? stopReason);

    [LoggerMessage(4001, LogLevel.Warning, "The reply in project {ProjectId} failed mid-stream ({ErrorType}); nothing of it was stored")]
    public static partial void ReplyFailed(ILogger logger, Guid projectId, string? errorType, Exception exception);

    [LoggerMessage(4002, LogLevel.Information, "The client left during the reply in project {ProjectId}; the gateway call was cancelled and nothing of the reply was stored")]
    public static partial void ClientLeft(ILogger logger, Guid projectId);

    [LoggerMessage(4003, LogLevel.Information, "Reply {MessageId} proposed {Edits} file edits ({Rejected} rejected): {Status}")]
    public static partial void EditsProposed(ILogger logger, Guid messageId, int edits, int rejected, string status);

    [LoggerMessage(4004, LogLevel.Error, "Applying the edits of reply {MessageId} failed")]
    public static partial void EditsFailed(ILogger logger, Guid messageId, Exception exception);

    [LoggerMessage(4005, LogLevel.Error, "Relaying or storing the reply in project {ProjectId} failed after the stream had started")]
    public static partial void RelayFailed(ILogger logger, Guid projectId, Exception exception);
}
