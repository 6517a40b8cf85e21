using System.Text.Json.Serialization;

namespace Gateway.Features.Messages;

// The events of Anthropic's Messages stream, in the order they are sent.

internal sealed record MessageStartEvent(MessageResponse Message)
{
    [JsonPropertyOrder(-1)]
    public string Type => "message_start";
}

internal sealed record ContentBlockStartEvent(int Index, TextBlock ContentBlock)
{
    [JsonPropertyOrder(-1)]
    public string Type => "content_block_start";
}

internal sealed record PingEvent
{
    [JsonPropertyOrder(-1)]
    public string Type => "ping";
}

internal sealed record ContentBlockDeltaEvent(int Index, TextDelta Delta)
{
    [JsonPropertyOrder(-1)]
    public string Type => "content_block_delta";
}

internal sealed record TextDelta(string Text)
{
    [JsonPropertyOrder(-1)]
    public string Type => "text_delta";
}

internal sealed record ContentBlockStopEvent(int Index)
{
    [JsonPropertyOrder(-1)]
    public string Type => "content_block_stop";
}

internal sealed record MessageDeltaEvent(StopDelta Delta, OutputUsage Usage)
{
    [JsonPropertyOrder(-1)]
    public string Type => "message_delta";
}

internal sealed record StopDelta(string StopReason)
{
    public string? StopSequence => null;
}

internal sealed record OutputUsage(int OutputTokens);

internal sealed record MessageStopEvent
{
    [JsonPropertyOrder(-1)]
    public string Type => "message_stop";
}
