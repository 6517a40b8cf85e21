using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Api.Tests.Support;

/// <summary>Stands in for the Gateway's <c>POST /v1/messages</c>: records calls, answers as told.</summary>
internal sealed class FakeGateway : IAsyncDisposable
{
    private TestWebApp? _app;

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public string ResponseBody { get; set; } = """
        {"id":"msg_1","type":"message","role":"assistant","model":"fake-model",
         "content":[{"type":"text","text":"Hello"},{"type":"text","text":" there"}],
         "stop_reason":"end_turn","usage":{"input_tokens":12,"output_tokens":3}}
        """;

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    public Uri BaseAddress => _app!.BaseAddress;

    public static async Task<FakeGateway> StartAsync()
    {
        var gateway = new FakeGateway();
        gateway._app = await TestWebApp.StartAsync(
            new Dictionary<string, string?>(),
            _ => { },
            app => app.MapPost("/v1/messages", gateway.AnswerAsync));
        return gateway;
    }

    private async Task<IResult> AnswerAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        Calls.Enqueue(new RecordedCall(
            request.Headers["anthropic-version"].ToString(),
            request.Headers["traceparent"].ToString(),
            await reader.ReadToEndAsync()));
        return Results.Content(ResponseBody, "application/json", statusCode: StatusCode);
    }

    public ValueTask DisposeAsync() => _app?.DisposeAsync() ?? ValueTask.CompletedTask;

    internal sealed record RecordedCall(string AnthropicVersion, string TraceParent, string Body);
}
