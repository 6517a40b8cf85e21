using Microsoft.Extensions.Configuration;

namespace ServiceDefaults.Http;

/// <summary>
/// Aspire's configuration contract for service discovery: <c>services:{name}:{scheme}:0</c>
/// (environment form <c>services__gateway__http__0</c>) holds the address of service <c>name</c>.
/// A scheme such as <c>https+http</c> lists preferences in order.
/// </summary>
internal static class ServiceEndpointResolver
{
    /// <returns>The rewritten URI, or null when no configured entry matches the host.</returns>
    public static Uri? Resolve(IConfiguration configuration, Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            return null;
        }

        foreach (var scheme in uri.Scheme.Split('+'))
        {
            if (scheme is not ("http" or "https"))
            {
                return null;
            }

            var key = $"services:{uri.Host}:{scheme}:0";
            var value = configuration[key];
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var target)
                || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"Configuration '{key}' must be an absolute http:// or https:// URI, got '{value}'.");
            }

            return new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        }

        return null;
    }
}
