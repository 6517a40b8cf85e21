using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using ServiceDefaults.Health;

namespace ServiceDefaults.Telemetry;

/// <summary>
/// Completes the <c>Microsoft.AspNetCore</c> server span with the HTTP semantic conventions, which
/// the OpenTelemetry ASP.NET Core instrumentation would add and which is not available here, and
/// keeps health probes out of traces.
/// </summary>
/// <remarks>
/// .NET 10's hosting layer sets only <c>server.address</c>, <c>server.port</c>,
/// <c>http.request.method</c>, <c>url.scheme</c> and <c>url.path</c> itself, and only when the
/// <c>Microsoft.AspNetCore.Hosting.SuppressActivityOpenTelemetryData</c> switch is turned off (it is
/// on by default). <see cref="Activity.SetTag"/> replaces a tag of the same name, so these
/// never appear twice whichever way the switch is set.
/// </remarks>
internal sealed class ServerSpanMiddleware(RequestDelegate next)
{
    /// <summary>Not async where there is nothing to tag: no state machine per request while nothing records spans.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var activity = context.Features.Get<IHttpActivityFeature>()?.Activity;
        if (activity is null)
        {
            return next(context);
        }

        if (HealthEndpointPaths.IsProbe(context.Request.Path))
        {
            ServerSpan.Unrecord(activity);
            return next(context);
        }

        return activity.IsAllDataRequested ? TagAroundAsync(activity, context) : next(context);
    }

    private async Task TagAroundAsync(Activity activity, HttpContext context)
    {
        ServerSpan.TagRequest(activity, context);
        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            ServerSpan.TagResponse(activity, context, exception);
            throw;
        }

        ServerSpan.TagResponse(activity, context, unhandled: null);
    }
}
