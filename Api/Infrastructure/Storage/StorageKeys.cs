using System.Buffers;

namespace Api.Infrastructure.Storage;

/// <summary>Keys are '/'-separated segments of letters, digits, '-', '_' and '.', none of them '.' or '..'.</summary>
public static class StorageKeys
{
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    public static string ForAttachment(Guid projectId, Guid attachmentId) => $"projects/{projectId:N}/{attachmentId:N}";

    public static bool IsValid(string key) =>
        key.Length is > 0 and <= 512
        && key.Split('/').All(segment => segment.Length > 0 && segment is not ("." or "..") && !segment.AsSpan().ContainsAnyExcept(Allowed));

    public static void EnsureValid(string key)
    {
        if (!IsValid(key))
        {
            throw new ArgumentException($"'{key}' is not a storage key.", nameof(key));
        }
    }
}
