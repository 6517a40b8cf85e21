namespace Api.Data;

/// <summary>
/// A login. The client holds an opaque token; only its SHA-256 is stored, so a leaked table does not
/// leak sessions. Logging out sets <see cref="RevokedAt"/>, which every request checks.
/// </summary>
public sealed class Session
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public required byte[] TokenHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }
}
