using Gateway.Features.Messages.Mock;
using Gateway.Features.Messages.Resilience;
using Gateway.Features.Messages.Upstream;
using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages;

/// <summary>
/// Answers one validated Messages request: from the provider through retries and the circuit
/// breaker, or from the mock model (no key, fallback). Whatever answers, the returned result finishes
/// the call — telemetry and <see cref="MessageCall.OnCompleted"/> — once the client has the answer.
/// </summary>
internal sealed class MessageDispatcher(
    UpstreamSender upstream,
    IOptions<FallbackOptions> fallback,
    IOptions<MockOptions> mock,
    GatewayMetrics metrics,
    TimeProvider timeProvider,
    ILogger<MessageDispatcher> logger)
{
    private readonly FallbackMode _mode = fallback.Value.Mode;

    /// <summary>Whether calls go to the provider at all (the span kind and provider name follow).</summary>
    public bool CallsUpstream => upstream.IsConfigured && _mode != FallbackMode.Always;

    public async Task<IResult> DispatchAsync(MessageCall call)
    {
        var scope = new CallScope(call, metrics, timeProvider, logger);
        if (!upstream.IsConfigured)
        {
            scope.Provider = CallScope.MockProvider;
            return Mock(scope, MockModel.NoKey);
        }

        if (_mode == FallbackMode.Always)
        {
            return FallBack(scope, "always");
        }

        var attempt = await upstream.SendAsync(AnthropicClient.MessagesPath, call.Body, call.Context, call.Activity);
        if (attempt.Response is { } response)
        {
            var status = (int)response.StatusCode;
            if (_mode == FallbackMode.OnError && UpstreamFailures.WarrantsFallback(status))
            {
                response.Dispose();
                return FallBack(scope, UpstreamFailures.StatusReason(status));
            }

            return UpstreamSender.IsEventStream(response)
                ? new StreamRelayResult(response, scope, attempt.SentAt)
                : new JsonRelayResult(response, scope);
        }

        var failure = attempt.Failure!;
        if (failure == UpstreamAttempt.ClientGone)
        {
            return new CompletingResult(null, scope, StatusCodes.Status499ClientClosedRequest, failure);
        }

        if (_mode == FallbackMode.OnError)
        {
            return FallBack(scope, failure);
        }

        var error = UpstreamErrors.For(failure);
        return new CompletingResult(error, scope, error.StatusCode, failure);
    }

    private MockMessageResult FallBack(CallScope scope, string reason)
    {
        metrics.FellBack(reason);
        Log.FellBack(logger, reason, scope.Call.Request.Model);
        scope.Provider = CallScope.MockProvider;
        scope.FallbackReason = reason;
        return Mock(scope, UpstreamErrors.MockReason(reason));
    }

    private MockMessageResult Mock(CallScope scope, string why) =>
        new(MockModel.Answer(scope.Call.Request, why), mock.Value, timeProvider, scope);
}
