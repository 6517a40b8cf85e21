using System.Security.Claims;
using Api.Data;
using Api.Infrastructure.Gateway;

namespace Api.Features.Chat;

/// <summary>A chat call the Gateway has accepted: the stored user message and the reply stream still to relay.</summary>
internal sealed record ChatTurn(ClaimsPrincipal User, Guid ProjectId, Message UserMessage, GatewayStream Reply);

/// <summary>Relays <paramref name="turn"/> to the client as server-sent events when the endpoint's result runs.</summary>
internal sealed class ChatStreamResult(ChatTurn turn, ChatRelay relay) : IResult
{
    public ChatTurn Turn => turn;

    public Task ExecuteAsync(HttpContext httpContext) => relay.RelayAsync(httpContext, turn);
}
