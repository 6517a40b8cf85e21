using System.Security.Claims;
using Api.Data;
using Api.Features.Realtime;
using Api.Infrastructure.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Api.Features.Files;

/// <summary>
/// The one way files change: a batch of creates, updates and deletes, applied all or nothing. The endpoint calls
/// it, and so can any feature that edits files on a user's behalf (the assistant applying proposed edits), with
/// the same validation, limits, concurrency checks and atomicity.
/// </summary>
public sealed class FileBatches(
    AppDbContext db,
    IOptions<FilesOptions> options,
    IEnumerable<IFileBatchObserver> observers,
    ProjectEvents events,
    TimeProvider time,
    ILogger<FileBatches> logger)
{
    public async Task<FileBatchOutcome> ApplyAsync(
        ClaimsPrincipal user, Guid projectId, IReadOnlyList<FileOperationRequest?>? requests, CancellationToken cancellationToken)
    {
        if (!FileBatchValidation.TryValidate(requests, options.Value, out var operations, out var errors))
        {
            return new FileBatchOutcome.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        if (FileBatchValidation.Oversize(operations, user.GetTier(), options.Value) is { } oversize)
        {
            return new FileBatchOutcome.Invalid(oversize, StatusCodes.Status413PayloadTooLarge);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await LockProjectAsync(user.GetUserId(), projectId, cancellationToken))
        {
            return new FileBatchOutcome.ProjectNotFound();
        }

        var conflicts = FileVersions.Conflicts(operations, await FileVersions.CurrentAsync(db, projectId, operations, cancellationToken));
        if (conflicts.Count > 0)
        {
            Log.BatchConflicted(logger, projectId, conflicts.Count);
            return new FileBatchOutcome.Conflicted(conflicts);
        }

        return await WriteAsync(transaction, projectId, operations, cancellationToken);
    }

    /// <summary>
    /// Locks the project row for the rest of the transaction, so batches on one project apply one after another and
    /// the version checks above stay true until commit; batches on different projects do not wait for each other.
    /// Hand-written SQL because LINQ has no locking clause; it filters on the owner as ProjectQueries.OwnedBy does.
    /// </summary>
    private async Task<bool> LockProjectAsync(Guid ownerId, Guid projectId, CancellationToken cancellationToken)
    {
        var locked = await db.Database
            .SqlQuery<Guid>($"""SELECT id AS "Value" FROM projects WHERE id = {projectId} AND owner_id = {ownerId} FOR NO KEY UPDATE""")
            .ToListAsync(cancellationToken);
        return locked.Count == 1;
    }

    private async Task<FileBatchOutcome> WriteAsync(
        IDbContextTransaction transaction, Guid projectId, IReadOnlyList<FileOperation> operations,
        CancellationToken cancellationToken)
    {
        List<FileChangeResponse> files;
        var observed = 0;
        try
        {
            files = await new FileWrites(db, projectId, Timestamps.Now(time)).ApplyAsync(operations, cancellationToken);
            for (; observed < operations.Count; observed++)
            {
                foreach (var observer in observers)
                {
                    await observer.OperationAppliedAsync(projectId, operations[observed], cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (FileConflictException exception)
        {
            // Only if the lock above were bypassed; the rollback (on dispose) still keeps the batch whole.
            Log.BatchConflicted(logger, projectId, 1);
            return new FileBatchOutcome.Conflicted([exception.Conflict]);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.BatchRolledBack(logger, projectId, observed, operations.Count, exception);
            throw;
        }

        Log.BatchApplied(logger, operations.Count, projectId);

        // After the commit, so a client that reacts to the event reads the new versions.
        await events.PublishAsync(projectId, ProjectEvent.FilesChanged([.. operations.Select(o => o.Path)]), CancellationToken.None);
        return new FileBatchOutcome.Applied(files);
    }
}
