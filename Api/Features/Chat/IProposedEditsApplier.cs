namespace Api.Features.Chat;

/// <summary>
/// Applies the file edits a reply proposed, as one atomic batch. The chat calls it once per completed,
/// stored reply that has edit blocks; it must not throw for edits it refuses, but say so in the outcome.
/// </summary>
public interface IProposedEditsApplier
{
    Task<ProposedEditsOutcome> ApplyAsync(ProposedEdits edits, CancellationToken cancellationToken);
}

/// <summary>
/// Until the files feature is connected: records the proposal in the <c>done</c> event and changes no file.
/// </summary>
internal sealed class RecordOnlyEditsApplier : IProposedEditsApplier
{
    public const string Status = "proposed";

    public Task<ProposedEditsOutcome> ApplyAsync(ProposedEdits edits, CancellationToken cancellationToken) =>
        Task.FromResult(ProposedEditsOutcome.From(Status, edits.Proposal, "Recorded only: no file was changed."));
}
