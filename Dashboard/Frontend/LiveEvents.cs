using System.Threading.Channels;
using Dashboard.Telemetry;

namespace Dashboard.Frontend;

/// <summary>
/// <c>GET /events</c>: one server-sent event stream per open page, naming what changed (<c>traces</c>, <c>logs</c>,
/// <c>metrics</c>, <c>telemetry</c>, <c>resources</c>) at most twice a second each; the page's htmx elements refresh
/// themselves on the events they listen to.
/// </summary>
internal static class LiveEvents
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void MapLiveEvents(this IEndpointRouteBuilder app) => app.MapGet("/events", StreamAsync);

    private static async Task StreamAsync(HttpContext context, TelemetryStore store, Resources.ResourceCatalog sources)
    {
        var changes = Channel.CreateBounded<string>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        void Traces() => changes.Writer.TryWrite("traces");
        void Logs() => changes.Writer.TryWrite("logs");
        void Metrics() => changes.Writer.TryWrite("metrics");
        void Resources() => changes.Writer.TryWrite("resources");
        store.Traces.Changed += Traces;
        store.Logs.Changed += Logs;
        store.Metrics.Changed += Metrics;
        store.ResourcesChanged += Resources;
        sources.Changed += Resources;
        try
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers["X-Accel-Buffering"] = "no";
            await context.Response.WriteAsync(": connected\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await PumpAsync(context, changes.Reader);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
        finally
        {
            store.Traces.Changed -= Traces;
            store.Logs.Changed -= Logs;
            store.Metrics.Changed -= Metrics;
            store.ResourcesChanged -= Resources;
            sources.Changed -= Resources;
        }
    }

    private static async Task PumpAsync(HttpContext context, ChannelReader<string> changes)
    {
        var lastSent = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        var pending = new HashSet<string>(StringComparer.Ordinal);
        var aborted = context.RequestAborted;
        while (!aborted.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            wait.CancelAfter(pending.Count > 0 ? MinInterval : KeepAlive);
            try
            {
                pending.Add(await changes.ReadAsync(wait.Token));
                while (changes.TryRead(out var more))
                {
                    pending.Add(more);
                }
            }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
            {
                if (pending.Count == 0)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", aborted);
                    await context.Response.Body.FlushAsync(aborted);
                }
            }

            var now = DateTime.UtcNow;
            var due = pending.Where(name => !lastSent.TryGetValue(name, out var at) || now - at >= MinInterval).ToList();
            foreach (var name in due)
            {
                pending.Remove(name);
                lastSent[name] = now;
                await context.Response.WriteAsync($"event: {name}\ndata: {name}\n\n", aborted);
            }

            if (due.Any(name => name is "traces" or "logs" or "metrics"))
            {
                await context.Response.WriteAsync("event: telemetry\ndata: telemetry\n\n", aborted);
            }

            if (due.Count > 0)
            {
                await context.Response.Body.FlushAsync(aborted);
            }
        }
    }
}
