using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using TestSupport;
using Gateway.Infrastructure;
using Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Gateway.Tests;

/// <summary>Each model call is a <c>chat {model}</c> span on the "Gateway" source, with GenAI attributes.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Mock_answer_is_a_chat_span_with_model_and_usage()
    {
        var model = "telemetry-" + Guid.NewGuid().ToString("N");
        var stopped = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GatewayTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.DisplayName == $"chat {model}")
                {
                    stopped.TrySetResult(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var redis = await RedisServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var app = await StartInProcessAsync(redis);
        using var client = new HttpClient { BaseAddress = app.Address() };
        client.DefaultRequestHeaders.Add("x-api-key", GatewayProcess.ClientKey);

        using var response = await Requests.SendAsync(client, Requests.Body(model, maxTokens: 5));
        var span = await stopped.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal(model, span.GetTagItem("gen_ai.request.model"));
        Assert.Equal(5L, span.GetTagItem("gen_ai.request.max_tokens"));
        Assert.Equal(5, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.True((int)span.GetTagItem("gen_ai.usage.input_tokens")! > 0);
    }

    /// <summary>The whole Gateway on a loopback Kestrel in this process, so the test can listen to its spans.</summary>
    private static async Task<WebApplication> StartInProcessAsync(RedisServer redis)
    {
        var builder = LoopbackApp.CreateBuilder();
        var settings = GatewayProcess.Environment(redis, apiKey: null, baseUrl: null)
            .Where(pair => pair.Value is not null)
            .Select(pair => new KeyValuePair<string, string?>(pair.Key.Replace("__", ":", StringComparison.Ordinal), pair.Value));
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddGatewayServices();
        var app = builder.Build();
        app.MapGatewayEndpoints();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }
}
