using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gateway.Infrastructure;

/// <summary>
/// JSON options for Anthropic's wire format: snake_case and minimal escaping. Relaxed escaping is
/// safe here because these bodies are API payloads, never embedded in HTML.
/// </summary>
internal static class WireOptions
{
    public static JsonSerializerOptions Create() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
