using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Resources;

/// <summary>The error body the resource service sends (RFC 9457 problem details); only what the UI shows.</summary>
internal sealed record ProblemBody(string? Title, string? Detail);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ResourceViewModel))]
[JsonSerializable(typeof(ResourceViewModel[]))]
[JsonSerializable(typeof(ConsoleLine))]
[JsonSerializable(typeof(ProblemBody))]
internal sealed partial class ResourceServiceJsonContext : JsonSerializerContext;
