namespace Api.Features.Files;

/// <summary>What <see cref="FileBatches.ApplyAsync"/> did: all of the batch, or none of it and why.</summary>
public abstract record FileBatchOutcome
{
    private FileBatchOutcome()
    {
    }

    public sealed record Applied(IReadOnlyList<FileChangeResponse> Files) : FileBatchOutcome;

    /// <summary>No such project, or not the caller's: the same answer for both.</summary>
    public sealed record ProjectNotFound : FileBatchOutcome;

    /// <summary>Bad input, keyed by field; <see cref="StatusCode"/> is 413 when the only fault is files too large.</summary>
    public sealed record Invalid(Dictionary<string, string[]> Errors, int StatusCode) : FileBatchOutcome;

    /// <summary>Files not at the version the batch expected, every one of them.</summary>
    public sealed record Conflicted(IReadOnlyList<FileConflict> Conflicts) : FileBatchOutcome;
}
