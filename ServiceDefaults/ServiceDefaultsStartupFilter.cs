using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using ServiceDefaults.Telemetry;

namespace ServiceDefaults;

/// <summary>
/// Puts the span enrichment and the exception handler in front of the application's own pipeline.
/// A startup filter rather than a call in <c>MapDefaultEndpoints</c> so that the position does not
/// depend on where a service calls it: probes must be unrecorded before any middleware can start a
/// child span, and the span must see the final status code.
/// </summary>
internal sealed class ServiceDefaultsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<ServerSpanMiddleware>();
        app.UseExceptionHandler();
        next(app);
    };
}
