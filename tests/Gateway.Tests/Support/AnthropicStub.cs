using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Support;

/// <summary>
/// Anthropic's API, faked on a loopback Kestrel. The requested model picks the behaviour
/// (<c>json:…</c>, <c>sse:…</c>, <c>stall:…</c>, <c>broken:…</c>, <c>sse-error:…</c>, and an error
/// class per status code: <c>400:…</c> … <c>529:…</c>) and names the recorded request, so tests
/// sharing a stub never mix up.
/// </summary>
internal sealed partial class AnthropicStub : IAsyncDisposable
{
    public const string RequestId = "req_011CStubUpstream";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, List<RecordedRequest>> _requests = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, bool> _restSent = new();

    private AnthropicStub(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<AnthropicStub> StartAsync()
    {
        var builder = LoopbackApp.CreateBuilder();
        builder.Logging.ClearProviders();
        var stub = new AnthropicStub(builder.Build());
        stub._app.MapPost("/v1/messages", stub.HandleAsync);
        stub.MapSurface();
        await stub._app.StartAsync();
        stub.BaseAddress = stub._app.Address();
        return stub;
    }

    /// <summary>Every request received for <paramref name="model"/>.</summary>
    public IReadOnlyList<RecordedRequest> RequestsFor(string model) =>
        _requests.TryGetValue(model, out var list) ? [.. list] : [];

    /// <summary>Holds an <c>sse:</c> or <c>broken:</c> answer after its first event until the test opens the gate.</summary>
    public TaskCompletionSource Gate(string model) =>
        _gates.GetOrAdd(model, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public bool RestSent(string model) => _restSent.ContainsKey(model);

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var bytes = body.ToArray();
        var model = JsonDocument.Parse(bytes).RootElement.GetProperty("model").GetString()!;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.GetOrAdd(model, _ => []).Add(new RecordedRequest(headers, bytes));

        context.Response.Headers["request-id"] = RequestId;
        context.Response.Headers["anthropic-ratelimit-requests-remaining"] = "49";
        context.Response.Headers["anthropic-ratelimit-tokens-reset"] = "2026-01-01T00:00:00Z";
        // Not on the Gateway's allow-list: must not reach the client.
        context.Response.Headers["x-internal-upstream"] = "do-not-forward";
        if (await TryFaultAsync(context, model) || await TryWriteSurfaceScenarioAsync(context, model))
        {
            return;
        }

        switch (model.Split(':')[0])
        {
            case "json":
                await WriteJsonAsync(context, 200, StubMessages.Message(model));
                break;
            case "sse":
                await WriteStreamAsync(context, model);
                break;
            case "broken":
                // Aborting at once could drop the event still queued for the socket.
                await WriteFirstEventAsync(context, model);
                await Gate(model).Task.WaitAsync(TimeSpan.FromSeconds(30), context.RequestAborted);
                context.Abort();
                break;
            case "stall":
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                break;
            case var name when name.StartsWith("claude-", StringComparison.Ordinal):
                // A real model id: a plain JSON answer, for the tests that need the Gateway's price table.
                await WriteJsonAsync(context, 200, StubMessages.Message(model));
                break;
            default:
                throw new InvalidOperationException("Unknown stub scenario " + model);
        }
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }

    private async Task WriteStreamAsync(HttpContext context, string model)
    {
        await WriteFirstEventAsync(context, model);
        await Gate(model).Task.WaitAsync(TimeSpan.FromSeconds(30), context.RequestAborted);
        _restSent[model] = true;
        foreach (var frame in StubMessages.StreamAfterStart())
        {
            await context.Response.WriteAsync(frame);
            await context.Response.Body.FlushAsync();
        }
    }

    private static async Task WriteFirstEventAsync(HttpContext context, string model)
    {
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(StubMessages.StreamStart(model)));
        await context.Response.Body.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gate in _gates.Values)
        {
            gate.TrySetResult();
        }

        await _app.DisposeAsync();
    }
}

internal sealed record RecordedRequest(IReadOnlyDictionary<string, string> Headers, byte[] Body);
