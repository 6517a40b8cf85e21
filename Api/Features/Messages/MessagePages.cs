using System.Linq.Expressions;
using Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Api.Features.Messages;

/// <summary>
/// The page reads, compiled once: a page is the Api's hottest query, and a compiled query skips EF Core's
/// per-call expression work. Newest first; the owner check rides in the query (PostgreSQL runs it once,
/// as an InitPlan), so a full page costs one round trip. Projected, so the row's search vector is never read.
/// Two queries rather than one with an optional cursor: <c>id &lt; @after</c> must be an index condition.
/// </summary>
internal static class MessagePages
{
    private static readonly Expression<Func<Message, MessageResponse>> ToResponse = m =>
        new MessageResponse(m.Id, m.Role, m.Content, m.CreatedAt, m.Model, m.InputTokens, m.OutputTokens, m.StopReason);

    public static readonly Func<AppDbContext, Guid, Guid, int, IAsyncEnumerable<MessageResponse>> Newest =
        EF.CompileAsyncQuery((AppDbContext db, Guid projectId, Guid ownerId, int take) => db.Messages
            .Where(m => m.ProjectId == projectId && db.Projects.Any(p => p.Id == projectId && p.OwnerId == ownerId))
            .OrderByDescending(m => m.Id)
            .Take(take)
            .Select(ToResponse));

    public static readonly Func<AppDbContext, Guid, Guid, Guid, int, IAsyncEnumerable<MessageResponse>> OlderThan =
        EF.CompileAsyncQuery((AppDbContext db, Guid projectId, Guid ownerId, Guid after, int take) => db.Messages
            .Where(m => m.ProjectId == projectId && m.Id < after && db.Projects.Any(p => p.Id == projectId && p.OwnerId == ownerId))
            .OrderByDescending(m => m.Id)
            .Take(take)
            .Select(ToResponse));
}
