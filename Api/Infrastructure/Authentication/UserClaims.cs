using System.Security.Claims;
using Api.Data;

namespace Api.Infrastructure.Authentication;

/// <summary>The claims a session carries, and how endpoints read them back.</summary>
public static class UserClaims
{
    public const string SessionId = "sid";
    public const string Tier = "tier";

    public static ClaimsPrincipal Create(Guid userId, string email, AccountTier tier, Guid sessionId, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userId.ToString()),
                new Claim(ClaimTypes.Email, email),
                new Claim(Tier, tier.ToString()),
                new Claim(SessionId, sessionId.ToString()),
            ],
            scheme));

    /// <summary>The signed-in user's id; endpoints behind <c>RequireAuthorization()</c> always have one.</summary>
    public static Guid GetUserId(this ClaimsPrincipal user) => Guid.Parse(Required(user, ClaimTypes.NameIdentifier));

    public static Guid GetSessionId(this ClaimsPrincipal user) => Guid.Parse(Required(user, SessionId));

    public static AccountTier GetTier(this ClaimsPrincipal user) => Enum.Parse<AccountTier>(Required(user, Tier));

    private static string Required(ClaimsPrincipal user, string type) =>
        user.FindFirstValue(type) ?? throw new InvalidOperationException($"The request has no '{type}' claim: is the endpoint behind RequireAuthorization()?");
}
