namespace Gateway.Tests.Support;

/// <summary>Answers that used the prompt cache, the way Anthropic reports it: cache counts apart from input_tokens.</summary>
internal static class CacheStubMessages
{
    public static string Message(string model) =>
        $$$"""{"id":"msg_01StubCached","type":"message","role":"assistant","model":"{{{model}}}-20250101","content":[{"type":"text","text":"Cached hello"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":7,"cache_creation_input_tokens":100,"cache_read_input_tokens":2000,"output_tokens":9}}""";

    /// <summary>message_start reports placeholders; message_delta carries the final counts, as newer API versions do.</summary>
    public static IEnumerable<string> Stream(string model) =>
    [
        StubMessages.Frame("message_start", $$$$"""{"type":"message_start","message":{"id":"msg_01StubCachedStream","type":"message","role":"assistant","model":"{{{{model}}}}-20250101","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":5,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}"""),
        StubMessages.Frame("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""),
        StubMessages.Frame("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Cached"}}"""),
        StubMessages.Frame("content_block_stop", """{"type":"content_block_stop","index":0}"""),
        StubMessages.Frame("message_delta", """{"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"input_tokens":6,"cache_creation_input_tokens":300,"cache_read_input_tokens":4000,"output_tokens":11}}"""),
        StubMessages.Frame("message_stop", """{"type":"message_stop"}"""),
    ];
}
