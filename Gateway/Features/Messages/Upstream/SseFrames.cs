namespace Gateway.Features.Messages.Upstream;

/// <summary>Finds where server-sent events end and what they are called, on raw UTF-8 bytes.</summary>
internal static class SseFrames
{
    /// <summary>The length of the first complete event, its closing blank line included; -1 when it has not all arrived.</summary>
    public static int EventLength(ReadOnlySpan<byte> buffer)
    {
        var searched = 0;
        while (true)
        {
            var newline = buffer[searched..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return -1;
            }

            var next = searched + newline + 1;
            if (next < buffer.Length && buffer[next] == '\n')
            {
                return next + 1;
            }

            if (next + 1 < buffer.Length && buffer[next] == '\r' && buffer[next + 1] == '\n')
            {
                return next + 2;
            }

            searched = next;
        }
    }

    /// <summary>The value of the event's <c>event:</c> field (empty if it has none).</summary>
    public static ReadOnlySpan<byte> Name(ReadOnlySpan<byte> frame) => Field(frame, "event:"u8);

    /// <summary>The value of the event's first <c>data:</c> line; Anthropic sends each payload on one line.</summary>
    public static ReadOnlySpan<byte> Data(ReadOnlySpan<byte> frame) => Field(frame, "data:"u8);

    private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> field)
    {
        while (frame.Length > 0)
        {
            var end = frame.IndexOf((byte)'\n');
            var line = end < 0 ? frame : frame[..end];
            if (line.StartsWith(field))
            {
                var value = line[field.Length..];
                if (value.Length > 0 && value[0] == ' ')
                {
                    value = value[1..];
                }

                return value.Length > 0 && value[^1] == '\r' ? value[..^1] : value;
            }

            frame = end < 0 ? default : frame[(end + 1)..];
        }

        return default;
    }
}
