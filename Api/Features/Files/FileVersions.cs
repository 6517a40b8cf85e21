using Microsoft.EntityFrameworkCore;
using Api.Data;

namespace Api.Features.Files;

/// <summary>Checks a batch against the versions its files are at, reporting every file that is not where the batch expects.</summary>
internal static class FileVersions
{
    public static async Task<Dictionary<string, long>> CurrentAsync(
        AppDbContext db, Guid projectId, IReadOnlyList<FileOperation> operations, CancellationToken cancellationToken)
    {
        var paths = operations.Select(o => o.Path).ToList();
        return await db.ProjectFiles.AsNoTracking()
            .Where(f => f.ProjectId == projectId && paths.Contains(f.Path))
            .Select(f => new { f.Path, f.Version }) // in SQL: never the content or the search vector
            .ToDictionaryAsync(f => f.Path, f => f.Version, StringComparer.Ordinal, cancellationToken);
    }

    public static List<FileConflict> Conflicts(IReadOnlyList<FileOperation> operations, Dictionary<string, long> current) =>
        [.. operations.Select(o => Conflict(o, current.TryGetValue(o.Path, out var version) ? version : null)).OfType<FileConflict>()];

    private static FileConflict? Conflict(FileOperation operation, long? current) => (operation.Kind, current) switch
    {
        (FileOperationKind.Create, { } version) =>
            new(operation.Index, operation.Path, $"'{operation.Path}' already exists (version {version}); update it instead.", version),
        (not FileOperationKind.Create, null) =>
            new(operation.Index, operation.Path, $"'{operation.Path}' does not exist.", null),
        (not FileOperationKind.Create, { } version) when version != operation.ExpectedVersion =>
            new(operation.Index, operation.Path, $"'{operation.Path}' is at version {version}, not the expected {operation.ExpectedVersion}.", version),
        _ => null,
    };
}
