using System.Diagnostics;

namespace Gateway.Infrastructure;

/// <summary>
/// The Gateway's spans. The source is named after the application so the shared telemetry
/// defaults (which subscribe to the application name) pick it up without extra wiring.
/// </summary>
internal static class GatewayTelemetry
{
    public const string SourceName = "Gateway";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>A GenAI client span as the OpenTelemetry GenAI semantic conventions name it.</summary>
    public static Activity? StartChat(string model, long maxTokens, bool upstream)
    {
        var activity = Source.StartActivity($"chat {model}", upstream ? ActivityKind.Client : ActivityKind.Internal);
        activity?.SetTag("gen_ai.operation.name", "chat");
        activity?.SetTag("gen_ai.provider.name", upstream ? "anthropic" : "gateway.mock");
        activity?.SetTag("gen_ai.request.model", model);
        activity?.SetTag("gen_ai.request.max_tokens", maxTokens);
        return activity;
    }

    public static void SetUsage(this Activity? activity, int inputTokens, int outputTokens, string finishReason)
    {
        activity?.SetTag("gen_ai.usage.input_tokens", inputTokens);
        activity?.SetTag("gen_ai.usage.output_tokens", outputTokens);
        activity?.SetTag("gen_ai.response.finish_reasons", new[] { finishReason });
    }
}
