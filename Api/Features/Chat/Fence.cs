namespace Api.Features.Chat;

/// <summary>A Markdown code fence of backticks: its length and info string (what follows the opening backticks).</summary>
internal readonly record struct Fence(int Length, string Info)
{
    public bool IsEdit =>
        Info.StartsWith(FileEditProposals.WritePrefix, StringComparison.Ordinal) ||
        Info.StartsWith(FileEditProposals.DeletePrefix, StringComparison.Ordinal);

    public static bool TryOpen(string line, out Fence fence)
    {
        var text = Unindent(line.TrimEnd('\r'));
        var length = Backticks(text);
        fence = new Fence(length, length >= 3 ? text[length..].Trim() : "");
        // CommonMark: the info string of a backtick fence holds no backtick.
        return length >= 3 && !fence.Info.Contains('`', StringComparison.Ordinal);
    }

    /// <summary>The index of the closing line, or <c>lines.Length</c> when the text ends first.</summary>
    public static int FindClose(string[] lines, int from, int length)
    {
        for (var i = from; i < lines.Length; i++)
        {
            var text = Unindent(lines[i].Trim('\r', ' ', '\t'));
            if (text.Length >= length && Backticks(text) == text.Length)
            {
                return i;
            }
        }

        return lines.Length;
    }

    private static int Backticks(string text)
    {
        var count = 0;
        while (count < text.Length && text[count] == '`')
        {
            count++;
        }

        return count;
    }

    // Up to three spaces of indentation still make a fence; four make an indented code line.
    private static string Unindent(string line)
    {
        var spaces = 0;
        while (spaces < 3 && spaces < line.Length && line[spaces] == ' ')
        {
            spaces++;
        }

        return line[spaces..];
    }
}
