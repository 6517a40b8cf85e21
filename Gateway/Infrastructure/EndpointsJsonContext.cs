using System.Text.Json.Serialization;
using Gateway.Features.Keys;
using Gateway.Features.Models;
using Gateway.Features.Usage;

namespace Gateway.Infrastructure;

/// <summary>
/// Source-generated JSON for the bodies the minimal API endpoints bind and write (admin keys, usage, models): no
/// reflection-built serializer metadata, which the first admin call would otherwise cost in memory (bench/README.md).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(IssueKeyRequest))]
[JsonSerializable(typeof(ClientKeyInfo))]
[JsonSerializable(typeof(ListPage<ClientKeyInfo>))]
[JsonSerializable(typeof(UsageReport))]
[JsonSerializable(typeof(ModelPage))]
[JsonSerializable(typeof(ModelInfo))]
internal sealed partial class EndpointsJsonContext : JsonSerializerContext;
