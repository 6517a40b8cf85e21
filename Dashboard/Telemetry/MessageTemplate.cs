using System.Text;
using Dashboard.Telemetry.Model;
using Attribute = Dashboard.Telemetry.Model.Attribute;

namespace Dashboard.Telemetry;

/// <summary>
/// Fills a log body that is still a message template (<c>Filler {Number}</c>, what .NET's exporter sends unless
/// <c>IncludeFormattedMessage</c> is on) from the record's attributes, so every service's logs read as sentences.
/// </summary>
internal static class MessageTemplate
{
    public static string Render(string body, IReadOnlyList<Attribute> attributes)
    {
        if (!body.Contains('{', StringComparison.Ordinal) || attributes.Count == 0)
        {
            return body;
        }

        var text = new StringBuilder(body.Length + 32);
        var i = 0;
        while (i < body.Length)
        {
            var open = body.IndexOf('{', i);
            if (open < 0 || open + 1 >= body.Length)
            {
                text.Append(body, i, body.Length - i);
                break;
            }

            text.Append(body, i, open - i);
            if (body[open + 1] == '{')
            {
                text.Append('{'); // "{{" is a literal brace
                i = open + 2;
                continue;
            }

            var close = body.IndexOf('}', open);
            if (close < 0)
            {
                text.Append(body, open, body.Length - open);
                break;
            }

            var hole = body.AsSpan(open + 1, close - open - 1).TrimStart("@$");
            var end = hole.IndexOfAny(',', ':');
            var name = (end < 0 ? hole : hole[..end]).ToString();
            var value = attributes.FirstOrDefault(a => a.Key == name);
            text.Append(value.Key is null ? body.AsSpan(open, close - open + 1) : value.Value);
            i = close + 1;
        }

        return text.Replace("}}", "}").ToString();
    }
}
