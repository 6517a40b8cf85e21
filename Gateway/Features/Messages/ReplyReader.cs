using System.Text.Json;

namespace Gateway.Features.Messages;

/// <summary>
/// Reads id, model, stop reason and usage from a Message, a <c>message_start</c> (the Message under
/// <c>message</c>) or a <c>message_delta</c> (<c>delta</c> and cumulative <c>usage</c>). A forward-only
/// reader: the content, by far the largest part, is skipped without being materialised.
/// </summary>
internal static class ReplyReader
{
    public static void Read(ReadOnlySpan<byte> json, ref ReplyFacts facts)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                ReadObject(ref reader, ref facts);
            }
        }
        catch (JsonException)
        {
            // The answer is relayed as the provider sent it; a part the Gateway cannot read only costs its counts.
        }
    }

    private static void ReadObject(ref Utf8JsonReader reader, ref ReplyFacts facts)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("usage"u8))
            {
                reader.Read();
                ReadUsage(ref reader, ref facts);
            }
            else if (reader.ValueTextEquals("message"u8) || reader.ValueTextEquals("delta"u8))
            {
                reader.Read();
                ReadNested(ref reader, ref facts);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                facts.StreamErrorType = ReadErrorType(ref reader);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                facts.Id = ReadString(ref reader) ?? facts.Id;
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                facts.Model = ReadString(ref reader) ?? facts.Model;
            }
            else if (reader.ValueTextEquals("stop_reason"u8))
            {
                facts.StopReason = ReadString(ref reader) ?? facts.StopReason;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private static void ReadNested(ref Utf8JsonReader reader, ref ReplyFacts facts)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            ReadObject(ref reader, ref facts);
        }
        else
        {
            reader.Skip();
        }
    }

    /// <summary>Each count present replaces the last: <c>message_delta</c> counts are cumulative.</summary>
    private static void ReadUsage(ref Utf8JsonReader reader, ref ReplyFacts facts)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ref var field = ref facts.InputTokens;
            if (reader.ValueTextEquals("input_tokens"u8))
            {
                field = ref facts.InputTokens;
            }
            else if (reader.ValueTextEquals("output_tokens"u8))
            {
                field = ref facts.OutputTokens;
            }
            else if (reader.ValueTextEquals("cache_read_input_tokens"u8))
            {
                field = ref facts.CacheReadInputTokens;
            }
            else if (reader.ValueTextEquals("cache_creation_input_tokens"u8))
            {
                field = ref facts.CacheCreationInputTokens;
            }
            else
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var count))
            {
                field = count;
            }
        }
    }

    private static string? ReadErrorType(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return "error";
        }

        string? type = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                type = ReadString(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return type ?? "error";
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }
}
