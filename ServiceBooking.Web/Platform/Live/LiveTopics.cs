using System.Globalization;

namespace ServiceBooking.Web.Platform.Live;

/// <summary>
/// The names of what can change under an open page. A topic is a plain string published by the database
/// (<c>live_publish</c>, called by triggers) as the payload of a notification on the one channel <see cref="Channel"/>;
/// a module that adds a kind of live page adds its topics here (as work orders added <c>order:…</c>) and a trigger that publishes them.
/// </summary>
/// <remarks>
/// One channel with the topic as payload rather than a channel per topic: every instance needs every topic anyway (its
/// caches drop any changed day, not only the days it has streams for), so a single <c>LISTEN</c> covers all of them,
/// nothing has to be listened to or unlistened as streams come and go, and a reconnect restores everything at once.
/// </remarks>
public static class LiveTopics
{
    /// <summary>The PostgreSQL notification channel every instance listens on.</summary>
    public const string Channel = "live";

    /// <summary>The working calendar every grid shows (advisors, days off); also published for a TRUNCATE.</summary>
    public const string Calendar = "calendar";

    /// <summary>The orders' list: any order added or changed (work orders' <c>LiveOrders</c> migration).</summary>
    public const string Orders = "orders";

    /// <summary>The pick-ups: any request added or changed (pick-ups' <c>LivePickups</c> migration).</summary>
    public const string Pickups = "pickups";

    private const string DayPrefix = "day:";

    /// <summary>A day's bookings or its day off: <c>day:2026-12-03</c>.</summary>
    public static string Day(DateOnly date) => DayPrefix + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One work order or its stage submissions: <c>order:42</c>.</summary>
    public static string Order(int id) => "order:" + id.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseDay(string topic, out DateOnly date)
    {
        date = default;
        return topic.StartsWith(DayPrefix, StringComparison.Ordinal)
            && DateOnly.TryParseExact(topic.AsSpan(DayPrefix.Length), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
