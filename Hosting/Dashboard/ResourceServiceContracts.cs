using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Hosting.Dashboard;

/// <summary>One resource as the dashboard receives it: its snapshot, the commands that apply now, its wiring (secrets masked).</summary>
internal sealed record ResourceDto(
    string Name,
    string Kind,
    string State,
    int? ProcessId,
    int Restarts,
    DateTimeOffset? StartedAt,
    IReadOnlyList<string> Urls,
    int? ExitCode,
    string? Message,
    IReadOnlyList<string> Commands,
    IReadOnlyList<EnvironmentVariableDto> Environment);

/// <summary>An environment variable; a secret's value is <see cref="SecretMasking.Mask"/>, never the value.</summary>
internal sealed record EnvironmentVariableDto(string Name, string Value, bool IsSecret);

/// <summary>The body of a command that ran.</summary>
internal sealed record CommandResponse(bool Succeeded);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ResourceDto))]
[JsonSerializable(typeof(ResourceDto[]))]
[JsonSerializable(typeof(LogLine))]
[JsonSerializable(typeof(CommandResponse))]
[JsonSerializable(typeof(ProblemDetails))]
internal sealed partial class ResourceServiceJsonContext : JsonSerializerContext;
