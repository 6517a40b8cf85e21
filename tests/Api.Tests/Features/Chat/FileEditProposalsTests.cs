using Api.Features.Chat;

namespace Api.Tests.Features.Chat;

public sealed class FileEditProposalsTests
{
    [Fact]
    public void A_file_block_is_a_write_of_its_whole_content()
    {
        var proposal = FileEditProposals.Parse("Sure.\n\n```file:src/app.ts\nconst a = 1;\n\nconst b = 2;\n```\nDone.");

        var edit = Assert.Single(proposal.Edits);
        Assert.Equal(new FileEdit(FileEditKind.Write, "src/app.ts", "const a = 1;\n\nconst b = 2;\n"), edit);
        Assert.Empty(proposal.Rejected);
    }

    [Fact]
    public void A_delete_block_is_a_delete()
    {
        var proposal = FileEditProposals.Parse("```delete:docs/old.md\n```");

        Assert.Equal([new FileEdit(FileEditKind.Delete, "docs/old.md", null)], proposal.Edits);
    }

    [Fact]
    public void Several_blocks_are_read_in_reply_order()
    {
        var proposal = FileEditProposals.Parse("```file:a.txt\nA\n```\ntext\n```delete:b.txt\n```\n```file:c/d.txt\nD\n```\n");

        Assert.Equal(["a.txt", "b.txt", "c/d.txt"], proposal.Edits.Select(e => e.Path));
        Assert.Equal([FileEditKind.Write, FileEditKind.Delete, FileEditKind.Write], proposal.Edits.Select(e => e.Kind));
    }

    [Fact]
    public void An_empty_file_block_writes_an_empty_file()
    {
        var edit = Assert.Single(FileEditProposals.Parse("```file:empty.txt\n```").Edits);

        Assert.Equal("", edit.Content);
    }

    [Fact]
    public void Ordinary_code_blocks_change_nothing_even_when_they_show_the_format()
    {
        var proposal = FileEditProposals.Parse("Use this format:\n```markdown\n```file:not/real.txt\n```\nand\n```ts\nlet x;\n```\n");

        Assert.True(proposal.IsEmpty);
    }

    [Fact]
    public void A_longer_fence_carries_content_that_holds_three_backticks()
    {
        var proposal = FileEditProposals.Parse("````file:README.md\n# Title\n```bash\nmake\n```\n````\n");

        Assert.Equal("# Title\n```bash\nmake\n```\n", Assert.Single(proposal.Edits).Content);
    }

    [Fact]
    public void Windows_line_endings_become_newlines()
    {
        var edit = Assert.Single(FileEditProposals.Parse("```file:a.txt\r\none\r\ntwo\r\n```\r\n").Edits);

        Assert.Equal("one\ntwo\n", edit.Content);
    }

    [Fact]
    public void Indentation_inside_a_file_is_kept_and_a_fence_may_be_indented_up_to_three_spaces()
    {
        var edit = Assert.Single(FileEditProposals.Parse("   ```file:a.py\ndef f():\n    return 1\n   ```").Edits);

        Assert.Equal("def f():\n    return 1\n", edit.Content);
    }

    [Fact]
    public void A_block_the_reply_ends_inside_is_rejected_not_applied_as_half_a_file()
    {
        var proposal = FileEditProposals.Parse("```file:ok.txt\nfine\n```\n```file:big.ts\nconst a = [\n  1,\n");

        Assert.Equal(["ok.txt"], proposal.Edits.Select(e => e.Path));
        var rejected = Assert.Single(proposal.Rejected);
        Assert.Equal("big.ts", rejected.Path);
        Assert.Contains("ended inside the block", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delete_block_with_content_is_rejected()
    {
        var proposal = FileEditProposals.Parse("```delete:a.txt\nsurprise\n```");

        Assert.Empty(proposal.Edits);
        Assert.Equal("A delete block must be empty.", Assert.Single(proposal.Rejected).Reason);
    }

    [Theory]
    [InlineData("", "The block names no path.")]
    [InlineData("/etc/passwd", "A path is relative to the project's root.")]
    [InlineData("../outside.txt", "A path has no empty, '.' or '..' segment.")]
    [InlineData("src/../../x", "A path has no empty, '.' or '..' segment.")]
    [InlineData("src//x", "A path has no empty, '.' or '..' segment.")]
    [InlineData("./x", "A path has no empty, '.' or '..' segment.")]
    [InlineData("src\\x.txt", "A path uses forward slashes.")]
    [InlineData("a\u0001b", "A path has no control characters.")]
    public void A_block_with_an_unusable_path_is_rejected_with_the_reason(string path, string reason)
    {
        var proposal = FileEditProposals.Parse($"```file:{path}\nx\n```");

        Assert.Empty(proposal.Edits);
        Assert.Equal(new RejectedEdit(path, reason), Assert.Single(proposal.Rejected));
    }

    [Fact]
    public void A_path_of_261_characters_is_rejected()
    {
        var proposal = FileEditProposals.Parse($"```file:{new string('a', 261)}\nx\n```");

        Assert.Equal("A path has at most 260 characters.", Assert.Single(proposal.Rejected).Reason);
    }

    [Fact]
    public void Spaces_around_the_path_are_trimmed_and_spaces_inside_are_kept()
    {
        var edit = Assert.Single(FileEditProposals.Parse("```file:  my docs/read me.md  \nx\n```").Edits);

        Assert.Equal("my docs/read me.md", edit.Path);
    }

    [Fact]
    public void A_later_block_for_the_same_path_replaces_the_earlier_one()
    {
        var proposal = FileEditProposals.Parse("```file:a.txt\nfirst\n```\n```file:b.txt\nb\n```\n```file:a.txt\nsecond\n```\n");

        Assert.Equal([("b.txt", "b\n"), ("a.txt", "second\n")], proposal.Edits.Select(e => (e.Path, e.Content)));
    }

    [Fact]
    public void A_reply_without_blocks_proposes_nothing()
    {
        Assert.True(FileEditProposals.Parse("Just words, and `inline code`, and ``more``.").IsEmpty);
    }

    [Fact]
    public void A_fence_whose_info_holds_a_backtick_is_not_a_fence()
    {
        Assert.True(FileEditProposals.Parse("```file:a`b\nx\n```").Edits.Count == 0);
    }
}
