using System.Globalization;
using Gateway.Infrastructure;

namespace Gateway.Features.Caching;

/// <summary>Answers from the cache exactly as the provider answered the first time, with <c>x-gateway-cache: hit</c> and its <c>age</c>.</summary>
internal sealed class CachedAnswerResult(CacheHit hit) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = hit.Body.Length;
        response.Headers["request-id"] = RequestIds.NewRequestId();
        response.Headers[ResponseCache.ResultHeader] = "hit";
        response.Headers.Age = ((long)hit.Age.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        await response.Body.WriteAsync(hit.Body, httpContext.RequestAborted);
    }
}
