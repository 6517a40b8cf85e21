namespace Api.Data;

/// <summary>An account. The email is stored normalised (trimmed, lower case) and is unique.</summary>
public sealed class User
{
    public const int EmailMaxLength = 254;

    public Guid Id { get; init; }

    public required string Email { get; init; }

    public required string PasswordHash { get; set; }

    public AccountTier Tier { get; set; }

    /// <summary>Failed logins since the last success or lockout; reaching the limit locks the account.</summary>
    public int FailedLogins { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
