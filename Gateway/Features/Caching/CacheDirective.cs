using Microsoft.Net.Http.Headers;

namespace Gateway.Features.Caching;

/// <summary>What a request lets the cache do, from its <c>Cache-Control</c>: <c>no-store</c> bypasses it, <c>no-cache</c> refreshes it.</summary>
internal readonly record struct CacheDirective(bool MayRead, bool MayWrite)
{
    public static CacheDirective Bypass { get; } = new(false, false);

    public static CacheDirective From(HttpRequest request)
    {
        if (!CacheControlHeaderValue.TryParse(request.Headers.CacheControl.ToString(), out var cacheControl))
        {
            return new(true, true);
        }

        return cacheControl.NoStore ? Bypass : new(!cacheControl.NoCache, true);
    }
}
