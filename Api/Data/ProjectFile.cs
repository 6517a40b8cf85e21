namespace Api.Data;

/// <summary>
/// A text file of a project. <see cref="Version"/> starts at 1 and grows by one with every change, so a
/// client that read version n can ask for its change to apply only if the file is still at n.
/// </summary>
public sealed class ProjectFile
{
    public const int PathMaxLength = 512;

    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    public required string Path { get; init; }

    public required string Content { get; set; }

    public long Version { get; set; }

    /// <summary>The content's length in UTF-8 bytes, the unit of the tier limits.</summary>
    public int Size { get; set; }

    public required byte[] Sha256 { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
