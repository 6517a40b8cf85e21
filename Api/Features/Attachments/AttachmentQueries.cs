using System.Security.Claims;
using Api.Data;
using Api.Features.Projects;

namespace Api.Features.Attachments;

internal static class AttachmentQueries
{
    /// <summary>One project's attachments, and only if the signed-in user owns that project (the tenant filter).</summary>
    public static IQueryable<Attachment> InOwnedProject(this IQueryable<Attachment> attachments, AppDbContext db, ClaimsPrincipal user, Guid projectId)
    {
        var owned = db.Projects.OwnedBy(user);
        return attachments.Where(a => a.ProjectId == projectId && owned.Any(p => p.Id == a.ProjectId));
    }
}
