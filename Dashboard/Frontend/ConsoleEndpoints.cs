using System.Globalization;
using System.Net;
using Dashboard.Resources;

namespace Dashboard.Frontend;

/// <summary>
/// The console page's live tail: the AppHost's buffered lines of one resource, then new ones, as server-sent events
/// carrying ready HTML (ANSI colours rendered), filtered by the search text. And the resource commands.
/// </summary>
internal static class ConsoleEndpoints
{
    public static void MapConsole(this IEndpointRouteBuilder app)
    {
        app.MapGet("/console/stream", StreamAsync);
        app.MapPost("/api/resources/{name}/commands/{command}", ExecuteAsync);
    }

    private static async Task StreamAsync(HttpContext context, ResourceServiceClient client, string resource, string? q)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var aborted = context.RequestAborted;
        try
        {
            await foreach (var line in client.WatchLogsAsync(resource, cancellationToken: aborted))
            {
                if (q is { Length: > 0 } && !line.Text.Contains(q, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var html = $"<div class=\"line{(line.IsError ? " stderr" : "")}\"><span class=\"seq\">{line.Sequence.ToString(CultureInfo.InvariantCulture)}</span>{Ansi.ToHtml(line.Text)}</div>";
                await context.Response.WriteAsync($"event: line\ndata: {html}\n\n", aborted);
                await context.Response.Body.FlushAsync(aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
        }
        catch (HttpRequestException ex)
        {
            var message = WebUtility.HtmlEncode($"The AppHost's console stream failed: {ex.Message}");
            await context.Response.WriteAsync($"event: line\ndata: <div class=\"line stderr\">{message}</div>\n\n", aborted);
        }
    }

    private static async Task<IResult> ExecuteAsync(HttpContext context, ResourceServiceClient client, string name, string command)
    {
        if (!Htmx.IsRequest(context.Request))
        {
            return Results.BadRequest();
        }

        var result = await client.ExecuteCommandAsync(name, command, context.RequestAborted);
        var text = result.Succeeded ? $"{command} {name}: done" : $"{command} {name}: {result.Error}";
        return Results.Content($"<p class=\"{(result.Succeeded ? "muted" : "banner")}\">{WebUtility.HtmlEncode(text)}</p>", "text/html");
    }
}
