using System.Security.Claims;

namespace Api.Features.Chat;

/// <summary>The edits of one completed, stored assistant message, for <see cref="IProposedEditsApplier"/>.</summary>
public sealed record ProposedEdits(ClaimsPrincipal User, Guid ProjectId, Guid MessageId, FileEditProposal Proposal);

/// <summary>What became of a reply's edits, as the <c>done</c> event reports it.</summary>
/// <param name="Status"><c>none</c> (no edit blocks), <c>proposed</c> (recorded, not applied), <c>applied</c> or <c>failed</c>.</param>
public sealed record ProposedEditsOutcome(
    string Status, IReadOnlyList<ProposedEditSummary> Operations, IReadOnlyList<RejectedEdit> Rejected, string? Detail = null)
{
    public static ProposedEditsOutcome From(string status, FileEditProposal proposal, string? detail = null) =>
        new(status, [.. proposal.Edits.Select(ProposedEditSummary.From)], proposal.Rejected, detail);
}

/// <summary>An edit without its content (the client has the content already, in the deltas).</summary>
public sealed record ProposedEditSummary(FileEditKind Kind, string Path, int? Length)
{
    public static ProposedEditSummary From(FileEdit edit) => new(edit.Kind, edit.Path, edit.Content?.Length);
}
