using Dashboard.Frontend;

namespace Dashboard.Tests.Frontend;

public class AnsiTests
{
    [Fact]
    public void Plain_text_is_html_encoded() =>
        Assert.Equal("a &lt;b&gt; &amp; c", Ansi.ToHtml("a <b> & c"));

    [Fact]
    public void Colours_become_styled_spans_and_reset_closes_them() =>
        Assert.Equal(
            "<span style=\"color:#cd3131;\">fail</span>: <span style=\"color:#0dbc79;font-weight:700;\">ok</span>",
            Ansi.ToHtml("\u001b[31mfail\u001b[0m: \u001b[32;1mok\u001b[39;22m"));

    [Fact]
    public void Extended_colours_are_supported() =>
        Assert.Equal(
            "<span style=\"color:#ff8000;background:#5f87af;\">x</span>",
            Ansi.ToHtml("\u001b[38;2;255;128;0m\u001b[48;5;67mx\u001b[m"));

    [Fact]
    public void Other_control_sequences_and_characters_are_dropped() =>
        Assert.Equal("progress done", Ansi.ToHtml("\u001b[2Kprogress\u001b[1G done\u0007"));

    [Fact]
    public void A_truncated_sequence_does_not_throw() =>
        Assert.Equal("text", Ansi.ToHtml("text\u001b[31"));
}
