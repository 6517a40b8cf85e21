using System.Security.Claims;
using Api.Data;
using Api.Features.Realtime;
using Api.Infrastructure.Authentication;
using Api.Infrastructure.Pagination;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Features.Projects;

/// <summary>A user's projects. Every query filters on the owner, so another user's project is simply not found.</summary>
public static class ProjectsEndpoints
{
    public static IEndpointRouteBuilder MapProjectsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/projects").WithTags("Projects").RequireAuthorization();
        group.MapPost("/", CreateProjectAsync);
        group.MapGet("/", ListProjectsAsync);
        group.MapGet("/{id:guid}", GetProjectAsync);
        group.MapPatch("/{id:guid}", RenameProjectAsync);
        group.MapDelete("/{id:guid}", DeleteProjectAsync);
        return endpoints;
    }

    internal static async Task<Results<Created<ProjectResponse>, ValidationProblem>> CreateProjectAsync(
        CreateProjectRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ProjectValidation.TryValidateName(request.Name, out var name, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = Timestamps.Now(time);
        var project = new Project { Id = SequentialIds.Next(now), OwnerId = user.GetUserId(), Name = name, CreatedAt = now, UpdatedAt = now };
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/projects/{project.Id}", ProjectResponse.From(project));
    }

    /// <summary>Newest first.</summary>
    internal static async Task<Results<Ok<Page<ProjectResponse>>, ValidationProblem>> ListProjectsAsync(
        int? limit, string? cursor, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        if (!PageRequest.TryCreate(limit, cursor, out var page, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var ownerId = user.GetUserId();
        var query = db.Projects.AsNoTracking().Where(p => p.OwnerId == ownerId);
        if (page.After is { } after)
        {
            query = query.Where(p => p.Id < after);
        }

        var rows = await query.OrderByDescending(p => p.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.ToPage(rows, p => p.Id, ProjectResponse.From));
    }

    internal static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> GetProjectAsync(
        Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().OwnedBy(user).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return project is null ? ProjectNotFound(id) : TypedResults.Ok(ProjectResponse.From(project));
    }

    internal static async Task<Results<Ok<ProjectResponse>, ValidationProblem, ProblemHttpResult>> RenameProjectAsync(
        Guid id, RenameProjectRequest request, ClaimsPrincipal user, AppDbContext db, ProjectEvents events, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!ProjectValidation.TryValidateName(request.Name, out var name, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var project = await db.Projects.OwnedBy(user).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return ProjectNotFound(id);
        }

        project.Name = name;
        project.UpdatedAt = Timestamps.Now(time);
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(id, ProjectEvent.ProjectRenamed(name), cancellationToken);
        return TypedResults.Ok(ProjectResponse.From(project));
    }

    /// <summary>With its attachments' stored objects; its event streams receive <c>project.deleted</c> and end.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteProjectAsync(
        Guid id, ClaimsPrincipal user, ProjectDeletion deletion, ProjectEvents events, CancellationToken cancellationToken)
    {
        if (!await deletion.DeleteAsync(user, id, cancellationToken))
        {
            return ProjectNotFound(id);
        }

        await events.PublishAsync(id, ProjectEvent.ProjectDeleted(), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The one answer for a project that does not exist and one that belongs to someone else.</summary>
    public static ProblemHttpResult ProjectNotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Project not found", detail: $"You have no project with id {id}.");
}
