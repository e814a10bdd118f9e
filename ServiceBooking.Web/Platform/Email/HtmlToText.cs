using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ServiceBooking.Web.Platform.Email;

/// <summary>
/// Turns the HTML of our own email templates into the plain-text part: block elements become line breaks,
/// links keep their address ("text: https://…"), tags go, entities are decoded. Meant for the markup our
/// templates produce, not for arbitrary HTML.
/// </summary>
public static partial class HtmlToText
{
    public static string Convert(string html)
    {
        var text = HeadOrStyle().Replace(html, string.Empty);
        text = Link().Replace(text, m =>
        {
            // Both stay HTML-encoded here: the one decode below turns them into text exactly once.
            var href = m.Groups["href"].Value;
            var label = Tag().Replace(m.Groups["label"].Value, string.Empty).Trim();
            return label.Length == 0 || WebUtility.HtmlDecode(label) == WebUtility.HtmlDecode(href) ? href : $"{label}: {href}";
        });
        text = ListItem().Replace(text, "\n- ");
        text = LineBreak().Replace(text, "\n");
        text = BlockEnd().Replace(text, "\n\n");
        text = Tag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text);

        var result = new StringBuilder();
        var blank = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = Spaces().Replace(raw, " ").Trim();
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blank > 0 ? "\n\n" : "\n");
            }

            result.Append(line);
            blank = 0;
        }

        return result.Append('\n').ToString();
    }

    [GeneratedRegex(@"<(head|style|title)\b[^>]*>.*?</\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HeadOrStyle();

    [GeneratedRegex("<a\\b[^>]*?href=\"(?<href>[^\"]*)\"[^>]*>(?<label>.*?)</a>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</(p|div|h[1-6]|table|tr|ul|ol|section|header|footer)>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Spaces();
}
