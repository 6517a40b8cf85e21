using System.Diagnostics;
using Gateway.Infrastructure;

namespace Gateway.Features.Messages;

/// <summary>
/// One dispatched call from start to finish: times it, and when the answer is out records the span
/// attributes and GenAI metrics and runs <see cref="MessageCall.OnCompleted"/> — once, whatever path
/// the answer took.
/// </summary>
internal sealed class CallScope(MessageCall call, GatewayMetrics metrics, TimeProvider timeProvider, ILogger logger)
{
    public const string UpstreamProvider = "anthropic";
    public const string MockProvider = "gateway.mock";

    private readonly long _started = timeProvider.GetTimestamp();
    private int _finished;

    public MessageCall Call => call;

    public ILogger Logger => logger;

    public string Provider { get; set; } = UpstreamProvider;

    /// <summary>Why the mock answers although a key is configured; null when it does not, or when there is no key.</summary>
    public string? FallbackReason { get; set; }

    public void FirstChunk(long sentAt) =>
        metrics.RecordTimeToFirstChunk(Provider, call.Request.Model, timeProvider.GetElapsedTime(sentAt));

    /// <summary>Completes the response so the client has all of it, then records and reports the call.</summary>
    public async Task FinishAsync(ReplyFacts facts, CallEnd end)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0)
        {
            return;
        }

        var context = call.Context;
        if (!context.RequestAborted.IsCancellationRequested)
        {
            try
            {
                // The client holds its whole answer before ledger or cache work starts.
                await context.Response.CompleteAsync();
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
            {
                // The client left as the last bytes went out; there is nothing more to send it.
            }
        }

        Record(facts, end);
        try
        {
            await call.OnCompleted(new CallOutcome(facts.Usage, facts.Model, end.Mocked, end.Succeeded, end.StatusCode, end.Cacheable));
        }
        catch (Exception e)
        {
            // The answer is out; a failing callback must not turn it into an error the client never sees.
            Log.CompletionFailed(logger, e, call.Request.Model);
        }
    }

    private void Record(in ReplyFacts facts, in CallEnd end)
    {
        var model = call.Request.Model;
        var usage = facts.Usage;
        if (usage.Total > 0)
        {
            metrics.RecordUsage(Provider, model, facts.Model, usage);
        }

        metrics.RecordDuration(Provider, model, facts.Model, timeProvider.GetElapsedTime(_started), end.ErrorType);
        if (call.Activity is { } activity)
        {
            Tag(activity, facts, end);
        }
    }

    private void Tag(Activity activity, in ReplyFacts facts, in CallEnd end)
    {
        activity.SetTag("gen_ai.provider.name", Provider);
        activity.SetTag("http.response.status_code", end.StatusCode);
        activity.SetTag("gen_ai.response.id", facts.Id);
        activity.SetTag("gen_ai.response.model", facts.Model);
        if (facts.StopReason is { } stopReason)
        {
            activity.SetTag("gen_ai.response.finish_reasons", new[] { stopReason });
        }

        // Ints, as the semantic conventions type them; no single answer comes near int.MaxValue tokens.
        activity.SetTag("gen_ai.usage.input_tokens", (int)facts.InputTokens);
        activity.SetTag("gen_ai.usage.output_tokens", (int)facts.OutputTokens);
        activity.SetTag("gen_ai.usage.cache_read.input_tokens", (int)facts.CacheReadInputTokens);
        activity.SetTag("gen_ai.usage.cache_creation.input_tokens", (int)facts.CacheCreationInputTokens);
        activity.SetTag("gateway.fallback.reason", FallbackReason);
        if (end.ErrorType is { } errorType)
        {
            activity.SetTag("error.type", errorType);
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}

/// <summary>How a call ended, beyond what the answer itself said.</summary>
internal readonly record struct CallEnd(bool Succeeded, int StatusCode, bool Mocked, string? ErrorType, CachedReply? Cacheable = null);
