using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ServiceBooking.Web.Modules.Campaigns;

/// <summary>
/// The simple formatting a manager can use in a campaign: blank lines between paragraphs, lines starting with "- " as
/// a list (also right under a lead line), **bold**, *italic* and [text](https://link). Everything else is text: it is
/// HTML-encoded first, so nothing a manager types can become markup or script, and a link's address is kept as written.
/// </summary>
public static partial class PromoMarkup
{
    public static string ToHtml(string text)
    {
        var html = new StringBuilder();
        foreach (var block in Blank().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()))
        {
            var lines = block.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0).ToList();
            for (var i = 0; i < lines.Count;)
            {
                var listed = IsItem(lines[i]);
                var run = lines.Skip(i).TakeWhile(l => IsItem(l) == listed).ToList();
                i += run.Count;
                if (listed)
                {
                    html.Append("<ul>");
                    run.ForEach(line => html.Append("<li>").Append(Inline(line.TrimStart()[2..])).Append("</li>"));
                    html.Append("</ul>");
                }
                else
                {
                    html.Append("<p>").Append(string.Join("<br />", run.Select(Inline))).Append("</p>");
                }
            }
        }

        return html.ToString();
    }

    private static bool IsItem(string line) => line.TrimStart().StartsWith("- ", StringComparison.Ordinal);

    /// <summary>Links first, so that emphasis never reaches into an address; emphasis applies to the rest and to link texts.</summary>
    private static string Inline(string line)
    {
        var encoded = WebUtility.HtmlEncode(line);
        var result = new StringBuilder();
        var at = 0;
        foreach (Match link in Link().Matches(encoded))
        {
            result.Append(Emphasis(encoded[at..link.Index]))
                .Append("<a href=\"").Append(link.Groups["url"].Value).Append("\">")
                .Append(Emphasis(link.Groups["text"].Value)).Append("</a>");
            at = link.Index + link.Length;
        }

        return result.Append(Emphasis(encoded[at..])).ToString();
    }

    private static string Emphasis(string encoded) => Italic().Replace(Bold().Replace(encoded, "<strong>$1</strong>"), "<em>$1</em>");

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
