using System.Security.Cryptography;
using System.Text;

namespace Gateway.Features.Keys;

/// <summary>
/// Client keys are <c>sk-gw-</c> plus 40 random base-62 characters (238 bits). A key that random cannot be
/// brute-forced from its hash, so one SHA-256 is the right store: a slow password hash would only add latency
/// to every request. The id, which names the key everywhere (Redis, ledger, spans), is a prefix of that hash.
/// </summary>
internal static class ClientKeyFormat
{
    public const string Prefix = "sk-gw-";

    public const int MinimumLength = 24;

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string NewKey() => Prefix + RandomNumberGenerator.GetString(Alphabet, 40);

    public static string HashOf(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        var bytes = Encoding.UTF8.GetBytes(key);
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }

    public static string IdOf(string hash) => "gwk_" + hash[..20];

    /// <summary>What a listing shows of a key: enough to recognise it, far too little to use it.</summary>
    public static string Hint(string key) => key.Length > 10 ? key[..Math.Min(key.Length, Prefix.Length + 4)] + "…" : "…";

    public static bool IsValidName(string name) =>
        name.Length is >= 1 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
