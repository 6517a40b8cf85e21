using System.Text.RegularExpressions;

namespace Hosting.Dashboard;

/// <summary>
/// Masks secrets in the AppHost before anything is sent: the dashboard never receives a password, a token, an API key,
/// the OTLP headers or a secret parameter's value.
/// </summary>
internal static partial class SecretMasking
{
    public const string Mask = "********";
    private const string ConnectionStringPrefix = "ConnectionStrings__";
    private static readonly string[] SecretWords = ["PASSWORD", "SECRET", "TOKEN", "APIKEY", "API_KEY"];

    // Npgsql's "Password=...;" and StackExchange.Redis's ",password=..." (and the "Pwd" alias).
    [GeneratedRegex(@"(?<=(?:^|[;,])\s*(?:password|pwd)\s*=)[^;,]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringPassword();

    /// <summary>The variable as it may be shown; wherever one of <paramref name="secretValues"/> (the secret parameters) appears, the whole value is masked.</summary>
    public static EnvironmentVariableDto MaskVariable(string name, string value, IReadOnlyCollection<string> secretValues)
    {
        if (IsSecretName(name) || secretValues.Any(secret => value.Contains(secret, StringComparison.Ordinal)))
        {
            return new EnvironmentVariableDto(name, Mask, IsSecret: true);
        }

        if (name.StartsWith(ConnectionStringPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var masked = ConnectionStringPassword().Replace(value, Mask);
            return new EnvironmentVariableDto(name, masked, IsSecret: masked != value);
        }

        return new EnvironmentVariableDto(name, value, IsSecret: false);
    }

    private static bool IsSecretName(string name) =>
        name.Equals("OTEL_EXPORTER_OTLP_HEADERS", StringComparison.OrdinalIgnoreCase)
        || SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));
}
