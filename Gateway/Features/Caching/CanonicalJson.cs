using System.Buffers;
using System.Text.Json;

namespace Gateway.Features.Caching;

/// <summary>
/// Writes a JSON document with object members sorted by name and no insignificant whitespace, so two bodies that
/// differ only in member order or formatting hash alike. Numbers and strings are written as received.
/// </summary>
internal static class CanonicalJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    public static void Write(ReadOnlyMemory<byte> json, IBufferWriter<byte> output)
    {
        using var document = JsonDocument.Parse(json, DocumentOptions);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        WriteElement(document.RootElement, writer);
    }

    private static void WriteElement(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteElement(property.Value, writer);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteElement(item, writer);
                }

                writer.WriteEndArray();
                break;
            default:
                // Numbers keep their text (1.0 and 1 stay distinct, as they may to a model); strings are re-escaped uniformly.
                element.WriteTo(writer);
                break;
        }
    }
}
