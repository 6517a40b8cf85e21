using System.Globalization;
using System.Net;
using System.Text;

namespace Dashboard.Frontend;

/// <summary>
/// Turns a console line with ANSI escape sequences into HTML: SGR colours (16, 256 and 24-bit), bold, dim, italic and
/// underline become styled spans; every other control sequence (cursor moves, erase) is dropped; the text is encoded.
/// </summary>
public static class Ansi
{
    private static readonly string[] Basic =
        ["#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5"];

    private static readonly string[] Bright =
        ["#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff"];

    public static string ToHtml(string line)
    {
        var html = new StringBuilder(line.Length + 32);
        var style = new Style();
        string? open = null;
        var i = 0;
        while (i < line.Length)
        {
            var escape = line.IndexOf('\u001b', i);
            var text = StripControl(escape < 0 ? line[i..] : line[i..escape]);
            if (text.Length > 0)
            {
                // Spans open only around text, so a run of sequences costs nothing.
                var css = style.Css();
                if (css != (open ?? ""))
                {
                    html.Append(open is null ? "" : "</span>");
                    open = css.Length > 0 ? css : null;
                    html.Append(open is null ? "" : $"<span style=\"{open}\">");
                }

                html.Append(WebUtility.HtmlEncode(text));
            }

            if (escape < 0)
            {
                break;
            }

            i = ReadSequence(line, escape, out var sgr);
            if (sgr is not null)
            {
                style.Apply(sgr);
            }
        }

        return open is null ? html.ToString() : html.Append("</span>").ToString();
    }

    /// <summary>Reads the escape sequence at <paramref name="start"/>; <paramref name="sgr"/> holds its parameters when it sets graphics.</summary>
    private static int ReadSequence(string line, int start, out int[]? sgr)
    {
        sgr = null;
        if (start + 1 >= line.Length || line[start + 1] != '[')
        {
            return Math.Min(start + 2, line.Length); // a lone ESC or a two-character sequence
        }

        var end = start + 2;
        while (end < line.Length && line[end] is >= '0' and <= '?' or ';')
        {
            end++;
        }

        if (end >= line.Length)
        {
            return line.Length;
        }

        if (line[end] == 'm')
        {
            var parameters = line[(start + 2)..end];
            sgr = parameters.Length == 0
                ? [0]
                : [.. parameters.Split(';').Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)];
        }

        return end + 1;
    }

    private static string StripControl(string text) =>
        text.Any(c => char.IsControl(c) && c != '\t') ? new string([.. text.Where(c => !char.IsControl(c) || c == '\t')]) : text;

    private sealed class Style
    {
        private string? _foreground;
        private string? _background;
        private bool _bold;
        private bool _dim;
        private bool _italic;
        private bool _underline;

        public void Apply(int[] codes)
        {
            for (var i = 0; i < codes.Length; i++)
            {
                var code = codes[i];
                switch (code)
                {
                    case 0: _foreground = _background = null; _bold = _dim = _italic = _underline = false; break;
                    case 1: _bold = true; break;
                    case 2: _dim = true; break;
                    case 3: _italic = true; break;
                    case 4: _underline = true; break;
                    case 22: _bold = _dim = false; break;
                    case 23: _italic = false; break;
                    case 24: _underline = false; break;
                    case >= 30 and <= 37: _foreground = Basic[code - 30]; break;
                    case >= 90 and <= 97: _foreground = Bright[code - 90]; break;
                    case >= 40 and <= 47: _background = Basic[code - 40]; break;
                    case >= 100 and <= 107: _background = Bright[code - 100]; break;
                    case 39: _foreground = null; break;
                    case 49: _background = null; break;
                    case 38 or 48:
                        var color = Extended(codes, ref i);
                        if (code == 38) { _foreground = color; } else { _background = color; }
                        break;
                }
            }
        }

        private static string? Extended(int[] codes, ref int i)
        {
            if (i + 2 < codes.Length && codes[i + 1] == 5)
            {
                i += 2;
                return Palette256(codes[i]);
            }

            if (i + 4 < codes.Length && codes[i + 1] == 2)
            {
                var rgb = $"#{Math.Clamp(codes[i + 2], 0, 255):x2}{Math.Clamp(codes[i + 3], 0, 255):x2}{Math.Clamp(codes[i + 4], 0, 255):x2}";
                i += 4;
                return rgb;
            }

            return null;
        }

        private static string Palette256(int n) => n switch
        {
            < 8 => Basic[Math.Max(n, 0)],
            < 16 => Bright[n - 8],
            < 232 => Cube(n - 16),
            < 256 => Gray(8 + ((n - 232) * 10)),
            _ => Basic[7],
        };

        private static string Cube(int n)
        {
            static int Level(int v) => v == 0 ? 0 : 55 + (v * 40);
            return $"#{Level(n / 36):x2}{Level(n / 6 % 6):x2}{Level(n % 6):x2}";
        }

        private static string Gray(int v) => $"#{v:x2}{v:x2}{v:x2}";

        public string Css()
        {
            var css = new StringBuilder();
            if (_foreground is not null) { css.Append("color:").Append(_foreground).Append(';'); }
            if (_background is not null) { css.Append("background:").Append(_background).Append(';'); }
            if (_bold) { css.Append("font-weight:700;"); }
            if (_dim) { css.Append("opacity:.7;"); }
            if (_italic) { css.Append("font-style:italic;"); }
            if (_underline) { css.Append("text-decoration:underline;"); }
            return css.ToString();
        }
    }
}
