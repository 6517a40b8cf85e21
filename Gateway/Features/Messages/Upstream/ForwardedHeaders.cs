using Microsoft.Extensions.Primitives;

namespace Gateway.Features.Messages.Upstream;

/// <summary>
/// Which headers cross the Gateway. An allow-list both ways: client credentials
/// (<c>x-api-key</c>, <c>authorization</c>) never reach the provider, and only what an SDK reads comes back.
/// </summary>
internal static class ForwardedHeaders
{
    public const string DefaultAnthropicVersion = "2023-06-01";

    public static void CopyToUpstream(IHeaderDictionary from, HttpRequestMessage to, string apiKey)
    {
        // Trimmed: a key pasted or mounted from a file often ends in a newline, which no header may carry.
        to.Headers.TryAddWithoutValidation("x-api-key", apiKey.Trim());
        var version = from["anthropic-version"];
        to.Headers.TryAddWithoutValidation("anthropic-version", StringValues.IsNullOrEmpty(version) ? [DefaultAnthropicVersion] : (IEnumerable<string?>)version);
        if (from.TryGetValue("anthropic-beta", out var beta))
        {
            to.Headers.TryAddWithoutValidation("anthropic-beta", (IEnumerable<string?>)beta);
        }

        var contentType = from.ContentType;
        to.Content!.Headers.TryAddWithoutValidation("content-type", string.IsNullOrEmpty(contentType) ? "application/json" : contentType);
    }

    public static void CopyToClient(HttpResponseMessage from, HttpResponse to)
    {
        foreach (var (name, values) in from.Headers)
        {
            if (IsReturned(name))
            {
                to.Headers[name] = values.ToArray();
            }
        }

        if (from.Content.Headers.ContentType is { } contentType)
        {
            to.ContentType = contentType.ToString();
        }

        // The body is relayed byte for byte, so if the provider ever compressed it the client must know how.
        if (from.Content.Headers.ContentEncoding.Count > 0)
        {
            to.Headers.ContentEncoding = from.Content.Headers.ContentEncoding.ToArray();
        }
    }

    private static bool IsReturned(string name) =>
        name.Equals("request-id", StringComparison.OrdinalIgnoreCase)
        || name.Equals("retry-after", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("anthropic-ratelimit-", StringComparison.OrdinalIgnoreCase);
}
