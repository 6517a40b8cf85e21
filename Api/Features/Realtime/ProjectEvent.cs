namespace Api.Features.Realtime;

/// <summary>
/// A change to a project, as its connected clients receive it: <c>event: {Type}</c> with <c>data: {"id":…,"type":…,
/// "projectId":…,"occurredAt":…,"data":{Data}}</c>. Features publish one through <see cref="ProjectEvents.PublishAsync"/>.
/// </summary>
public sealed record ProjectEvent(string Type, object? Data = null)
{
    public static ProjectEvent ProjectRenamed(string name) => new("project.renamed", new { name });

    /// <summary>The last event of a project: its streams end after it.</summary>
    public static ProjectEvent ProjectDeleted() => new(ProjectDeletedType);

    public static ProjectEvent FilesChanged(IReadOnlyCollection<string> paths) => new("files.changed", new { paths });

    public static ProjectEvent MessageAdded(Guid messageId) => new("message.added", new { messageId });

    public static ProjectEvent AttachmentAdded(Guid attachmentId, string name) => new("attachment.added", new { attachmentId, name });

    public static ProjectEvent AttachmentDeleted(Guid attachmentId) => new("attachment.deleted", new { attachmentId });

    public const string ProjectDeletedType = "project.deleted";
}
