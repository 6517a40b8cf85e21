using System.Text.Encodings.Web;
using Api.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.Infrastructure.Authentication;

/// <summary>
/// <c>Authorization: Bearer ses_…</c>, checked against the sessions table on every request, so a
/// logout or an expiry takes effect at once on every replica.
/// </summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Session";

    // Compiled once: every authenticated request runs it, and a compiled query skips EF Core's
    // per-call expression work (building, hashing and looking up the query in its cache).
    private static readonly Func<AppDbContext, byte[], DateTimeOffset, CancellationToken, Task<LiveSession?>> FindLiveSession =
        EF.CompileAsyncQuery((AppDbContext db, byte[] hash, DateTimeOffset now, CancellationToken cancellationToken) => db.Sessions
            .Where(s => s.TokenHash == hash && s.RevokedAt == null && s.ExpiresAt > now)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new LiveSession(s.Id, u.Id, u.Email, u.Tier))
            .AsNoTracking()
            .FirstOrDefault());

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken() is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        if (!SessionTokens.LooksValid(token))
        {
            return AuthenticateResult.Fail("The bearer token is not a session token.");
        }

        var session = await FindLiveSession(db, SessionTokens.Hash(token), time.GetUtcNow(), Context.RequestAborted);

        return session is null
            ? AuthenticateResult.Fail("The session is unknown, expired or logged out.")
            : AuthenticateResult.Success(new AuthenticationTicket(
                UserClaims.Create(session.UserId, session.Email, session.Tier, session.SessionId, SchemeName), SchemeName));
    }

    private sealed record LiveSession(Guid SessionId, Guid UserId, string Email, AccountTier Tier);

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Not signed in",
            detail: "Send Authorization: Bearer <token> with a token from POST /api/accounts/login.").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(Context);

    private string? BearerToken()
    {
        var header = Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
