using System.Text.Json.Serialization;

namespace Api.Infrastructure.Gateway;

// The subset of Anthropic's Messages API the Api speaks to the Gateway.
internal sealed record MessagesRequest(string Model, int MaxTokens, IReadOnlyList<MessageParam> Messages);

internal sealed record MessageParam(string Role, string Content);

internal sealed record MessagesResponse(string? Type, string? Model, IReadOnlyList<ContentBlock>? Content, MessagesUsage? Usage);

internal sealed record ContentBlock(string? Type, string? Text);

internal sealed record MessagesUsage(int InputTokens, int OutputTokens);

internal sealed record ErrorResponse(string? Type, ErrorDetail? Error);

internal sealed record ErrorDetail(string? Type, string? Message);

/// <summary>What the Gateway answered, reduced to what callers use.</summary>
internal sealed record GatewayReply(string Text, string Model, int InputTokens, int OutputTokens);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(MessagesRequest))]
[JsonSerializable(typeof(MessagesResponse))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
