namespace Api.Features.Attachments;

internal static partial class Log
{
    [LoggerMessage(5020, LogLevel.Warning, "Could not delete the stored object {StorageKey}; it is an orphan until the cleanup removes it")]
    public static partial void BlobDeleteFailed(ILogger logger, string storageKey, Exception exception);

    [LoggerMessage(5021, LogLevel.Error, "Attachment {AttachmentId} has a row but no stored object at {StorageKey}")]
    public static partial void BlobMissing(ILogger logger, Guid attachmentId, string storageKey);

    [LoggerMessage(5022, LogLevel.Information, "Stored attachment {AttachmentId} of project {ProjectId} ({Size} bytes)")]
    public static partial void Stored(ILogger logger, Guid attachmentId, Guid projectId, long size);
}
