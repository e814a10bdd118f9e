using System.Text;
using ServiceBooking.Web.Modules.Bookings;

namespace ServiceBooking.Tests.Bookings;

/// <summary>The visit as an iCalendar file (RFC 5545) attached to the booking confirmation.</summary>
public sealed class VisitCalendarFileTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // 15 March 2026, 10:30 in Moscow (UTC+3) is 07:30 UTC.
    private static readonly DateTimeOffset Start = new(2026, 3, 15, 10, 30, 0, TimeSpan.FromHours(3));

    private static byte[] Create(string summary = "ServiceBooking: ТО-1", string description = "Kia Rio (IV)", string location = "Москва, ул. Моторная, 1") =>
        VisitCalendarFile.Create("booking-42@servicebooking", Start, Start.AddMinutes(30), new DateTimeOffset(2026, 3, 1, 12, 0, 5, TimeSpan.Zero),
            summary, description, location);

    private static string Text(byte[] file) => StrictUtf8.GetString(file);

    /// <summary>The content lines as a calendar reads them: folds undone (a CRLF followed by one space is removed).</summary>
    private static List<string> Unfolded(byte[] file) =>
        [.. Text(file).Replace("\r\n ", string.Empty, StringComparison.Ordinal).Split("\r\n")[..^1]];

    private static string Property(byte[] file, string name) =>
        Unfolded(file).Single(line => line.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..];

    /// <summary>The physical lines, each decoded on its own: a UTF-8 character split over two lines makes this throw.</summary>
    private static List<byte[]> PhysicalLines(byte[] file)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < file.Length - 1; i++)
        {
            if (file[i] == '\r' && file[i + 1] == '\n')
            {
                lines.Add(file[start..i]);
                start = i + 2;
            }
        }

        Assert.Equal(file.Length, start); // the file ends with CRLF
        return lines;
    }

    [Fact]
    public void The_file_is_one_event_in_one_calendar()
    {
        var lines = Unfolded(Create());

        Assert.Equal(["BEGIN:VCALENDAR", "VERSION:2.0"], lines[..2]);
        Assert.Contains("METHOD:PUBLISH", lines);
        Assert.Single(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        Assert.Equal(["END:VEVENT", "END:VCALENDAR"], lines[^2..]);
        var begin = lines.IndexOf("BEGIN:VEVENT");
        Assert.Equal(1, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.All(new[] { "UID:", "DTSTAMP:", "DTSTART:", "DTEND:", "SUMMARY:", "DESCRIPTION:", "LOCATION:" }, name =>
        {
            var at = lines.FindIndex(l => l.StartsWith(name, StringComparison.Ordinal));
            Assert.True(at > begin && at < lines.Count - 2, $"{name} is not inside the event");
        });
        Assert.Equal("booking-42@servicebooking", Property(Create(), "UID"));
    }

    [Fact]
    public void Every_line_ends_with_crlf()
    {
        var text = Text(Create(description: "Первая строка\nвторая\r\nтретья", summary: new string('x', 200)));

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Times_are_written_in_utc_in_the_basic_format()
    {
        var file = Create();

        Assert.Equal("20260315T073000Z", Property(file, "DTSTART"));
        Assert.Equal("20260315T080000Z", Property(file, "DTEND"));
        Assert.Equal("20260301T120005Z", Property(file, "DTSTAMP"));
    }

    [Fact]
    public void Semicolons_commas_backslashes_and_line_breaks_are_escaped()
    {
        var file = Create(
            summary: @"ТО-1; масло, фильтр C:\сервис",
            description: "Kia Rio (IV), А123ВС77.\r\nСидоров А. П.\n8 478,50 ₽",
            location: "Москва; ул. Моторная, 1");

        Assert.Equal(@"ТО-1\; масло\, фильтр C:\\сервис", Property(file, "SUMMARY"));
        Assert.Equal(@"Kia Rio (IV)\, А123ВС77.\nСидоров А. П.\n8 478\,50 ₽", Property(file, "DESCRIPTION"));
        Assert.Equal(@"Москва\; ул. Моторная\, 1", Property(file, "LOCATION"));
    }

    [Fact]
    public void A_blank_location_is_left_out()
    {
        Assert.DoesNotContain(Unfolded(Create(location: " ")), line => line.StartsWith("LOCATION", StringComparison.Ordinal));
    }

    [Fact]
    public void A_line_of_75_octets_stays_whole_and_a_longer_one_is_folded()
    {
        var exactly = new string('a', 75 - "SUMMARY:".Length);
        var longer = exactly + "b";

        Assert.Contains("SUMMARY:" + exactly, PhysicalLines(Create(summary: exactly)).Select(StrictUtf8.GetString));
        var folded = PhysicalLines(Create(summary: longer)).Select(StrictUtf8.GetString).ToList();
        var at = folded.IndexOf("SUMMARY:" + exactly);
        Assert.True(at >= 0, "the first 75 octets stay on the first line");
        Assert.Equal(" b", folded[at + 1]);
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets_with_one_space_and_unfold_to_the_original()
    {
        var summary = string.Concat(Enumerable.Repeat("Plain ASCII text of the visit; ", 10));
        var file = Create(summary: summary);

        var lines = PhysicalLines(file);
        Assert.All(lines, line => Assert.True(line.Length <= 75, $"{line.Length} octets: {StrictUtf8.GetString(line)}"));
        var summaryAt = lines.FindIndex(l => StrictUtf8.GetString(l).StartsWith("SUMMARY:", StringComparison.Ordinal));
        Assert.Equal(75, lines[summaryAt].Length);
        Assert.Equal((byte)' ', lines[summaryAt + 1][0]);
        Assert.NotEqual((byte)' ', lines[summaryAt + 1][1]);
        Assert.Equal(summary.Replace(";", "\\;", StringComparison.Ordinal), Property(file, "SUMMARY"));
    }

    [Fact]
    public void Folding_never_splits_a_cyrillic_character()
    {
        // Two octets a letter, and a four-octet one too: no line may cut one in half, wherever the fold falls.
        var summary = "Автосервис «Мотор»: ТО-1 для Kia Rio (IV), замена масла и фильтров, проверка тормозной системы 🚗 и подвески";
        for (var shift = 0; shift < 4; shift++)
        {
            var shifted = new string('x', shift) + summary + summary;
            var file = Create(summary: shifted, description: shifted, location: shifted);

            var lines = PhysicalLines(file);
            Assert.All(lines, line => Assert.True(line.Length <= 75, $"{line.Length} octets"));
            var decoded = lines.Select(StrictUtf8.GetString).ToList(); // throws on half a character
            Assert.Contains(decoded, line => line.StartsWith(' ') && line.Length > 1);
            Assert.Equal(shifted.Replace(",", "\\,", StringComparison.Ordinal), Property(file, "SUMMARY"));
        }
    }

    [Fact]
    public void The_file_is_utf8_without_a_byte_order_mark()
    {
        var file = Create();

        Assert.Equal((byte)'B', file[0]);
        Assert.Contains("SUMMARY:ServiceBooking: ТО-1", Unfolded(file));
        Assert.Equal(("visit.ics", "text/calendar; charset=utf-8; method=PUBLISH"), (VisitCalendarFile.FileName, VisitCalendarFile.ContentType));
    }
}
