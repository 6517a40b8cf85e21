using System.Text;

namespace Gateway.Bench.Stub;

/// <summary>What the stub answers: one fixed Anthropic Message, or the server-sent events of the same message.</summary>
internal static class StubReplies
{
    public const string RequestId = "req_011CbenchStubRequest0001";

    /// <summary>About 300 bytes, the size the nginx figure was measured with.</summary>
    public static readonly byte[] Message = """
        {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[{"type":"text","text":"Hello! This is the gateway benchmark's stub, answering with a short reply."}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":12,"output_tokens":8}}
        """u8.ToArray();

    /// <summary>message_start … message_stop as Anthropic sends them, one event per write.</summary>
    public static readonly byte[][] Events =
    [
        Event("message_start", """{"type":"message_start","message":{"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":12,"output_tokens":1}}}"""),
        Event("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""),
        Event("ping", """{"type": "ping"}"""),
        Delta("Hello! This is"),
        Delta(" the gateway benchmark's"),
        Delta(" stub, answering with"),
        Delta(" a short reply."),
        Event("content_block_stop", """{"type":"content_block_stop","index":0}"""),
        Event("message_delta", """{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":8}}"""),
        Event("message_stop", """{"type":"message_stop"}"""),
    ];

    /// <summary>
    /// Between text deltas. Far shorter than a real model's (tens of ms), so a run stays short, but long enough that the
    /// first byte is message_start alone and every delta crosses a proxy as a chunk of its own.
    /// </summary>
    public static readonly TimeSpan TokenGap = TimeSpan.FromMilliseconds(2);

    public static bool IsDelta(byte[] e) => e.AsSpan().StartsWith("event: content_block_delta"u8);

    private static byte[] Delta(string text) =>
        Event("content_block_delta", $$$"""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"{{{text}}}"}}""");

    private static byte[] Event(string name, string data) => Encoding.UTF8.GetBytes($"event: {name}\ndata: {data}\n\n");
}
