using System.Text.Json.Serialization;

namespace Gateway.Features.Messages;

/// <summary>Anthropic's Message object, property for property and in Anthropic's order.</summary>
internal sealed record MessageResponse(
    [property: JsonPropertyOrder(0)] string Id,
    [property: JsonPropertyOrder(3)] string Model,
    [property: JsonPropertyOrder(4)] IReadOnlyList<TextBlock> Content,
    [property: JsonPropertyOrder(5)] string? StopReason,
    [property: JsonPropertyOrder(7)] Usage Usage)
{
    [JsonPropertyOrder(1)]
    public string Type => "message";

    [JsonPropertyOrder(2)]
    public string Role => "assistant";

    [JsonPropertyOrder(6)]
    public string? StopSequence => null;
}

internal sealed record TextBlock(string Text)
{
    [JsonPropertyOrder(-1)]
    public string Type => "text";
}

internal sealed record Usage(int InputTokens, int OutputTokens)
{
    public int CacheCreationInputTokens => 0;

    public int CacheReadInputTokens => 0;
}
