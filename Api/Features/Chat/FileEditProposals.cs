namespace Api.Features.Chat;

/// <summary>
/// Reads the file edits a completed assistant reply proposes, in the format <see cref="ChatPrompt"/> teaches:
/// <code>
/// ```file:src/app.ts          the whole new content of src/app.ts (created or replaced)
/// ...
/// ```
/// ```delete:src/old.ts        deletes src/old.ts; the block is empty
/// ```
/// </code>
/// A block opened with N backticks closes at a line of at least N backticks, so a file that itself holds
/// ``` lines is sent in a ```` block. Other fenced blocks are ordinary code and skipped whole. A block the reply
/// ends inside (a reply cut at max_tokens) is rejected, never applied as half a file.
/// </summary>
public static class FileEditProposals
{
    public const string WritePrefix = "file:";
    public const string DeletePrefix = "delete:";

    public static FileEditProposal Parse(string reply)
    {
        var edits = new List<FileEdit>();
        var rejected = new List<RejectedEdit>();
        var lines = reply.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (Fence.TryOpen(lines[i], out var fence))
            {
                var close = Fence.FindClose(lines, i + 1, fence.Length);
                if (fence.IsEdit)
                {
                    Add(FileEditBlock.Read(fence, lines, i + 1, close), edits, rejected);
                }

                i = close;
            }
        }

        return new FileEditProposal(edits, rejected);
    }

    private static void Add(FileEditBlock.Result block, List<FileEdit> edits, List<RejectedEdit> rejected)
    {
        if (block.Rejected is { } refusal)
        {
            rejected.Add(refusal);
            return;
        }

        // A later block for the same path is the model correcting itself: it replaces the earlier one.
        edits.RemoveAll(e => string.Equals(e.Path, block.Edit!.Path, StringComparison.Ordinal));
        edits.Add(block.Edit!);
    }
}
