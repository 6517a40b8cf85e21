namespace ServiceDefaults.Telemetry;

/// <summary>
/// Replaces the values of query parameters that usually carry credentials before the query goes
/// into a span: the semantic conventions ask for it, and traces are kept far longer than requests.
/// </summary>
internal static class UrlQueryRedactor
{
    private const string Redacted = "REDACTED";

    // The first four are the conventions' own list; the rest are what APIs commonly put in a URL.
    private static readonly HashSet<string> SensitiveKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "AWSAccessKeyId", "Signature", "sig", "X-Goog-Signature",
        "key", "api_key", "apikey", "api-key", "access_token", "token", "code", "password", "secret",
    };

    /// <param name="query">The query string, with or without its leading '?'.</param>
    public static string Redact(string query)
    {
        var parameters = query.TrimStart('?').Split('&');
        for (var i = 0; i < parameters.Length; i++)
        {
            var separator = parameters[i].IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && SensitiveKeys.Contains(Uri.UnescapeDataString(parameters[i][..separator])))
            {
                parameters[i] = string.Concat(parameters[i].AsSpan(0, separator + 1), Redacted);
            }
        }

        return string.Join('&', parameters);
    }
}
