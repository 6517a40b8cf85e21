using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Api.Infrastructure.Authentication;
using Microsoft.Extensions.Options;
using RedisClient;

namespace Api.Features.Realtime;

/// <summary>
/// Short-lived tokens that open one project's event stream from a URL (<c>?access_token=evt_…</c>), for browsers'
/// EventSource, which cannot send an Authorization header. Kept in Redis (only their SHA-256) so every replica
/// accepts them; reusable until they expire, because EventSource reconnects with the same URL.
/// </summary>
public sealed class StreamTokens(RedisConnection redis, IConfiguration configuration, IOptions<RealtimeOptions> options, TimeProvider time)
{
    public const string Prefix = "evt_";

    private readonly RedisEventKeys _keys = new(configuration);

    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(ClaimsPrincipal user, Guid projectId, CancellationToken cancellationToken)
    {
        var token = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var lifetime = options.Value.StreamTokenLifetime;
        var grant = $"{projectId:N}|{user.GetSessionId():N}";
        var database = await redis.GetDatabaseAsync(cancellationToken);
        await database.StringSetAsync(_keys.StreamToken(Hash(token)), grant, lifetime);
        return (token, time.GetUtcNow() + lifetime);
    }

    /// <summary>The session a token was issued to, if it is alive and was issued for <paramref name="projectId"/>.</summary>
    public async Task<Guid?> FindSessionAsync(string token, Guid projectId, CancellationToken cancellationToken)
    {
        if (token.Length != Prefix.Length + 43 || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var database = await redis.GetDatabaseAsync(cancellationToken);
        var grant = (string?)await database.StringGetAsync(_keys.StreamToken(Hash(token)));
        return grant?.Split('|') is [var project, var session] && Guid.Parse(project) == projectId ? Guid.Parse(session) : null;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
