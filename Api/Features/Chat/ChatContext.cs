using Api.Data;
using Api.Infrastructure.Gateway;
using Microsoft.EntityFrameworkCore;

namespace Api.Features.Chat;

/// <summary>The conversation sent with a new message: its most recent messages, bounded by count and by characters.</summary>
internal static class ChatContext
{
    public static async Task<List<MessageParam>> LoadAsync(
        AppDbContext db, Guid projectId, string content, ChatOptions options, CancellationToken cancellationToken)
    {
        var recent = await db.Messages.AsNoTracking()
            .Where(m => m.ProjectId == projectId)
            .OrderByDescending(m => m.Id)
            .Take(options.ContextMessages)
            .Select(m => new MessageParam(m.Role, m.Content))
            .ToListAsync(cancellationToken);
        return Bound(recent, content, options.ContextCharacters);
    }

    /// <param name="newestFirst">Earlier messages, newest first, as the index reads them.</param>
    internal static List<MessageParam> Bound(IReadOnlyList<MessageParam> newestFirst, string content, int maxCharacters)
    {
        var kept = newestFirst.Count;
        var characters = 0;
        for (var i = 0; i < newestFirst.Count; i++)
        {
            characters += newestFirst[i].Content.Length;
            if (characters > maxCharacters)
            {
                kept = i;
                break;
            }
        }

        // Anthropic's API wants the conversation to open with the user, so an assistant turn left
        // leading by the cut goes too.
        var messages = newestFirst.Take(kept).Reverse().SkipWhile(m => m.Role != MessageRoles.User).ToList();
        messages.Add(new MessageParam(MessageRoles.User, content));
        return messages;
    }
}
