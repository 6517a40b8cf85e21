namespace Api.Features.Chat;

/// <summary>
/// Applies the file edits a reply proposed, as one atomic batch. The chat calls it once per completed,
/// stored reply that has edit blocks; it must not throw for edits it refuses, but say so in the outcome.
/// </summary>
public interface IProposedEditsApplier
{
    Task<ProposedEditsOutcome> ApplyAsync(ProposedEdits edits, CancellationToken cancellationToken);
}
