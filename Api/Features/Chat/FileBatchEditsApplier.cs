using Api.Data;
using Api.Features.Files;
using Microsoft.EntityFrameworkCore;

namespace Api.Features.Chat;

/// <summary>
/// Applies a reply's edits through <see cref="FileBatches"/>, so they get the same path rules, tier limits and
/// all-or-nothing write as a client's batch. A write becomes an update at the file's current version when it exists
/// (a create otherwise); if any file changes between that read and the batch, the batch is a conflict and nothing applies.
/// </summary>
internal sealed class FileBatchEditsApplier(AppDbContext db, FileBatches batches) : IProposedEditsApplier
{
    public async Task<ProposedEditsOutcome> ApplyAsync(ProposedEdits edits, CancellationToken cancellationToken)
    {
        var paths = edits.Proposal.Edits.Select(e => e.Path).ToList();
        var versions = await db.ProjectFiles.AsNoTracking()
            .Where(f => f.ProjectId == edits.ProjectId && paths.Contains(f.Path))
            .Select(f => new { f.Path, f.Version })
            .ToDictionaryAsync(f => f.Path, f => f.Version, cancellationToken);

        var missingDeletes = edits.Proposal.Edits.Where(e => e.Kind == FileEditKind.Delete && !versions.ContainsKey(e.Path)).ToList();
        var operations = edits.Proposal.Edits.Except(missingDeletes).Select(e => Operation(e, versions)).ToList();
        var rejected = edits.Proposal.Rejected.Concat(missingDeletes.Select(e => new RejectedEdit(e.Path, "There is no such file to delete."))).ToList();
        var proposal = new FileEditProposal([.. edits.Proposal.Edits.Except(missingDeletes)], rejected);
        if (operations.Count == 0)
        {
            return ProposedEditsOutcome.From("failed", proposal, "No edit could be applied.");
        }

        return await batches.ApplyAsync(edits.User, edits.ProjectId, operations, cancellationToken) switch
        {
            FileBatchOutcome.Applied => ProposedEditsOutcome.From("applied", proposal),
            FileBatchOutcome.Conflicted conflicted => ProposedEditsOutcome.From("failed", proposal,
                $"Files changed while the reply was written; nothing was applied: {string.Join(", ", conflicted.Conflicts.Select(c => c.Path))}."),
            FileBatchOutcome.Invalid invalid => ProposedEditsOutcome.From("failed", proposal,
                $"The edits break the file rules; nothing was applied: {string.Join(" ", invalid.Errors.Values.SelectMany(v => v))}"),
            _ => ProposedEditsOutcome.From("failed", proposal, "The project is gone; nothing was applied."),
        };
    }

    private static FileOperationRequest Operation(FileEdit edit, Dictionary<string, long> versions) =>
        (edit.Kind, versions.TryGetValue(edit.Path, out var version)) switch
        {
            (FileEditKind.Delete, _) => new FileOperationRequest("delete", edit.Path, null, version),
            (FileEditKind.Write, true) => new FileOperationRequest("update", edit.Path, edit.Content, version),
            _ => new FileOperationRequest("create", edit.Path, edit.Content, null),
        };
}
