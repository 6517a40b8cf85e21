using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Support;

/// <summary>
/// Fault injection for the resilience tests, keyed by model prefix like the rest of the stub:
/// <c>500:</c>, <c>503:</c>, <c>c400:</c>, <c>slow:&lt;ms&gt;:</c>, <c>reset:</c> (connection reset before
/// headers), <c>midreset:</c> (reset after three events, once the gate opens), <c>flaky:&lt;n&gt;:</c>
/// (529 n times, then success), <c>ratelimited:&lt;s&gt;:</c>, <c>ratelimitedms:&lt;ms&gt;:</c> and
/// <c>ratelimiteddate:&lt;s&gt;:</c> (one 429 with that retry-after, then success), <c>hold:</c> (first
/// event, then waits for the client to leave), <c>cached:</c> and <c>cachedsse:</c> (answers with cache tokens).
/// </summary>
internal sealed partial class AnthropicStub
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TimeSpan>> _arrivals = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _aborted = new();

    /// <summary>When each request for <paramref name="model"/> arrived, on one monotonic clock.</summary>
    public IReadOnlyList<TimeSpan> ArrivalsFor(string model) =>
        _arrivals.TryGetValue(model, out var list) ? [.. list] : [];

    /// <summary>Completes when the Gateway drops a <c>hold:</c> request.</summary>
    public Task Aborted(string model) => AbortedSource(model).Task;

    private TaskCompletionSource AbortedSource(string model) =>
        _aborted.GetOrAdd(model, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task<bool> TryFaultAsync(HttpContext context, string model)
    {
        _arrivals.GetOrAdd(model, _ => new()).Enqueue(Clock.Elapsed);
        var parts = model.Split(':');
        var seen = RequestsFor(model).Count;
        switch (parts[0])
        {
            case "500":
                await WriteJsonAsync(context, 500, StubMessages.Error("api_error", "Internal server error"));
                return true;
            case "503":
                await WriteJsonAsync(context, 503, StubMessages.Error("api_error", "Service unavailable"));
                return true;
            case "c400":
                context.Response.Headers.RetryAfter = "3";
                await WriteJsonAsync(context, 400, StubMessages.Error("invalid_request_error", "messages: roles must alternate"));
                return true;
            case "slow":
                await Task.Delay(int.Parse(parts[1], CultureInfo.InvariantCulture), context.RequestAborted);
                await WriteJsonAsync(context, 200, StubMessages.Message(model));
                return true;
            case "reset":
                context.Abort();
                return true;
            case "midreset":
                await WriteMidStreamAsync(context, model);
                return true;
            case "flaky" when seen <= int.Parse(parts[1], CultureInfo.InvariantCulture):
                await WriteJsonAsync(context, 529, StubMessages.Error("overloaded_error", "Overloaded"));
                return true;
            case "ratelimited" or "ratelimitedms" or "ratelimiteddate" when seen == 1:
                SetRetryAfter(context.Response, parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture));
                await WriteJsonAsync(context, 429, StubMessages.Error("rate_limit_error", "Number of requests has exceeded your rate limit."));
                return true;
            case "flaky" or "ratelimited" or "ratelimitedms" or "ratelimiteddate":
                await WriteSuccessAsync(context, model);
                return true;
            case "hold":
                await HoldAsync(context, model);
                return true;
            case "cached":
                await WriteJsonAsync(context, 200, CacheStubMessages.Message(model));
                return true;
            case "cachedsse":
                await WriteFramesAsync(context, CacheStubMessages.Stream(model));
                return true;
            default:
                return false;
        }
    }

    private static void SetRetryAfter(HttpResponse response, string kind, int value)
    {
        switch (kind)
        {
            case "ratelimitedms":
                response.Headers["retry-after-ms"] = value.ToString(CultureInfo.InvariantCulture);
                break;
            case "ratelimiteddate":
                response.Headers.RetryAfter = DateTimeOffset.UtcNow.AddSeconds(value).ToString("R", CultureInfo.InvariantCulture);
                break;
            default:
                response.Headers.RetryAfter = value.ToString(CultureInfo.InvariantCulture);
                break;
        }
    }

    private async Task WriteSuccessAsync(HttpContext context, string model)
    {
        var request = JsonDocument.Parse(RequestsFor(model)[^1].Body).RootElement;
        var stream = request.TryGetProperty("stream", out var flag) && flag.GetBoolean();
        if (stream)
        {
            await WriteFramesAsync(context, [StubMessages.StreamStart(model), .. StubMessages.StreamAfterStart()]);
        }
        else
        {
            await WriteJsonAsync(context, 200, StubMessages.Message(model));
        }
    }

    private async Task WriteMidStreamAsync(HttpContext context, string model)
    {
        await WriteFramesAsync(context, [StubMessages.StreamStart(model), .. StubMessages.StreamAfterStart().Take(2)]);
        // Aborting at once could drop events still queued for the socket: the test opens the gate once it has them.
        await Gate(model).Task.WaitAsync(TimeSpan.FromSeconds(30), context.RequestAborted);
        context.Abort();
    }

    private async Task HoldAsync(HttpContext context, string model)
    {
        await WriteFramesAsync(context, [StubMessages.StreamStart(model)]);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            AbortedSource(model).TrySetResult();
        }
    }

    private static async Task WriteFramesAsync(HttpContext context, IEnumerable<string> frames)
    {
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        foreach (var frame in frames)
        {
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(frame));
            await context.Response.Body.FlushAsync();
        }
    }

    /// <summary>The faults a <c>count_tokens</c> request can meet: <c>503:</c>, and <c>flaky:</c> (one 529, then an answer).</summary>
    private async Task<bool> TryCountTokensFaultAsync(HttpContext context, string model)
    {
        switch (model.Split(':')[0])
        {
            case "503":
                await WriteJsonAsync(context, 503, StubMessages.Error("api_error", "Service unavailable"));
                return true;
            case "flaky" when CountTokensRequestsFor(model).Count <= 1:
                await WriteJsonAsync(context, 529, StubMessages.Error("overloaded_error", "Overloaded"));
                return true;
            default:
                return false;
        }
    }
}
