using System.Diagnostics;
using Gateway.Features.Messages.Upstream;

namespace Gateway.Features.Messages.Resilience;

/// <summary>
/// Gets an upstream response: retries outside the upstream's circuit breaker outside a per-attempt timeout
/// (<see cref="UpstreamPolicies"/>). Everything here happens before the client is sent a byte, which is what makes
/// retrying safe: once a response is handed back, it is the one the client gets.
/// </summary>
internal sealed class UpstreamSender(AnthropicClient client, UpstreamPolicies policies, TimeProvider timeProvider, ILogger<UpstreamSender> logger)
{
    public bool IsConfigured => client.IsConfigured;

    public async ValueTask<UpstreamAttempt> SendAsync(string path, ReadOnlyMemory<byte> body, HttpContext context, Activity? activity)
    {
        var clientGone = context.RequestAborted;
        var circuit = policies.CircuitFor(client.BaseUrl);
        long sentAt = 0;
        for (var retry = 0; ; retry++)
        {
            var pass = circuit.TryPass();
            if (pass == CircuitPass.Refused)
            {
                Log.CircuitRejected(logger, client.Host);
                return new UpstreamAttempt(null, UpstreamAttempt.CircuitOpen, sentAt);
            }

            sentAt = timeProvider.GetTimestamp();
            AttemptOutcome outcome;
            try
            {
                outcome = await AttemptAsync(path, body, context.Request.Headers, clientGone);
            }
            catch
            {
                // The client left, or something no rule covers: nothing to hold against the upstream.
                circuit.Abandon(pass);
                if (clientGone.IsCancellationRequested)
                {
                    return new UpstreamAttempt(null, UpstreamAttempt.ClientGone, sentAt);
                }

                throw;
            }

            circuit.Report(pass, UpstreamFailures.IsCircuitFailure(outcome));
            if (retry >= policies.MaxRetries || !policies.ShouldRetry(outcome))
            {
                return Final(outcome, sentAt);
            }

            var delay = policies.DelayBefore(retry, outcome);
            policies.Retrying(outcome, retry, delay, client.BaseUrl, activity);
            try
            {
                await Task.Delay(delay, timeProvider, clientGone);
            }
            catch (OperationCanceledException) when (clientGone.IsCancellationRequested)
            {
                return new UpstreamAttempt(null, UpstreamAttempt.ClientGone, sentAt);
            }
        }
    }

    /// <summary>
    /// One attempt, within the attempt timeout. A JSON body is read here too: it is small, and a connection that
    /// breaks while sending it is then retried like any other failed attempt. An event stream is left to the relay,
    /// and the timeout's token sources go with the headers, so a long stream is never cut by them.
    /// </summary>
    /// <exception cref="OperationCanceledException">The client left.</exception>
    private async Task<AttemptOutcome> AttemptAsync(string path, ReadOnlyMemory<byte> body, IHeaderDictionary headers, CancellationToken clientGone)
    {
        using var timeout = new CancellationTokenSource(policies.AttemptTimeout, timeProvider);
        using var untilHeaders = CancellationTokenSource.CreateLinkedTokenSource(clientGone, timeout.Token);
        HttpResponseMessage? response = null;
        try
        {
            response = await client.SendAsync(path, body, headers, untilHeaders.Token);
            if (!IsEventStream(response))
            {
                await response.Content.LoadIntoBufferAsync(untilHeaders.Token);
            }

            return AttemptOutcome.Answered(response);
        }
        catch (Exception e) when (!clientGone.IsCancellationRequested && (timeout.IsCancellationRequested || UpstreamFailures.IsTransportFailure(e)))
        {
            response?.Dispose();
            return timeout.IsCancellationRequested ? AttemptOutcome.Timeout : AttemptOutcome.Unreachable(e);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    private UpstreamAttempt Final(AttemptOutcome outcome, long sentAt)
    {
        if (outcome.Response is { } response)
        {
            return new UpstreamAttempt(response, null, sentAt);
        }

        if (outcome.TimedOut)
        {
            Log.UpstreamTimedOut(logger, client.Host, (int)policies.AttemptTimeout.TotalSeconds);
            return new UpstreamAttempt(null, UpstreamAttempt.TimedOut, sentAt);
        }

        Log.UpstreamUnreachable(logger, outcome.Failure!, client.Host);
        return new UpstreamAttempt(null, UpstreamAttempt.Unreachable, sentAt);
    }

    public static bool IsEventStream(HttpResponseMessage response) =>
        string.Equals(response.Content.Headers.ContentType?.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The response the client will get, or why there is none.</summary>
internal readonly record struct UpstreamAttempt(HttpResponseMessage? Response, string? Failure, long SentAt)
{
    public const string ClientGone = "client_gone";
    public const string CircuitOpen = "circuit_open";
    public const string TimedOut = "timeout";
    public const string Unreachable = "unreachable";
}
