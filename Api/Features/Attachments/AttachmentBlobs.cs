using Api.Infrastructure.Storage;

namespace Api.Features.Attachments;

internal static class AttachmentBlobs
{
    /// <summary>
    /// Deletes stored objects whose rows are already gone. A failure only leaves an orphan object (no row points at
    /// it, so no client can see it): it is logged, and the orphan cleanup in the README removes it later.
    /// </summary>
    public static async Task DeleteQuietlyAsync(IAttachmentStorage storage, string key, ILogger logger)
    {
        try
        {
            await storage.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.BlobDeleteFailed(logger, key, exception);
        }
    }
}
