using Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Features.Projects;

public static class ProjectsEndpoints
{
    public static IEndpointRouteBuilder MapProjectsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/projects").WithTags("Projects");
        group.MapPost("/", CreateProjectAsync);
        group.MapGet("/{id:guid}", GetProjectAsync);
        return endpoints;
    }

    internal static async Task<Results<Created<ProjectResponse>, ValidationProblem>> CreateProjectAsync(
        CreateProjectRequest request, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ProjectValidation.TryValidate(request, out var name, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        // PostgreSQL keeps microseconds; truncating here makes the 201 agree with later reads.
        var now = time.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));

        var project = new Project { Id = Guid.CreateVersion7(now), Name = name, CreatedAt = now };
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/projects/{project.Id}", ProjectResponse.From(project));
    }

    internal static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> GetProjectAsync(
        Guid id, AppDbContext db, CancellationToken cancellationToken)
    {
        var project = await db.Projects.FindAsync([id], cancellationToken);
        return project is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Project not found", detail: $"No project has id {id}.")
            : TypedResults.Ok(ProjectResponse.From(project));
    }
}
