namespace Api.Features.Files;

// 3000-3099 are the Files feature's; 3001 and 3002 are also ServiceDefaults' error handler's, so this starts at 3010.
internal static partial class Log
{
    [LoggerMessage(3010, LogLevel.Debug, "Applied a batch of {Count} file operations to project {ProjectId}")]
    public static partial void BatchApplied(ILogger logger, int count, Guid projectId);

    [LoggerMessage(3011, LogLevel.Information, "Refused a batch on project {ProjectId}: {Conflicts} files not at the expected version")]
    public static partial void BatchConflicted(ILogger logger, Guid projectId, int conflicts);

    [LoggerMessage(3012, LogLevel.Warning, "Rolled back a batch of {Count} operations on project {ProjectId}; {Observed} had been observed")]
    public static partial void BatchRolledBack(ILogger logger, Guid projectId, int observed, int count, Exception exception);
}
