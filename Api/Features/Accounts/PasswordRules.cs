namespace Api.Features.Accounts;

/// <summary>What makes a password acceptable; each broken rule is reported, so a client can show them all.</summary>
internal static class PasswordRules
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    public static List<string> Check(string password, string email)
    {
        var failures = new List<string>();
        if (password.Length < MinLength)
        {
            failures.Add($"A password has at least {MinLength} characters.");
        }

        if (password.Length > MaxLength)
        {
            failures.Add($"A password has at most {MaxLength} characters.");
        }

        if (CharacterClasses(password) < 3)
        {
            failures.Add("A password mixes at least three of: lower-case letters, upper-case letters, digits, other characters.");
        }

        if (password.Distinct().Count() < 6)
        {
            failures.Add("A password has at least 6 different characters.");
        }

        var name = email.Split('@')[0];
        if (name.Length >= 3 && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("A password does not contain the email address's name.");
        }

        return failures;
    }

    private static int CharacterClasses(string password) =>
        (password.Any(char.IsLower) ? 1 : 0)
        + (password.Any(char.IsUpper) ? 1 : 0)
        + (password.Any(char.IsDigit) ? 1 : 0)
        + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
}
