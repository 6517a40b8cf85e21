using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Keys;

/// <summary>The admin endpoints (<c>/admin</c>): issuing and revoking client keys, reading the ledger.</summary>
internal sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>A secret. Without it the admin endpoints do not exist (404).</summary>
    [MinLength(32, ErrorMessage = "Admin:ApiKey must be at least 32 characters.")]
    public string? ApiKey { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);
}

/// <summary>The data annotations of <see cref="AdminOptions"/>, checked by code the options validation source generator writes.</summary>
[OptionsValidator]
internal sealed partial class ValidateAdminOptions : IValidateOptions<AdminOptions>;
