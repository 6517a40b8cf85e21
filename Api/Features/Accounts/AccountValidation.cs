using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;
using Api.Data;

namespace Api.Features.Accounts;

internal static class AccountValidation
{
    public static bool TryValidate(
        RegisterRequest request,
        [NotNullWhen(true)] out string? email,
        [NotNullWhen(false)] out Dictionary<string, string[]>? errors)
    {
        errors = [];
        email = Normalize(request.Email);
        if (email is null)
        {
            errors["email"] = ["An email address like name@example.com is required."];
        }

        var password = request.Password ?? "";
        var failures = PasswordRules.Check(password, email ?? "");
        if (failures.Count > 0)
        {
            errors["password"] = [.. failures];
        }

        if (errors.Count > 0)
        {
            email = null;
            return false;
        }

        errors = null;
        return email is not null;
    }

    /// <summary>Trimmed and lower-cased, or null when it is not a plain address (no display name, no comments).</summary>
    public static string? Normalize(string? email)
    {
        var candidate = email?.Trim().ToLowerInvariant();
        return candidate is { Length: > 0 and <= User.EmailMaxLength }
            && MailAddress.TryCreate(candidate, out var address)
            && address.Address == candidate
            && address.Host.Contains('.')
            ? candidate
            : null;
    }
}
