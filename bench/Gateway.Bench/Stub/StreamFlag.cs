namespace Gateway.Bench.Stub;

/// <summary>Whether a request body says <c>"stream": true</c>, without parsing the JSON: the stub only sees the bench's own bodies.</summary>
internal static class StreamFlag
{
    public static bool IsSet(ReadOnlySpan<byte> body)
    {
        var at = body.IndexOf("\"stream\""u8);
        if (at < 0)
        {
            return false;
        }

        var rest = body[(at + "\"stream\"".Length)..].TrimStart(" \t\r\n:"u8);
        return rest.StartsWith("true"u8);
    }
}
