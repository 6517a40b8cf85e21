using Hosting.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hosting.Dashboard;

/// <summary>The HTTP API the dashboard reads resources, console logs and commands from.</summary>
internal static class ResourceServiceEndpoints
{
    public static IEndpointRouteBuilder MapResourceServiceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var resources = endpoints.MapGroup("/api/v1/resources").WithTags("Resources");
        resources.MapGet("", GetResources);
        resources.MapGet("/watch", WatchResources);
        resources.MapGet("/{name}/logs", WatchLogs);
        resources.MapPost("/{name}/commands/{command}", ExecuteCommandAsync);
        return endpoints;
    }

    private static Ok<ResourceDto[]> GetResources(Orchestrator orchestrator) =>
        TypedResults.Ok(orchestrator.Notifications.Current.Select(snapshot => ResourceProjection.ToDto(orchestrator, snapshot)).ToArray());

    private static EventStreamResult<ResourceDto> WatchResources(Orchestrator orchestrator) =>
        new(token => orchestrator.Notifications.WatchAsync(token).Select(snapshot => ResourceProjection.ToDto(orchestrator, snapshot)),
            ResourceServiceJsonContext.Default.ResourceDto);

    private static Results<EventStreamResult<LogLine>, ProblemHttpResult> WatchLogs(string name, long? after, Orchestrator orchestrator) =>
        orchestrator.Logs.TryGetValue(name, out var log)
            ? new EventStreamResult<LogLine>(token => LogStream.ReadAsync(log, after ?? 0, token), ResourceServiceJsonContext.Default.LogLine)
            : UnknownResource(name);

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> ExecuteCommandAsync(
        string name, string command, Orchestrator orchestrator, CancellationToken cancellationToken)
    {
        var result = await orchestrator.ExecuteCommandAsync(name, command, cancellationToken);
        return result.Failure switch
        {
            ResourceCommandFailure.None => TypedResults.Ok(new CommandResponse(Succeeded: true)),
            ResourceCommandFailure.UnknownResource => UnknownResource(name),
            ResourceCommandFailure.UnknownCommand => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown command", detail: result.Error),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Command not applicable now", detail: result.Error),
        };
    }

    private static ProblemHttpResult UnknownResource(string name) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown resource", detail: $"No resource named '{name}'.");
}
