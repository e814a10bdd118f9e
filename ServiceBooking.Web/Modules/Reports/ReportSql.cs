using Npgsql;
using NpgsqlTypes;

namespace ServiceBooking.Web.Modules.Reports;

/// <summary>
/// The rows each <see cref="ReportMeasure"/> counts, written once as SQL and used both by the figures (which aggregate
/// them) and by the lists the figures link to (which show them), so a figure and its list cannot disagree. The
/// parameters: <c>@start</c>/<c>@end</c> the period's instants, <c>@from</c>/<c>@end_day</c> its days (the end
/// excluded), <c>@now</c>, <c>@zone</c> the workshop's time zone; each narrowing adds its own.
/// </summary>
internal static class ReportSql
{
    public const string Made = "from bookings b where b.booked_at >= @start and b.booked_at < @end";

    public const string Cancelled = "from bookings b where b.status = 'Cancelled' and b.cancelled_at >= @start and b.cancelled_at < @end";

    public const string VisitsWhere = "b.status = 'Active' and b.date >= @from and b.date < @end_day";

    public const string Visits = "from bookings b where " + VisitsWhere;

    public const string Served = Visits + " and exists (select 1 from work_orders o where o.booking_id = b.id)";

    public const string Opened = "from work_orders o where o.created_at >= @start and o.created_at < @end";

    /// <summary>An order is done when its final report is approved; the approved report holds the money.</summary>
    public const string Done = "from work_orders o join stage_submissions f on f.work_order_id = o.id and f.kind = 'FinalReport' and f.state = 'Approved' " +
        "left join bookings b on b.id = o.booking_id where o.status = 'Done' and o.closed_at >= @start and o.closed_at < @end";

    public const string Pickups = "from pickup_requests r where r.requested_at >= @start and r.requested_at < @end";

    public const string Paid = "from pickup_requests r where r.paid_at >= @start and r.paid_at < @end";

    public const string DriverJobs = "from pickup_requests r where r.completed_at >= @start and r.completed_at < @end and r.driver_id is not null " +
        "and r.assigned_at is not null";

    /// <summary>A shift as it counts: open shifts until now, none longer than 16 hours (as the work orders' rule has it).</summary>
    private const string ShiftRange = "tstzrange(s.checked_in_at, greatest(s.checked_in_at, least(coalesce(s.checked_out_at, @now), s.checked_in_at + interval '16 hours')))";

    /// <summary>Shifts that may overlap the period (none is longer than 16 hours).</summary>
    private const string ShiftsNear = "s.checked_in_at < @end and s.checked_in_at > @start - interval '16 hours'";

    /// <summary>Seconds each mechanic was on shift within the period.</summary>
    public const string ShiftSeconds =
        "select s.mechanic_id as key, sum(extract(epoch from upper(x.r) - lower(x.r)))::float8 as seconds from shifts s " +
        $"cross join lateral (select {ShiftRange} * tstzrange(@start, @end) as r) x where {ShiftsNear} and not isempty(x.r) group by s.mechanic_id";

    /// <summary>
    /// Seconds each mechanic held an order (given it, until it closed) while on shift, within the period: the hours clocked
    /// on orders. A mechanic holds one order at a time, so the spans never count twice. Each order meets only the shifts
    /// that can overlap it (begun before it closed, less than 16 hours before it was given), and the orders are found by
    /// when they closed (or, open ones, when they were given): indexes on both.
    /// </summary>
    public const string ClockedSeconds =
        "select o.mechanic_id as key, sum(extract(epoch from upper(x.r) - lower(x.r)))::float8 as seconds from work_orders o " +
        $"join shifts s on s.mechanic_id = o.mechanic_id and {ShiftsNear} " +
        "and s.checked_in_at < coalesce(o.closed_at, @now) and s.checked_in_at > o.assigned_at - interval '16 hours' " +
        "cross join lateral (select tstzrange(o.assigned_at, greatest(o.assigned_at, coalesce(o.closed_at, @now))) * " +
        $"{ShiftRange} * tstzrange(@start, @end) as r) x " +
        "where o.mechanic_id is not null and o.assigned_at < @end and (o.closed_at >= @start or o.closed_at is null) and not isempty(x.r) " +
        "group by o.mechanic_id";

    public static string Rows(ReportMeasure measure) => measure switch
    {
        ReportMeasure.BookingsMade => Made,
        ReportMeasure.BookingsCancelled => Cancelled,
        ReportMeasure.Visits => Visits,
        ReportMeasure.VisitsServed => Served,
        ReportMeasure.OrdersOpened => Opened,
        ReportMeasure.OrdersDone => Done,
        ReportMeasure.Pickups => Pickups,
        ReportMeasure.PickupsPaid => Paid,
        ReportMeasure.DriverJobs => DriverJobs,
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    /// <summary>The narrowing's conditions for a measure's rows (only those that apply to what it counts).</summary>
    public static (string Sql, List<NpgsqlParameter> Parameters) Narrow(ReportMeasure measure, ReportNarrowing narrowing)
    {
        var sql = new List<string>();
        var parameters = new List<NpgsqlParameter>();
        var bookings = measure is ReportMeasure.BookingsMade or ReportMeasure.BookingsCancelled or ReportMeasure.Visits or ReportMeasure.VisitsServed;
        var orders = measure is ReportMeasure.OrdersOpened or ReportMeasure.OrdersDone;
        var pickups = measure is ReportMeasure.Pickups or ReportMeasure.PickupsPaid or ReportMeasure.DriverJobs;
        void Add(string condition, string name, object value)
        {
            sql.Add(condition);
            parameters.Add(new NpgsqlParameter(name, value));
        }

        if (bookings && narrowing.Advisor is { } advisor)
        {
            Add("b.advisor_id = @advisor", "advisor", advisor);
        }

        if (bookings && narrowing.RepairType is { } type)
        {
            Add("b.repair_type_id = @repair_type", "repair_type", type);
        }

        if (orders && narrowing.Mechanic is { } mechanic)
        {
            Add("o.mechanic_id = @mechanic", "mechanic", mechanic);
        }

        if (orders && narrowing.Status is { } status)
        {
            Add("o.status = @status", "status", status.ToString());
        }

        if (pickups && narrowing.Driver is { } driver)
        {
            Add("r.driver_id = @driver", "driver", driver);
        }

        if (pickups && narrowing.District is { } district)
        {
            Add("r.district_id = @district", "district", district);
        }

        return (string.Concat(sql.Select(c => " and " + c)), parameters);
    }

    public static List<NpgsqlParameter> Period(PeriodRange range) =>
    [
        new("start", NpgsqlDbType.TimestampTz) { Value = range.Start.UtcDateTime },
        new("end", NpgsqlDbType.TimestampTz) { Value = range.End.UtcDateTime },
        new("from", NpgsqlDbType.Date) { Value = range.Period.From },
        new("end_day", NpgsqlDbType.Date) { Value = range.Period.End },
        new("now", NpgsqlDbType.TimestampTz) { Value = range.Now.UtcDateTime },
        new("zone", NpgsqlDbType.Text) { Value = range.Zone },
    ];
}

/// <summary>A period with its instants in the workshop's time zone.</summary>
public sealed record PeriodRange(Domain.Reports.ReportPeriod Period, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset Now, string Zone);
