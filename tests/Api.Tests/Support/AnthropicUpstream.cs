using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Api.Tests.Support;

/// <summary>
/// Anthropic's streaming Messages API, faked behind the real Gateway. The last user message picks the answer:
/// <c>break</c> (two deltas, then the connection drops once <see cref="BreakGate"/> opens), <c>overloaded</c> (two deltas, then Anthropic's
/// <c>error</c> event), <c>hold</c> (one delta, then waits for the caller to leave), <c>pause</c> (one delta, then
/// <see cref="Reply"/> once <see cref="PauseGate"/> opens), <c>500</c>; anything
/// else gets <see cref="Reply"/>, streamed a few characters a delta.
/// </summary>
internal sealed class AnthropicUpstream : IAsyncDisposable
{
    private TestWebApp? _app;

    public string Reply { get; set; } = "Hello from upstream.";

    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    /// <summary>Completes when a <c>hold</c> request is dropped by its caller.</summary>
    public TaskCompletionSource Abandoned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Holds a <c>break</c> answer after its deltas: dropping at once could lose them in the socket (or before the Gateway commits its 200).</summary>
    public TaskCompletionSource BreakGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Holds a <c>pause</c> answer after its first delta, so a test can act while the reply is streaming.</summary>
    public TaskCompletionSource PauseGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri BaseAddress => _app!.BaseAddress;

    public static async Task<AnthropicUpstream> StartAsync()
    {
        var upstream = new AnthropicUpstream();
        upstream._app = await TestWebApp.StartAsync(new Dictionary<string, string?>(), _ => { }, app => app.MapPost("/v1/messages", upstream.AnswerAsync));
        return upstream;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement.Clone();
        Requests.Enqueue(request);
        var last = request.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString();
        if (last == "500")
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsJsonAsync(new { type = "error", error = new { type = "api_error", message = "Internal server error" } });
            return;
        }

        context.Response.ContentType = "text/event-stream; charset=utf-8";
        await WriteAsync(context, Frame("message_start", """{"type":"message_start","message":{"id":"msg_01Up","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":42,"output_tokens":1}}}"""));
        await WriteAsync(context, Frame("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""));
        await (last switch
        {
            "break" => BreakAsync(context),
            "overloaded" => OverloadedAsync(context),
            "hold" => HoldAsync(context),
            "pause" => PauseAsync(context),
            _ => CompleteAsync(context),
        });
    }

    private async Task CompleteAsync(HttpContext context)
    {
        foreach (var piece in Reply.Chunk(7).Select(chars => new string(chars)))
        {
            await WriteAsync(context, Delta(piece));
        }

        await WriteAsync(context, Frame("content_block_stop", """{"type":"content_block_stop","index":0}"""));
        await WriteAsync(context, Frame("message_delta", """{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":17}}"""));
        await WriteAsync(context, Frame("message_stop", """{"type":"message_stop"}"""));
    }

    private async Task BreakAsync(HttpContext context)
    {
        await WriteAsync(context, Delta("Half a "));
        await WriteAsync(context, Delta("reply"));
        await BreakGate.Task.WaitAsync(TimeSpan.FromSeconds(30), context.RequestAborted);
        context.Abort();
    }

    private static async Task OverloadedAsync(HttpContext context)
    {
        await WriteAsync(context, Delta("Half a "));
        await WriteAsync(context, Delta("reply"));
        await WriteAsync(context, Frame("error", """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""));
    }

    private async Task PauseAsync(HttpContext context)
    {
        await WriteAsync(context, Delta("Thinking... "));
        await PauseGate.Task.WaitAsync(TimeSpan.FromSeconds(30), context.RequestAborted);
        await CompleteAsync(context);
    }

    private async Task HoldAsync(HttpContext context)
    {
        await WriteAsync(context, Delta("Wait for it"));
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            Abandoned.TrySetResult();
        }
    }

    private static string Delta(string text) =>
        Frame("content_block_delta", $$$"""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":{{{JsonSerializer.Serialize(text)}}}}}""");

    private static string Frame(string name, string json) => $"event: {name}\ndata: {json}\n\n";

    private static async Task WriteAsync(HttpContext context, string frame)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(frame));
        await context.Response.Body.FlushAsync();
    }

    public ValueTask DisposeAsync()
    {
        BreakGate.TrySetResult();
        PauseGate.TrySetResult();
        return _app?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
