using System.Text.Json.Serialization;
using Gateway.Infrastructure;

namespace Gateway.Features.Messages;

/// <summary>Source-generated JSON for every response the Gateway writes on the Messages hot path.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(MessageResponse))]
[JsonSerializable(typeof(MessageStartEvent))]
[JsonSerializable(typeof(ContentBlockStartEvent))]
[JsonSerializable(typeof(PingEvent))]
[JsonSerializable(typeof(ContentBlockDeltaEvent))]
[JsonSerializable(typeof(ContentBlockStopEvent))]
[JsonSerializable(typeof(MessageDeltaEvent))]
[JsonSerializable(typeof(MessageStopEvent))]
internal sealed partial class MessagesJsonContext : JsonSerializerContext
{
    /// <summary>Writes quotes and non-ASCII text as is, the way Anthropic does, rather than as \u escapes.</summary>
    public static MessagesJsonContext Wire { get; } = new(WireOptions.Create());
}
