namespace Api.Data;

/// <summary>
/// A file attached to a project. The bytes live in attachment storage under <see cref="StorageKey"/>; this row is
/// written only after they are, and removed before they are, so a row never points at nothing.
/// </summary>
public sealed class Attachment
{
    public const int NameMaxLength = 255;
    public const int ContentTypeMaxLength = 255;
    public const int StorageKeyMaxLength = 512;

    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    public required string Name { get; init; }

    public required string ContentType { get; init; }

    public long Size { get; init; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    public required string StorageKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
