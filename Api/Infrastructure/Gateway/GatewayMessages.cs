using System.Text.Json.Serialization;

namespace Api.Infrastructure.Gateway;

// The subset of Anthropic's Messages API the Api speaks to the Gateway.
internal sealed record MessagesRequest(
    string Model, int MaxTokens, IReadOnlyList<MessageParam> Messages, string? System = null, bool? Stream = null);

internal sealed record MessageParam(string Role, string Content);

internal sealed record MessagesResponse(string? Type, string? Model, IReadOnlyList<ContentBlock>? Content, MessagesUsage? Usage);

internal sealed record ContentBlock(string? Type, string? Text);

internal sealed record MessagesUsage(int InputTokens, int OutputTokens);

internal sealed record ErrorResponse(string? Type, ErrorDetail? Error);

internal sealed record ErrorDetail(string? Type, string? Message);

/// <summary>Any event of a Messages stream: only the fields of the event named by <see cref="Type"/> are set.</summary>
internal sealed record StreamEvent(string? Type, MessagesResponse? Message, StreamDelta? Delta, MessagesUsage? Usage, ErrorDetail? Error);

/// <summary>A <c>content_block_delta</c>'s delta (<c>text_delta</c>: text) or a <c>message_delta</c>'s (stop_reason).</summary>
internal sealed record StreamDelta(string? Type, string? Text, string? StopReason);

/// <summary>What the Gateway answered, reduced to what callers use.</summary>
internal sealed record GatewayReply(string Text, string Model, int InputTokens, int OutputTokens);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MessagesRequest))]
[JsonSerializable(typeof(MessagesResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(StreamEvent))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
