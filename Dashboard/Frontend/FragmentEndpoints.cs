using Dashboard.Components.Fragments;
using Dashboard.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Frontend;

/// <summary>
/// The pieces of pages that htmx swaps in: rendered by the same components the pages render, so a refreshed list is
/// exactly what a reload would show. Each answer also sets the browser's URL to the page with the same filters.
/// </summary>
internal static class FragmentEndpoints
{
    public static void MapFragments(this IEndpointRouteBuilder app)
    {
        var fragments = app.MapGroup("/fragments");
        fragments.MapGet("/stats", () => new RazorComponentResult<StoreStats>());
        fragments.MapGet("/resources", () => new RazorComponentResult<ResourceTable>());
        fragments.MapGet("/traces", Traces);
        fragments.MapGet("/trace/{id}", (string id) => new RazorComponentResult<Waterfall>(new { Id = id }));
        fragments.MapGet("/span/{traceId}/{spanId}", (string traceId, string spanId) => new RazorComponentResult<SpanDetails>(new { TraceId = traceId, SpanId = spanId }));
        fragments.MapGet("/logs", Logs);
        fragments.MapGet("/metrics", Metrics);
        fragments.MapPost("/clear/{signal}", Clear);
    }

    private static RazorComponentResult<TraceTable> Traces(HttpContext context)
    {
        var filter = TraceFilter.From(context.Request.Query);
        ReplaceUrl(context, "/traces" + filter.QueryString());
        return new RazorComponentResult<TraceTable>(new { Filter = filter });
    }

    private static RazorComponentResult<LogTable> Logs(HttpContext context)
    {
        var filter = LogFilter.From(context.Request.Query);
        ReplaceUrl(context, "/structuredlogs" + filter.QueryString());
        return new RazorComponentResult<LogTable>(new { Filter = filter });
    }

    private static RazorComponentResult<MetricPanel> Metrics(HttpContext context)
    {
        var selection = MetricSelection.From(context.Request.Query);
        ReplaceUrl(context, "/metrics" + selection.QueryString());
        return new RazorComponentResult<MetricPanel>(new { Selection = selection });
    }

    private static Results<RazorComponentResult<TraceTable>, RazorComponentResult<LogTable>, NotFound> Clear(
        string signal, TelemetryStore store, HttpContext context)
    {
        if (!Htmx.IsRequest(context.Request))
        {
            return TypedResults.NotFound();
        }

        switch (signal)
        {
            case "traces":
                store.Clear(TelemetrySignal.Traces);
                return new RazorComponentResult<TraceTable>(new { Filter = TraceFilter.From(new QueryCollection()) });
            case "logs":
                store.Clear(TelemetrySignal.Logs);
                return new RazorComponentResult<LogTable>(new { Filter = LogFilter.From(new QueryCollection()) });
            default:
                return TypedResults.NotFound();
        }
    }

    private static void ReplaceUrl(HttpContext context, string url)
    {
        if (Htmx.IsRequest(context.Request))
        {
            context.Response.Headers["HX-Replace-Url"] = url;
        }
    }
}
