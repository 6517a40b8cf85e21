using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Api.Infrastructure.Authentication;

/// <summary>Opaque session tokens: <c>ses_</c> and 43 base64url characters (256 random bits).</summary>
internal static class SessionTokens
{
    public const string Prefix = "ses_";

    public static string Create() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>What the database keeps: the token's SHA-256, so a read of the table cannot be replayed.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static bool LooksValid(string token) => token.Length == Prefix.Length + 43 && token.StartsWith(Prefix, StringComparison.Ordinal);
}
