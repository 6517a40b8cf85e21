using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Dashboard.Otlp.Http;

/// <summary>
/// OTLP/JSON is protobuf's JSON mapping with one twist the stock parser does not know: trace and span ids are hex,
/// not base64. The ids are rewritten to base64 first, then protobuf's own parser does the rest (numbers as strings or
/// numbers, integer enums, unknown fields ignored as OTLP requires).
/// </summary>
internal static class OtlpJson
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    // Every OTLP field with one of these names is a trace or span id (Span, Span.Link, LogRecord, Exemplar), and OTLP
    // has no map fields, so no attribute key can appear as a JSON property name: the rewrite cannot hit anything else.
    private static readonly HashSet<string> IdFields = ["traceId", "spanId", "parentSpanId", "trace_id", "span_id", "parent_span_id"];

    public static TRequest Parse<TRequest>(ReadOnlySequence<byte> utf8Json)
        where TRequest : IMessage<TRequest>, new()
    {
        try
        {
            var root = utf8Json.IsSingleSegment
                ? JsonNode.Parse(utf8Json.FirstSpan, documentOptions: DocumentOptions)
                : JsonNode.Parse(new ReadOnlySequenceStream(utf8Json), documentOptions: DocumentOptions);
            if (root is not JsonObject)
            {
                throw new OtlpPayloadException(OtlpPayloadError.Undecodable, "The OTLP/JSON body must be a JSON object.");
            }

            HexIdsToBase64(root);
            return Parser.Parse<TRequest>(root.ToJsonString());
        }
        catch (Exception e) when (e is JsonException or InvalidJsonException or InvalidProtocolBufferException or FormatException)
        {
            throw new OtlpPayloadException(OtlpPayloadError.Undecodable, $"The body is not a valid OTLP/JSON {typeof(TRequest).Name}: {e.Message}", e);
        }
    }

    private static void HexIdsToBase64(JsonNode node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is not null)
                {
                    HexIdsToBase64(item);
                }
            }
        }
        else if (node is JsonObject obj)
        {
            List<KeyValuePair<string, string>>? ids = null;
            foreach (var (name, value) in obj)
            {
                if (IdFields.Contains(name) && value is JsonValue id && id.TryGetValue<string>(out var hex))
                {
                    (ids ??= []).Add(new(name, Convert.ToBase64String(Convert.FromHexString(hex))));
                }
                else if (value is not null)
                {
                    HexIdsToBase64(value);
                }
            }

            foreach (var (name, base64) in ids ?? [])
            {
                obj[name] = base64;
            }
        }
    }
}
