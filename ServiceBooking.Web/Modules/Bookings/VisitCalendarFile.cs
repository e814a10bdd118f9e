using System.Globalization;
using System.Text;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// An iCalendar (RFC 5545) file with one event, the visit, so the client can put it in their calendar. Times are
/// written in UTC, so every calendar shows them right in its own time zone.
/// </summary>
public static class VisitCalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8; method=PUBLISH";
    public const string FileName = "visit.ics";

    public static byte[] Create(string uid, DateTimeOffset start, DateTimeOffset end, DateTimeOffset stamp, string summary, string description, string location)
    {
        var ics = new StringBuilder()
            .Append("BEGIN:VCALENDAR\r\n")
            .Append("VERSION:2.0\r\n")
            .Append("PRODID:-//ServiceBooking//Booking//RU\r\n")
            .Append("METHOD:PUBLISH\r\n")
            .Append("BEGIN:VEVENT\r\n")
            .Append(Line("UID", uid))
            .Append(Line("DTSTAMP", Utc(stamp)))
            .Append(Line("DTSTART", Utc(start)))
            .Append(Line("DTEND", Utc(end)))
            .Append(Line("SUMMARY", Escape(summary)))
            .Append(Line("DESCRIPTION", Escape(description)))
            .Append(string.IsNullOrWhiteSpace(location) ? string.Empty : Line("LOCATION", Escape(location)))
            .Append("END:VEVENT\r\n")
            .Append("END:VCALENDAR\r\n");
        return Encoding.UTF8.GetBytes(ics.ToString());
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Text values escape backslash, semicolon, comma and line breaks.</summary>
    private static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A content line, folded at 75 octets as the standard asks (a fold is CRLF and a space).</summary>
    private static string Line(string name, string value)
    {
        var line = $"{name}:{value}";
        var bytes = Encoding.UTF8.GetBytes(line);
        if (bytes.Length <= 75)
        {
            return line + "\r\n";
        }

        var folded = new StringBuilder();
        var chunk = new StringBuilder();
        var chunkBytes = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (chunkBytes + size > limit)
            {
                folded.Append(chunk).Append("\r\n ");
                chunk.Clear();
                chunkBytes = 0;
                limit = 74; // continuation lines start with the folding space
            }

            chunk.Append(rune.ToString());
            chunkBytes += size;
        }

        return folded.Append(chunk).Append("\r\n").ToString();
    }
}
