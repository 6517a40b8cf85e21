using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Gateway.Features.Caching;

/// <summary>
/// The cache key of a request: SHA-256 over the headers that change the answer (<c>anthropic-version</c>,
/// <c>anthropic-beta</c>), the scope (the client key's id unless the cache is shared) and the canonical body.
/// </summary>
internal static class CacheKey
{
    public static string Compute(ReadOnlyMemory<byte> body, IHeaderDictionary headers, string scope)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, "v1");
        Append(hash, headers["anthropic-version"].ToString());
        Append(hash, NormalisedBetas(headers["anthropic-beta"]));
        Append(hash, scope);
        var canonical = new ArrayBufferWriter<byte>(body.Length);
        CanonicalJson.Write(body, canonical);
        hash.AppendData(canonical.WrittenSpan);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Betas are a set: order and repetition across headers do not change the answer.</summary>
    private static string NormalisedBetas(StringValues values) => string.Join(',', values
        .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal));

    // Length-prefixed, so ("ab","c") and ("a","bc") never collide.
    private static void Append(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
