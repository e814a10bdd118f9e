using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ServiceBooking.Web.Campaigns;

/// <summary>
/// The simple formatting a manager can use in a campaign: blank lines between paragraphs, lines starting with "- " as
/// a list, **bold**, *italic* and [text](https://link). Everything else is text: it is HTML-encoded first, so nothing
/// a manager types can become markup or script.
/// </summary>
public static partial class PromoMarkup
{
    public static string ToHtml(string text)
    {
        var html = new StringBuilder();
        var blocks = Blank().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
        foreach (var block in blocks.Where(b => b.Trim().Length > 0))
        {
            var lines = block.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
            if (lines.All(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal)))
            {
                html.Append("<ul>");
                foreach (var line in lines)
                {
                    html.Append("<li>").Append(Inline(line.TrimStart()[2..])).Append("</li>");
                }

                html.Append("</ul>");
            }
            else
            {
                html.Append("<p>").Append(string.Join("<br />", lines.Select(Inline))).Append("</p>");
            }
        }

        return html.ToString();
    }

    private static string Inline(string line)
    {
        var encoded = WebUtility.HtmlEncode(line);
        encoded = Link().Replace(encoded, m => $"<a href=\"{m.Groups["url"].Value}\">{m.Groups["text"].Value}</a>");
        encoded = Bold().Replace(encoded, "<strong>$1</strong>");
        return Italic().Replace(encoded, "<em>$1</em>");
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex Blank();

    // Encoded text: quotes are &quot;, so the URL cannot break out of the attribute.
    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<url>https?://[^\s()<>]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")]
    private static partial Regex Italic();
}
