using System.Buffers;
using System.Text;

namespace Api.Features.Files;

/// <summary>
/// What a file path may be: relative, '/'-separated, no empty, '.' or '..' segments, and only characters that
/// mean the same thing on every file system and in a URL. A path is checked, never repaired: a client that sent
/// <c>a//b</c> or <c>./a</c> learns so instead of finding its file under another name.
/// </summary>
public static class FilePaths
{
    public const string AllowedCharacters = "letters A-Z and a-z, digits, and . _ - @ + ( ) [ ] with / between folders";

    private static readonly SearchValues<char> s_allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-@+()[]/");

    // What char.IsControl calls control characters: C0, DEL and C1.
    private static readonly SearchValues<char> s_controls = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c)]);

    /// <summary>Why <paramref name="path"/> is not a valid file path, or null when it is.</summary>
    public static string? Problem(string? path, int maxLength)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "A path is required.";
        }

        var shown = Display(path);
        if (path.Length > maxLength)
        {
            return $"'{shown}' is {path.Length} characters long; a path has at most {maxLength}.";
        }

        var control = path.AsSpan().IndexOfAny(s_controls);
        if (control >= 0)
        {
            return $"'{shown}' contains the control character U+{(int)path[control]:X4}.";
        }

        return path switch
        {
            _ when path.Contains('\\', StringComparison.Ordinal) => $"'{shown}' contains a backslash; separate folders with '/'.",
            ['/', ..] => $"'{shown}' is absolute; paths are relative to the project's root.",
            _ when path.Split('/').Any(s => s is "." or "..") => $"'{shown}' has a '.' or '..' segment; name every folder.",
            _ when path.Split('/').Any(s => s.Length == 0) => $"'{shown}' has an empty segment (a trailing or doubled '/').",
            _ when path.AsSpan().IndexOfAnyExcept(s_allowed) is var at and >= 0 =>
                $"'{shown}' contains '{Display(path[at].ToString())}'; paths use only {AllowedCharacters}.",
            _ => null,
        };
    }

    /// <summary>The path for an error message: control and other invisible characters escaped, long paths cut.</summary>
    public static string Display(string path)
    {
        var shown = new StringBuilder();
        foreach (var c in path.Length > 80 ? path[..80] : path)
        {
            shown.Append(char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c) && c != ' ' ? $"\\u{(int)c:X4}" : c);
        }

        return path.Length > 80 ? shown.Append('…').ToString() : shown.ToString();
    }
}
