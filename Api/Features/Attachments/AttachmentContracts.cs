using Api.Data;

namespace Api.Features.Attachments;

public sealed record AttachmentResponse(Guid Id, Guid ProjectId, string Name, string ContentType, long Size, string Sha256, DateTimeOffset CreatedAt)
{
    public static AttachmentResponse From(Attachment a) => new(a.Id, a.ProjectId, a.Name, a.ContentType, a.Size, a.Sha256, a.CreatedAt);
}
