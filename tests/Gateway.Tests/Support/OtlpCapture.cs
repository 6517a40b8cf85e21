using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Support;

/// <summary>An OTLP/HTTP endpoint on loopback that keeps every export as raw bytes (protobuf strings are plain UTF-8 inside).</summary>
internal sealed class OtlpCapture : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _exports = new();

    private OtlpCapture(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<OtlpCapture> StartAsync()
    {
        var builder = LoopbackApp.CreateBuilder();
        builder.Logging.ClearProviders();
        var capture = new OtlpCapture(builder.Build());
        capture._app.MapPost("/v1/{signal}", capture.ReceiveAsync);
        await capture._app.StartAsync();
        capture.Endpoint = capture._app.Address();
        return capture;
    }

    /// <summary>The environment that makes a service export all three signals here, quickly.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
    };

    public IReadOnlyList<byte[]> Exports(string signal) => _exports.TryGetValue(signal, out var queue) ? [.. queue] : [];

    /// <summary>Whether any export of <paramref name="signal"/> holds <paramref name="text"/>.</summary>
    public bool Contains(string signal, string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        return Exports(signal).Any(export => export.AsSpan().IndexOf(needle) >= 0);
    }

    /// <summary>The printable text around the first occurrence of <paramref name="text"/>, for a failure message.</summary>
    public string Around(string signal, string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        foreach (var export in Exports(signal))
        {
            var at = export.AsSpan().IndexOf(needle);
            if (at >= 0)
            {
                var start = Math.Max(0, at - 300);
                var window = export.AsSpan(start, Math.Min(export.Length - start, 400));
                return new string([.. System.Text.Encoding.UTF8.GetString(window).Select(c => char.IsControl(c) ? '·' : c)]);
            }
        }

        return "";
    }

    private async Task ReceiveAsync(HttpContext context, string signal)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        _exports.GetOrAdd(signal, _ => new()).Enqueue(body.ToArray());
        context.Response.ContentType = "application/x-protobuf";
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
