using System.Buffers.Text;

namespace Api.Infrastructure.Pagination;

/// <summary>An id as 22 base64url characters: short in a URL, and plainly not something to build by hand.</summary>
public static class Cursor
{
    public static string Encode(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string cursor, out Guid id)
    {
        id = default;
        Span<byte> bytes = stackalloc byte[18];
        if (cursor.Length != 22 || !Base64Url.TryDecodeFromChars(cursor, bytes, out var written) || written != 16)
        {
            return false;
        }

        id = new Guid(bytes[..16], bigEndian: true);
        return true;
    }
}
