using System.Text.Json.Serialization;

namespace Gateway.Infrastructure.Errors;

/// <summary>Anthropic's error envelope: <c>{"type":"error","error":{"type":...,"message":...},"request_id":...}</c>.</summary>
internal sealed record AnthropicError(AnthropicErrorDetail Error, string RequestId)
{
    [JsonPropertyOrder(-1)]
    public string Type => "error";
}

internal sealed record AnthropicErrorDetail(string Type, string Message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AnthropicError))]
internal sealed partial class ErrorJsonContext : JsonSerializerContext
{
    /// <summary>Writes quotes and non-ASCII text as is, the way Anthropic does, rather than as \u escapes.</summary>
    public static ErrorJsonContext Wire { get; } = new(WireOptions.Create());
}
