using System.Security.Claims;
using Api.Data;
using Api.Features.Attachments;
using Api.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Api.Features.Projects;

/// <summary>
/// Deletes a project with its rows (by cascade) and then its stored attachments. The project row is locked first,
/// so an upload finishing meanwhile cannot add a row this deletion would cascade away without removing its object:
/// its insert waits for the lock and then fails, and the upload removes its own object.
/// </summary>
internal sealed class ProjectDeletion(AppDbContext db, IAttachmentStorage storage, ILogger<ProjectDeletion> logger)
{
    public async Task<bool> DeleteAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        List<string> keys;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var locked = await db.Projects.FromSql($"SELECT * FROM projects WHERE id = {id} FOR UPDATE").OwnedBy(user).AnyAsync(cancellationToken);
            if (!locked)
            {
                return false;
            }

            keys = await db.Attachments.Where(a => a.ProjectId == id).Select(a => a.StorageKey).ToListAsync(cancellationToken);
            await db.Projects.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var key in keys)
        {
            await AttachmentBlobs.DeleteQuietlyAsync(storage, key, logger);
        }

        return true;
    }
}
