using Gateway.Infrastructure.Errors;

namespace Gateway.Features.Messages.Resilience;

/// <summary>What the client is told when the provider gave no usable answer and nothing falls back.</summary>
internal static class UpstreamErrors
{
    public static AnthropicErrorResult For(string failure) => failure switch
    {
        UpstreamAttempt.TimedOut => AnthropicErrors.UpstreamTimedOut(),
        // Anthropic's own "overloaded": SDKs already back off on it, which is what an open circuit wants.
        UpstreamAttempt.CircuitOpen => new AnthropicErrorResult(529, "overloaded_error",
            "The upstream model provider is failing; the gateway has stopped calling it for a short while."),
        _ => AnthropicErrors.UpstreamUnreachable(),
    };

    /// <summary>Why a mock answer replaced the provider's, as the reply text says it.</summary>
    public static string MockReason(string reason) => reason == "always"
        ? "Fallback:Mode is Always"
        : "the upstream model provider is unavailable";
}
