using System.Security.Claims;
using Api.Data;
using Api.Features.Projects;
using Api.Features.Realtime;
using Api.Infrastructure.Pagination;
using Api.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.Features.Attachments;

/// <summary>
/// Stores an upload: the bytes first (capped and hashed on the way), then the row. If the row cannot be written
/// the bytes are removed again, so storage never holds an object that no row knows once the request is over.
/// </summary>
internal sealed class AttachmentUploads(
    AppDbContext db,
    IAttachmentStorage storage,
    IOptions<AttachmentOptions> options,
    ProjectEvents events,
    TimeProvider time,
    ILogger<AttachmentUploads> logger)
{
    private long MaxBytes => options.Value.MaxBytes;

    public async Task<Results<Created<AttachmentResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        Guid projectId, string? name, HttpRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await db.Projects.OwnedBy(user).AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return ProjectsEndpoints.ProjectNotFound(projectId);
        }

        if (request.ContentLength > MaxBytes + MultipartAllowance)
        {
            return TooLarge();
        }

        AllowBodyUpTo(request.HttpContext, MaxBytes + MultipartAllowance);
        try
        {
            return await StoreAsync(projectId, name, request, cancellationToken);
        }
        catch (Exception exception) when (exception is AttachmentTooLargeException
            || exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return TooLarge();
        }
        catch (InvalidDataException)
        {
            return TypedResults.ValidationProblem(FileError("The multipart body is malformed."));
        }
    }

    private async Task<Results<Created<AttachmentResponse>, ValidationProblem, ProblemHttpResult>> StoreAsync(
        Guid projectId, string? name, HttpRequest request, CancellationToken cancellationToken)
    {
        if (await UploadSource.ReadAsync(request, name, cancellationToken) is not { } source)
        {
            return TypedResults.ValidationProblem(FileError("A multipart upload needs one part with a file name (Content-Disposition: form-data; name=\"file\"; filename=\"…\")."));
        }

        if (!AttachmentValidation.TryValidateName(source.Name, out var validName, out var errors)
            || !AttachmentValidation.TryValidateContentType(source.ContentType, out var contentType, out errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = Timestamps.Now(time);
        var id = SequentialIds.Next(now); // listed newest first by id
        var key = StorageKeys.ForAttachment(projectId, id);
        using var body = new CappedHashingStream(source.Body, MaxBytes);
        await storage.WriteAsync(key, body, cancellationToken);

        var attachment = new Attachment
        {
            Id = id, ProjectId = projectId, Name = validName, ContentType = contentType, Size = body.BytesRead,
            Sha256 = body.Sha256Hex(), StorageKey = key, CreatedAt = now,
        };
        await SaveRowOrRemoveBlobAsync(attachment);
        Log.Stored(logger, id, projectId, attachment.Size);
        await events.PublishAsync(projectId, ProjectEvent.AttachmentAdded(id, validName), cancellationToken);
        return TypedResults.Created($"/api/projects/{projectId}/attachments/{id}", AttachmentResponse.From(attachment));
    }

    private async Task SaveRowOrRemoveBlobAsync(Attachment attachment)
    {
        db.Attachments.Add(attachment);
        try
        {
            // Not the request's token: a client that hangs up now must not leave the object without its row.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            await AttachmentBlobs.DeleteQuietlyAsync(storage, attachment.StorageKey, logger);
            throw;
        }
    }

    // Multipart boundaries and part headers on top of the file itself.
    private const long MultipartAllowance = 64 * 1024;

    private static void AllowBodyUpTo(HttpContext context, long bytes)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = bytes;
        }
    }

    private ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Attachment too large",
            detail: $"An attachment has at most {MaxBytes} bytes (Attachments:MaxBytes).");

    private static Dictionary<string, string[]> FileError(string message) => new() { ["file"] = [message] };
}
