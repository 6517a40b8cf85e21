using Microsoft.Extensions.Options;

namespace Api.Infrastructure.RateLimiting;

/// <summary>Per-client-IP limits held in Redis, so every replica counts the same requests (section <c>RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Register, log in: guessing passwords from one address is slowed here, guessing one account by the lockout.</summary>
    public IpLimit Accounts { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };
}

public sealed class IpLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options) =>
        Check(nameof(RateLimitOptions.Accounts), options.Accounts) is { } failure
            ? ValidateOptionsResult.Fail(failure)
            : ValidateOptionsResult.Success;

    private static string? Check(string policy, IpLimit limit) => limit switch
    {
        { PermitLimit: < 1 or > 1_000_000 } => $"{RateLimitOptions.SectionName}:{policy}:PermitLimit must be between 1 and 1000000.",
        { Window.TotalSeconds: < 1 or > 86_400 } => $"{RateLimitOptions.SectionName}:{policy}:Window must be between 00:00:01 and 1.00:00:00.",
        _ => null,
    };
}
