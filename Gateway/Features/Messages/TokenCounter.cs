using Gateway.Features.Messages.Mock;
using Gateway.Features.Messages.Resilience;
using Gateway.Features.Messages.Upstream;
using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages;

/// <summary>
/// Answers <c>count_tokens</c>: forwarded byte for byte through the same retries and circuit as
/// Messages, or estimated by the mock model when it stands in.
/// </summary>
internal sealed class TokenCounter(UpstreamSender upstream, IOptions<FallbackOptions> fallback, GatewayMetrics metrics, ILogger<TokenCounter> logger)
{
    private readonly FallbackMode _mode = fallback.Value.Mode;

    public async Task<IResult> CountAsync(HttpContext context, MessageRequest request, ReadOnlyMemory<byte> body)
    {
        if (!upstream.IsConfigured)
        {
            return new MockCountTokensResult(MockModel.InputTokens(request), fellBack: false);
        }

        if (_mode == FallbackMode.Always)
        {
            return FallBack(request, "always");
        }

        var attempt = await upstream.SendAsync(AnthropicClient.CountTokensPath, body, context, activity: null);
        if (attempt.Response is { } response)
        {
            if (_mode == FallbackMode.OnError && UpstreamFailures.WarrantsFallback((int)response.StatusCode))
            {
                response.Dispose();
                return FallBack(request, UpstreamFailures.StatusReason((int)response.StatusCode));
            }

            return new JsonRelayResult(response, scope: null);
        }

        return attempt.Failure switch
        {
            UpstreamAttempt.ClientGone => Results.Empty,
            var failure when _mode == FallbackMode.OnError => FallBack(request, failure!),
            var failure => UpstreamErrors.For(failure!),
        };
    }

    private MockCountTokensResult FallBack(MessageRequest request, string reason)
    {
        metrics.FellBack(reason);
        Log.FellBack(logger, reason, request.Model);
        return new MockCountTokensResult(MockModel.InputTokens(request), fellBack: true);
    }
}
