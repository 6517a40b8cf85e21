using System.Text.Encodings.Web;
using Api.Data;
using Api.Infrastructure.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.Features.Realtime;

/// <summary>
/// <c>?access_token=evt_…</c> on a project's event stream: the user of the session the token was issued to, while
/// that session is alive (a logout also ends its stream tokens) and only for the project in the route.
/// </summary>
internal sealed class StreamTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    StreamTokens tokens,
    AppDbContext db,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "StreamToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = Request.Query["access_token"].ToString();
        if (token.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!Guid.TryParse(Request.RouteValues["projectId"]?.ToString(), out var projectId)
            || await tokens.FindSessionAsync(token, projectId, Context.RequestAborted) is not { } sessionId)
        {
            return AuthenticateResult.Fail("The stream token is unknown, expired or for another project.");
        }

        var now = time.GetUtcNow();
        var session = await db.Sessions
            .Where(s => s.Id == sessionId && s.RevokedAt == null && s.ExpiresAt > now)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { u.Id, u.Email, u.Tier })
            .AsNoTracking()
            .FirstOrDefaultAsync(Context.RequestAborted);

        return session is null
            ? AuthenticateResult.Fail("The session behind the stream token has ended.")
            : AuthenticateResult.Success(new AuthenticationTicket(
                UserClaims.Create(session.Id, session.Email, session.Tier, sessionId, SchemeName), SchemeName));
    }

    // The stream endpoint challenges both schemes; the session scheme answers first, so this one only answers alone.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Response.HasStarted ? Task.CompletedTask : TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Not signed in",
            detail: "Send Authorization: Bearer <session token>, or ?access_token= from POST /api/projects/{projectId}/events/token.")
            .ExecuteAsync(Context);
}
