using System.Globalization;

namespace ServiceBooking.Web.Platform.Live;

/// <summary>
/// The names of what can change under an open page. A topic is a plain string published by the database
/// (<c>live_publish</c>, called by triggers) on channel <see cref="Channel"/>; a module that adds a kind of live page adds
/// its topics here (<c>order:…</c> next) and a trigger that publishes them.
/// </summary>
public static class LiveTopics
{
    /// <summary>The PostgreSQL notification channel every instance listens on.</summary>
    public const string Channel = "live";

    /// <summary>The working calendar every grid shows (advisors, days off); also published for a TRUNCATE.</summary>
    public const string Calendar = "calendar";

    private const string DayPrefix = "day:";

    /// <summary>A day's bookings or its day off: <c>day:2026-12-03</c>.</summary>
    public static string Day(DateOnly date) => DayPrefix + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParseDay(string topic, out DateOnly date)
    {
        date = default;
        return topic.StartsWith(DayPrefix, StringComparison.Ordinal)
            && DateOnly.TryParseExact(topic.AsSpan(DayPrefix.Length), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
