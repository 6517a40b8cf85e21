namespace Gateway.Tests.Support;

/// <summary>Bodies in Anthropic's wire format, as documented, for the upstream stub to send.</summary>
internal static class StubMessages
{
    public static string Message(string model) =>
        $$$"""{"id":"msg_01StubUpstream","type":"message","role":"assistant","model":"{{{model}}}","content":[{"type":"text","text":"Hello from upstream"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":12,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":5,"service_tier":"standard"}}""";

    /// <summary>Anthropic's error envelope; the body repeats the <c>request-id</c> header, as Anthropic's does.</summary>
    public static string Error(string type, string message) =>
        $$$"""{"type":"error","error":{"type":"{{{type}}}","message":"{{{message}}}"},"request_id":"{{{AnthropicStub.RequestId}}}"}""";

    public static string StreamStart(string model) =>
        Frame("message_start", $$$$"""{"type":"message_start","message":{"id":"msg_01StubStream","type":"message","role":"assistant","model":"{{{{model}}}}","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":12,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1,"service_tier":"standard"}}}""");

    public static IEnumerable<string> StreamAfterStart() =>
    [
        Frame("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""),
        Frame("ping", """{"type": "ping"}"""),
        Frame("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}"""),
        Frame("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" upstream"}}"""),
        Frame("content_block_stop", """{"type":"content_block_stop","index":0}"""),
        Frame("message_delta", """{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":3}}"""),
        Frame("message_stop", """{"type":"message_stop"}"""),
    ];

    /// <summary>
    /// A stream that fails after the 200 went out: Anthropic then sends an <c>error</c> event
    /// (here the documented <c>overloaded_error</c>) and closes the stream, with no <c>message_stop</c>.
    /// </summary>
    public static IEnumerable<string> StreamFailingAfterStart() =>
    [
        Frame("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""),
        Frame("ping", """{"type": "ping"}"""),
        Frame("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}"""),
        Frame("error", """{"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}"""),
    ];

    public static string TokenCount(int inputTokens) => $$"""{"input_tokens":{{inputTokens}}}""";

    public static string Frame(string name, string json) => $"event: {name}\ndata: {json}\n\n";
}
