using System.Security.Cryptography;
using System.Text;
using Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Api.Features.Files;

/// <summary>
/// One statement per operation, each conditional on the state the batch expects (no row yet, or the expected
/// version) and checked by its row count, inside the caller's transaction.
/// </summary>
internal sealed class FileWrites(AppDbContext db, Guid projectId, DateTimeOffset now)
{
    public Task<FileChangeResponse> ApplyAsync(FileOperation operation, CancellationToken cancellationToken) => operation.Kind switch
    {
        FileOperationKind.Create => CreateAsync(operation, cancellationToken),
        FileOperationKind.Update => UpdateAsync(operation, cancellationToken),
        _ => DeleteAsync(operation, cancellationToken),
    };

    private async Task<FileChangeResponse> CreateAsync(FileOperation operation, CancellationToken cancellationToken)
    {
        var sha256 = SHA256.HashData(Encoding.UTF8.GetBytes(operation.Content!));
        var rows = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO project_files (id, project_id, path, content, version, size, sha256, created_at, updated_at)
            VALUES ({Guid.CreateVersion7(now)}, {projectId}, {operation.Path}, {operation.Content}, 1, {operation.Size}, {sha256}, {now}, {now})
            ON CONFLICT (project_id, path) DO NOTHING
            """, cancellationToken);
        Expect(rows, operation, "already exists");
        return new FileChangeResponse(operation.Path, operation.Op, 1, operation.Size, Convert.ToHexStringLower(sha256));
    }

    private async Task<FileChangeResponse> UpdateAsync(FileOperation operation, CancellationToken cancellationToken)
    {
        var sha256 = SHA256.HashData(Encoding.UTF8.GetBytes(operation.Content!));
        var rows = await Expected(operation).ExecuteUpdateAsync(f => f
            .SetProperty(x => x.Content, operation.Content!)
            .SetProperty(x => x.Version, x => x.Version + 1)
            .SetProperty(x => x.Size, operation.Size)
            .SetProperty(x => x.Sha256, sha256)
            .SetProperty(x => x.UpdatedAt, now), cancellationToken);
        Expect(rows, operation, "is no longer at the expected version");
        return new FileChangeResponse(operation.Path, operation.Op, operation.ExpectedVersion + 1, operation.Size, Convert.ToHexStringLower(sha256));
    }

    private async Task<FileChangeResponse> DeleteAsync(FileOperation operation, CancellationToken cancellationToken)
    {
        Expect(await Expected(operation).ExecuteDeleteAsync(cancellationToken), operation, "is no longer at the expected version");
        return new FileChangeResponse(operation.Path, operation.Op, null, null, null);
    }

    private IQueryable<ProjectFile> Expected(FileOperation operation) =>
        db.ProjectFiles.Where(f => f.ProjectId == projectId && f.Path == operation.Path && f.Version == operation.ExpectedVersion);

    private static void Expect(int rows, FileOperation operation, string otherwise)
    {
        if (rows != 1)
        {
            throw new FileConflictException(new FileConflict(operation.Index, operation.Path, $"'{operation.Path}' {otherwise}.", null));
        }
    }
}
