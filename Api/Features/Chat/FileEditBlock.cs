namespace Api.Features.Chat;

/// <summary>One <c>file:</c> or <c>delete:</c> block read into an edit, or the reason it cannot be one.</summary>
internal static class FileEditBlock
{
    public const int MaxPathLength = 260;

    public sealed record Result(FileEdit? Edit, RejectedEdit? Rejected);

    /// <param name="close">The closing fence's line, or <c>lines.Length</c> if the reply ended inside the block.</param>
    public static Result Read(Fence fence, string[] lines, int first, int close)
    {
        var delete = fence.Info.StartsWith(FileEditProposals.DeletePrefix, StringComparison.Ordinal);
        var path = fence.Info[(delete ? FileEditProposals.DeletePrefix : FileEditProposals.WritePrefix).Length..].Trim();
        var content = Content(lines, first, close);
        var reason = PathProblem(path) ?? (close, delete) switch
        {
            _ when close == lines.Length => "The reply ended inside the block, so its content is incomplete.",
            (_, true) when content.Trim().Length > 0 => "A delete block must be empty.",
            _ => null,
        };

        if (reason is not null)
        {
            return new Result(null, new RejectedEdit(path, reason));
        }

        return new Result(delete ? new FileEdit(FileEditKind.Delete, path, null) : new FileEdit(FileEditKind.Write, path, content), null);
    }

    /// <summary>The lines between the fences, each ending in \n (a reply's \r\n become \n); empty for no lines.</summary>
    private static string Content(string[] lines, int first, int close)
    {
        var body = lines[first..close].Select(line => line.TrimEnd('\r') + "\n");
        return string.Concat(body);
    }

    /// <summary>Relative, forward slashes, no empty, <c>.</c> or <c>..</c> segment, no control character.</summary>
    internal static string? PathProblem(string path) => path switch
    {
        "" => "The block names no path.",
        { Length: > MaxPathLength } => $"A path has at most {MaxPathLength} characters.",
        _ when path.Any(char.IsControl) => "A path has no control characters.",
        _ when path.Contains('\\', StringComparison.Ordinal) => "A path uses forward slashes.",
        _ when path.StartsWith('/') => "A path is relative to the project's root.",
        _ when path.Split('/').Any(segment => segment is "" or "." or "..") => "A path has no empty, '.' or '..' segment.",
        _ => null,
    };
}
