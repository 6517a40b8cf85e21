using System.Security.Claims;
using Api.Data;
using Api.Features.Projects;
using Api.Infrastructure.Pagination;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.Features.Files;

/// <summary>A project's files: listed, read by path, and changed only in batches (<see cref="FileBatches"/>).</summary>
public static class FilesEndpoints
{
    public static IEndpointRouteBuilder MapFilesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/projects/{projectId:guid}/files").WithTags("Files").RequireAuthorization();
        group.MapGet("/", ListFilesAsync);
        group.MapGet("/{**path}", GetFileAsync);

        // No Accepts<FileBatchRequest>(): routing would answer another content type with a bare 415 before the
        // handler could answer with ProblemDetails. The body is read by FileBatchBody.
        group.MapPost("/batch", ApplyBatchAsync);
        return endpoints;
    }

    /// <summary>Oldest first (by id, which is creation order): paths, versions and sizes, no content.</summary>
    internal static async Task<Results<Ok<Page<FileSummaryResponse>>, ValidationProblem, ProblemHttpResult>> ListFilesAsync(
        Guid projectId, int? limit, string? cursor, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        if (!PageRequest.TryCreate(limit, cursor, out var page, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await db.Projects.OwnedBy(user).AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return ProjectsEndpoints.ProjectNotFound(projectId);
        }

        var query = db.ProjectFiles.AsNoTracking().Where(f => f.ProjectId == projectId);
        if (page.After is { } after)
        {
            query = query.Where(f => f.Id > after);
        }

        var rows = await query.OrderBy(f => f.Id).Take(page.Limit + 1)
            .Select(f => new FileSummaryResponse(f.Id, f.Path, f.Version, f.Size, Convert.ToHexStringLower(f.Sha256), f.UpdatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(page.ToPage(rows, f => f.Id, f => f));
    }

    internal static async Task<Results<Ok<FileResponse>, ValidationProblem, ProblemHttpResult>> GetFileAsync(
        Guid projectId, string path, ClaimsPrincipal user, AppDbContext db, IOptions<FilesOptions> options, CancellationToken cancellationToken)
    {
        if (FilePaths.Problem(path, options.Value.MaxPathLength) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["path"] = [problem] });
        }

        if (!await db.Projects.OwnedBy(user).AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return ProjectsEndpoints.ProjectNotFound(projectId);
        }

        // Projected, so the row's search vector (as large as the content) is never read.
        var file = await db.ProjectFiles.AsNoTracking()
            .Where(f => f.ProjectId == projectId && f.Path == path)
            .Select(f => new { f.Id, f.Path, f.Content, f.Version, f.Size, f.Sha256, f.UpdatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return file is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "File not found", detail: $"The project has no file '{path}'.")
            : TypedResults.Ok(new FileResponse(file.Id, file.Path, file.Content, file.Version, file.Size, Convert.ToHexStringLower(file.Sha256), file.UpdatedAt));
    }

    internal static async Task<Results<Ok<FileBatchResponse>, ValidationProblem, ProblemHttpResult>> ApplyBatchAsync(
        Guid projectId, HttpRequest http, ClaimsPrincipal user, FileBatches batches, IOptions<FilesOptions> options, CancellationToken cancellationToken)
    {
        var (request, problem) = await FileBatchBody.ReadAsync(http, options.Value.MaxBatchBytes, cancellationToken);
        return problem is null ? await ApplyAsync(projectId, request!, user, batches, cancellationToken) : problem;
    }

    private static async Task<Results<Ok<FileBatchResponse>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        Guid projectId, FileBatchRequest request, ClaimsPrincipal user, FileBatches batches, CancellationToken cancellationToken) =>
        await batches.ApplyAsync(user, projectId, request.Operations, cancellationToken) switch
        {
            FileBatchOutcome.Applied applied => TypedResults.Ok(new FileBatchResponse(applied.Files)),
            FileBatchOutcome.Invalid { StatusCode: StatusCodes.Status400BadRequest } invalid => TypedResults.ValidationProblem(invalid.Errors),
            FileBatchOutcome.Invalid invalid => TypedResults.Problem(new HttpValidationProblemDetails(invalid.Errors)
            {
                Status = invalid.StatusCode,
                Title = "Files too large",
            }),
            FileBatchOutcome.Conflicted conflicted => Conflict(conflicted.Conflicts),
            _ => ProjectsEndpoints.ProjectNotFound(projectId),
        };

    private static ProblemHttpResult Conflict(IReadOnlyList<FileConflict> conflicts) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Files changed since you read them",
            detail: $"Nothing was applied: {string.Join(" ", conflicts.Select(c => c.Reason))}",
            extensions: new Dictionary<string, object?> { ["conflicts"] = conflicts });
}
