namespace Api.Infrastructure.Storage;

/// <summary>
/// Where attachment bytes live, by key (<c>projects/{projectId}/{attachmentId}</c>). A write is all or nothing: a
/// reader never sees a partly written object, and a failed write leaves nothing behind.
/// </summary>
public interface IAttachmentStorage
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/>; an exception from reading it aborts the write.</summary>
    Task WriteAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>The object's bytes, or null when there is no such object.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the object; removing one that does not exist is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
