using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Keys;

/// <summary>The admin endpoints (<c>/admin</c>): issuing and revoking client keys, reading the ledger.</summary>
internal sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>A secret. Without it the admin endpoints do not exist (404).</summary>
    public string? ApiKey { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);
}

/// <summary>The bounds of <see cref="AdminOptions"/>, each failure naming its key.</summary>
internal sealed class ValidateAdminOptions : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options) => SettingChecks.Result(
        (options.ApiKey is null || options.ApiKey.Length >= 32, "Admin:ApiKey must be at least 32 characters."));
}
