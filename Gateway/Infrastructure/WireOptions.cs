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

internal static class WireJsonExtensions
{
    /// <summary>Every JSON body the Gateway's endpoints bind or write is snake_case, as Anthropic's API is.</summary>
    public static IServiceCollection AddWireJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, EndpointsJsonContext.Default);
        });
}
