namespace Api.Features.Files;

/// <summary>A write that matched no row (or hit the unique path) although the checks before it passed: the batch is rolled back.</summary>
internal sealed class FileConflictException(FileConflict conflict) : Exception($"{conflict.Path}: {conflict.Reason}")
{
    public FileConflict Conflict { get; } = conflict;
}
