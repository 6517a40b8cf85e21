namespace Api.Features.Chat;

public enum FileEditKind
{
    /// <summary>Create the file, or replace all of its content.</summary>
    Write,

    Delete,
}

/// <summary>One file operation the model proposed; <see cref="Content"/> is the whole new file for a write, null for a delete.</summary>
public sealed record FileEdit(FileEditKind Kind, string Path, string? Content);

/// <summary>A block that looked like an edit but cannot be applied, and why.</summary>
public sealed record RejectedEdit(string Path, string Reason);

/// <summary>Every edit of one reply, in reply order (a path's last block wins), and the blocks refused.</summary>
public sealed record FileEditProposal(IReadOnlyList<FileEdit> Edits, IReadOnlyList<RejectedEdit> Rejected)
{
    public static FileEditProposal None { get; } = new([], []);

    public bool IsEmpty => Edits.Count == 0 && Rejected.Count == 0;
}
