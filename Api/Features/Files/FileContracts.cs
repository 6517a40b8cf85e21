namespace Api.Features.Files;

/// <summary>
/// <c>POST /api/projects/{id}/files/batch</c>: every operation applies, in order, or none does. Everything is
/// nullable so that a missing field is a validation problem naming it rather than a failure to read the body.
/// </summary>
public sealed record FileBatchRequest(IReadOnlyList<FileOperationRequest?>? Operations);

/// <summary>
/// <c>op</c> is <c>create</c> (the path must not exist; no <c>expectedVersion</c>), <c>update</c> or <c>delete</c>
/// (the file must be at <c>expectedVersion</c>). <c>content</c> is the whole new text of a create or update.
/// </summary>
public sealed record FileOperationRequest(string? Op, string? Path, string? Content, long? ExpectedVersion);

public sealed record FileBatchResponse(IReadOnlyList<FileChangeResponse> Files);

/// <summary>One operation's result: the file's new version, or for a delete, no version.</summary>
public sealed record FileChangeResponse(string Path, string Op, long? Version, int? Size, string? Sha256);

public sealed record FileSummaryResponse(Guid Id, string Path, long Version, int Size, string Sha256, DateTimeOffset UpdatedAt);

public sealed record FileResponse(Guid Id, string Path, string Content, long Version, int Size, string Sha256, DateTimeOffset UpdatedAt);

/// <summary>A 409's <c>conflicts</c>: which operation could not apply, and the version the file is at (null: no such file).</summary>
public sealed record FileConflict(int Index, string Path, string Reason, long? CurrentVersion);
