using System.Security.Claims;
using System.Text;
using Api.Data;
using Api.Features.Realtime;
using Api.Infrastructure.Gateway;
using Api.Infrastructure.Pagination;
using Microsoft.Extensions.Options;

namespace Api.Features.Chat;

/// <summary>
/// One chat turn. The Gateway is called first, and the user's message is stored only once it has accepted
/// the call, so a refused call changes nothing. The reply is relayed as it streams and stored only when it is
/// complete (<c>message_stop</c>): a stream that fails, or a client that leaves, leaves no assistant row.
/// </summary>
internal sealed class ChatRelay(
    AppDbContext db,
    GatewayClient gateway,
    IProposedEditsApplier edits,
    ProjectEvents projectEvents,
    IOptions<ChatOptions> options,
    TimeProvider time,
    ILogger<ChatRelay> logger)
{
    /// <exception cref="GatewayException">The Gateway could not be reached or refused the call.</exception>
    public async Task<ChatTurn> StartAsync(ClaimsPrincipal user, Guid projectId, string content, CancellationToken cancellationToken)
    {
        var context = await ChatContext.LoadAsync(db, projectId, content, options.Value, cancellationToken);
        var reply = await gateway.StreamMessageAsync(ChatPrompt.System, context, options.Value.MaxTokens, cancellationToken);
        try
        {
            var message = await SaveAsync(projectId, MessageRoles.User, content, reply: null, cancellationToken);
            return new ChatTurn(user, projectId, message, reply);
        }
        catch
        {
            reply.Dispose();
            throw;
        }
    }

    public async Task RelayAsync(HttpContext httpContext, ChatTurn turn)
    {
        var cancellationToken = httpContext.RequestAborted;
        var events = new SseWriter(httpContext);
        try
        {
            await events.WriteAsync("message_saved", new MessageSavedEvent(turn.UserMessage.Id, turn.UserMessage.CreatedAt),
                ChatJsonContext.Default.MessageSavedEvent, cancellationToken);
            if (await RelayReplyAsync(turn, events, cancellationToken) is { } text)
            {
                await FinishAsync(turn, text, events, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.ClientLeft(logger, turn.ProjectId);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The 200 is out, so a 500 is impossible: say so in the stream (storing the reply is what failed, so none is stored).
            Log.RelayFailed(logger, turn.ProjectId, exception);
            await events.WriteAsync("error", new ErrorEvent("internal_error", "The reply could not be stored.", null, null),
                ChatJsonContext.Default.ErrorEvent, cancellationToken);
        }
        finally
        {
            turn.Reply.Dispose();
        }
    }

    /// <summary>The whole reply text, or null when the stream failed (and the client was told).</summary>
    private async Task<string?> RelayReplyAsync(ChatTurn turn, SseWriter events, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        try
        {
            await foreach (var delta in turn.Reply.ReadTextAsync(cancellationToken))
            {
                text.Append(delta);
                await events.WriteAsync("delta", new DeltaEvent(delta), ChatJsonContext.Default.DeltaEvent, cancellationToken);
            }

            return text.ToString();
        }
        catch (GatewayException exception)
        {
            Log.ReplyFailed(logger, turn.ProjectId, exception.ErrorType, exception);
            var error = new ErrorEvent("gateway_error", exception.Message, exception.StatusCode, exception.ErrorType);
            await events.WriteAsync("error", error, ChatJsonContext.Default.ErrorEvent, cancellationToken);
            return null;
        }
    }

    private async Task FinishAsync(ChatTurn turn, string text, SseWriter events, CancellationToken cancellationToken)
    {
        // The reply is complete: it is stored even if the client leaves right now, so a reload shows it.
        var reply = turn.Reply;
        var message = await SaveAsync(turn.ProjectId, MessageRoles.Assistant, text, reply, CancellationToken.None);
        Log.ReplyStored(logger, turn.ProjectId, message.Id, reply.OutputTokens, reply.StopReason);
        var outcome = await ApplyEditsAsync(turn, message.Id, FileEditProposals.Parse(text));
        var done = new DoneEvent(message.Id, message.CreatedAt, reply.Model, new ChatUsage(reply.InputTokens, reply.OutputTokens), reply.StopReason, outcome);
        await events.WriteAsync("done", done, ChatJsonContext.Default.DoneEvent, cancellationToken);
    }

    private async Task<ProposedEditsOutcome> ApplyEditsAsync(ChatTurn turn, Guid messageId, FileEditProposal proposal)
    {
        if (proposal.IsEmpty)
        {
            return ProposedEditsOutcome.From("none", proposal);
        }

        try
        {
            var outcome = await edits.ApplyAsync(new ProposedEdits(turn.User, turn.ProjectId, messageId, proposal), CancellationToken.None);
            Log.EditsProposed(logger, messageId, proposal.Edits.Count, proposal.Rejected.Count, outcome.Status);
            return outcome;
        }
        catch (Exception exception)
        {
            // The reply is stored and the stream is open: report the failure in done rather than cut the stream.
            Log.EditsFailed(logger, messageId, exception);
            return ProposedEditsOutcome.From("failed", proposal, "The edits could not be applied; no file was changed.");
        }
    }

    private async Task<Message> SaveAsync(Guid projectId, string role, string content, GatewayStream? reply, CancellationToken cancellationToken)
    {
        var now = Timestamps.Now(time);
        var message = new Message
        {
            Id = SequentialIds.Next(now),
            ProjectId = projectId,
            Role = role,
            Content = content,
            CreatedAt = now,
            Model = reply?.Model,
            InputTokens = reply?.InputTokens,
            OutputTokens = reply?.OutputTokens,
            StopReason = reply?.StopReason,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        await projectEvents.PublishAsync(projectId, ProjectEvent.MessageAdded(message.Id), CancellationToken.None);
        return message;
    }
}
