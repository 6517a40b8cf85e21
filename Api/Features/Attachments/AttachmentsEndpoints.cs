using System.Security.Claims;
using Api.Data;
using Api.Features.FeatureFlags;
using Api.Features.Projects;
using Api.Features.Realtime;
using Api.Infrastructure.Pagination;
using Api.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Api.Features.Attachments;

/// <summary>A project's files: uploaded, listed, downloaded and deleted by the project's owner only.</summary>
public static class AttachmentsEndpoints
{
    public static IEndpointRouteBuilder MapAttachmentsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/projects/{projectId:guid}/attachments")
            .WithTags("Attachments").RequireAuthorization().RequireFeature(ApiFeature.Attachments)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", UploadAsync).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data", "*/*")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", DownloadAsync);
        group.MapDelete("/{id:guid}", DeleteAsync);
        return endpoints;
    }

    /// <summary>Multipart (the first file part) or a raw body with <c>?name=</c> and its Content-Type.</summary>
    internal static Task<Results<Created<AttachmentResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        Guid projectId, string? name, HttpRequest request, ClaimsPrincipal user, AttachmentUploads uploads, CancellationToken cancellationToken) =>
        uploads.UploadAsync(projectId, name, request, user, cancellationToken);

    /// <summary>Newest first.</summary>
    internal static async Task<Results<Ok<Page<AttachmentResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
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

        var query = db.Attachments.AsNoTracking().InOwnedProject(db, user, projectId);
        if (page.After is { } after)
        {
            query = query.Where(a => a.Id < after);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.ToPage(rows, a => a.Id, AttachmentResponse.From));
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid projectId, Guid id, ClaimsPrincipal user, AppDbContext db, IAttachmentStorage storage, ILogger<AttachmentUploads> logger,
        CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.AsNoTracking().InOwnedProject(db, user, projectId).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null)
        {
            return AttachmentNotFound(id);
        }

        if (await storage.OpenReadAsync(attachment.StorageKey, cancellationToken) is not { } content)
        {
            Log.BlobMissing(logger, attachment.Id, attachment.StorageKey);
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Attachment content missing",
                detail: $"Attachment {id} is recorded but its content is not in storage.");
        }

        return TypedResults.Stream(content, attachment.ContentType, attachment.Name, attachment.CreatedAt,
            new EntityTagHeaderValue($"\"{attachment.Sha256}\""));
    }

    /// <summary>The row first, then the object: a failure in between leaves an unseen orphan, never a row without bytes.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid projectId, Guid id, ClaimsPrincipal user, AppDbContext db, IAttachmentStorage storage, ProjectEvents events,
        ILogger<AttachmentUploads> logger, CancellationToken cancellationToken)
    {
        var key = await db.Attachments.InOwnedProject(db, user, projectId).Where(a => a.Id == id).Select(a => a.StorageKey).FirstOrDefaultAsync(cancellationToken);
        if (key is null || await db.Attachments.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return AttachmentNotFound(id);
        }

        await AttachmentBlobs.DeleteQuietlyAsync(storage, key, logger);
        await events.PublishAsync(projectId, ProjectEvent.AttachmentDeleted(id), cancellationToken);
        return TypedResults.NoContent();
    }

    public static ProblemHttpResult AttachmentNotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Attachment not found", detail: $"This project has no attachment with id {id}.");
}
