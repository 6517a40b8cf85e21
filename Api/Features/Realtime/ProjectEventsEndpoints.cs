using System.Globalization;
using System.Security.Claims;
using Api.Data;
using Api.Features.FeatureFlags;
using Api.Features.Projects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Features.Realtime;

/// <summary>Server-sent events of one project, for its owner.</summary>
public static class ProjectEventsEndpoints
{
    public static IEndpointRouteBuilder MapProjectEventsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/projects/{projectId:guid}/events").WithTags("Realtime").RequireFeature(ApiFeature.Realtime)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", StreamAsync).RequireAuthorization(RealtimeExtensions.StreamPolicy);
        group.MapPost("/token", IssueTokenAsync).RequireAuthorization();
        return endpoints;
    }

    internal static async Task<Results<EventStreamResult, ValidationProblem, ProblemHttpResult>> StreamAsync(
        Guid projectId, [FromHeader(Name = "Last-Event-ID")] string? lastEventId, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        long? after = null;
        if (!string.IsNullOrEmpty(lastEventId))
        {
            if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["Last-Event-ID"] = ["Last-Event-ID is the id of an event this stream sent (a whole number)."],
                });
            }

            after = id;
        }

        return await OwnsAsync(db, user, projectId, cancellationToken)
            ? new EventStreamResult(projectId, after)
            : ProjectsEndpoints.ProjectNotFound(projectId);
    }

    internal static async Task<Results<Ok<StreamTokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        Guid projectId, ClaimsPrincipal user, AppDbContext db, StreamTokens tokens, CancellationToken cancellationToken)
    {
        if (!await OwnsAsync(db, user, projectId, cancellationToken))
        {
            return ProjectsEndpoints.ProjectNotFound(projectId);
        }

        var (token, expiresAt) = await tokens.IssueAsync(user, projectId, cancellationToken);
        return TypedResults.Ok(new StreamTokenResponse(token, expiresAt, $"/api/projects/{projectId}/events?access_token={token}"));
    }

    private static Task<bool> OwnsAsync(AppDbContext db, ClaimsPrincipal user, Guid projectId, CancellationToken cancellationToken) =>
        db.Projects.AsNoTracking().OwnedBy(user).AnyAsync(p => p.Id == projectId, cancellationToken);
}
