using System.Collections.Concurrent;
using Gateway.Features.Messages;
using Gateway.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Gateway.Tests.Support;

/// <summary>
/// The Messages feature in process, with an endpoint that dispatches the way the Gateway's will once
/// ledger and cache steps wrap it, recording every <see cref="CallOutcome"/> it is handed.
/// </summary>
internal sealed class DispatcherHarness : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<CallOutcome>> _outcomes = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<CallOutcome>> _first = new();
    private WebApplication _app = null!;

    /// <summary>While unset, OnCompleted waits: proves the client already has its answer when the callback runs.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HttpClient Client { get; private set; } = null!;

    public static async Task<DispatcherHarness> StartAsync(IReadOnlyDictionary<string, string?> configuration, bool released = true)
    {
        var harness = new DispatcherHarness();
        if (released)
        {
            harness.Release.SetResult();
        }

        var builder = LoopbackApp.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddMessages();
        harness._app = builder.Build();
        harness._app.MapPost("/v1/messages", harness.DispatchAsync);
        await harness._app.StartAsync(TestContext.Current.CancellationToken);
        harness.Client = LeavingClient(harness._app.Address());
        return harness;
    }

    /// <summary>
    /// A client that really leaves when a response is disposed half-read: by default SocketsHttpHandler
    /// drains the rest for up to 2 s to reuse the connection, which would hide how fast the Gateway lets go.
    /// </summary>
    public static HttpClient LeavingClient(Uri baseAddress) =>
        new(new SocketsHttpHandler { MaxResponseDrainSize = 0 })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestHeaders = { { "x-api-key", GatewayProcess.ClientKey } },
        };

    public IReadOnlyList<CallOutcome> OutcomesFor(string model) => _outcomes.TryGetValue(model, out var list) ? [.. list] : [];

    public Task<CallOutcome> OutcomeAsync(string model) =>
        First(model).Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

    private TaskCompletionSource<CallOutcome> First(string model) =>
        _first.GetOrAdd(model, _ => new TaskCompletionSource<CallOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task<IResult> DispatchAsync(HttpContext context, MessageDispatcher dispatcher)
    {
        var body = await RequestBody.ReadAsync(context, 1 << 20);
        Assert.True(MessageRequestParser.TryParse(body.Content, ParseMode.Messages, out var request, out _));
        var activity = GatewayTelemetry.StartChat(request.Model, request.MaxTokens, dispatcher.CallsUpstream);
        if (activity is not null)
        {
            context.Response.RegisterForDispose(activity);
        }

        return await dispatcher.DispatchAsync(new MessageCall(context, request, body.Content, activity, async outcome =>
        {
            await Release.Task;
            _outcomes.GetOrAdd(request.Model, _ => new()).Enqueue(outcome);
            First(request.Model).TrySetResult(outcome);
        }));
    }

    public async ValueTask DisposeAsync()
    {
        Release.TrySetResult();
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
