using Npgsql;
using static ServiceBooking.Web.Modules.Reports.ReportQueries;

namespace ServiceBooking.Web.Modules.Reports;

/// <summary>A booking as the reports list it.</summary>
public sealed record BookingLine(int Id, DateOnly Date, TimeOnly Start, string Advisor, string Client, string RepairType, string Status,
    DateTimeOffset BookedAt, DateTimeOffset? CancelledAt, decimal Quoted, decimal NormHours, int? OrderId, string? OrderNumber);

/// <summary>A work order as the reports list it, with the money of its approved final report when it has one.</summary>
public sealed record OrderLine(int Id, string Number, DateTimeOffset CreatedAt, string Status, string Client, string? Mechanic, DateTimeOffset? ClosedAt,
    decimal? Received, decimal? Net, decimal? Shop);

/// <summary>A pick-up request as the reports list it.</summary>
public sealed record PickupLine(int Id, DateTimeOffset RequestedAt, string District, string Address, string Client, string Status, string? Driver,
    DateTimeOffset? AssignedAt, DateTimeOffset? CompletedAt, decimal? Price, int? Invoice, DateTimeOffset? PaidAt);

/// <summary>One page of a figure's rows: of bookings, orders or pick-ups, as the measure counts.</summary>
public sealed record ReportList(ReportMeasure Measure, int Total, int PageNumber, int PageCount,
    IReadOnlyList<BookingLine> Bookings, IReadOnlyList<OrderLine> Orders, IReadOnlyList<PickupLine> Pickups);

/// <summary>
/// The rows behind the figures: a page of them for the lists the figures link to (<see cref="ListAsync"/>), and all of a
/// period's for the workbook's sheets, read as they are written (<see cref="Bookings"/>, …: the writer is synchronous,
/// and each sheet's rows are read only while that sheet is written), so a long period is never held in memory whole.
/// </summary>
public sealed class ReportRows(ReportQueries queries)
{
    public const int PageSize = 50;

    private const string BookingSelect =
        "select b.id, b.date, b.start_time, concat_ws(' ', a.last_name, a.first_name, a.patronymic), concat_ws(' ', u.last_name, u.first_name, u.patronymic), " +
        "b.quote_repair_type_name, b.status, b.booked_at, b.cancelled_at, b.quote_total, b.quote_norm_hours, " +
        "(select o.id from work_orders o where o.booking_id = b.id), (select o.number from work_orders o where o.booking_id = b.id) ";

    private const string BookingJoins = " join service_advisors a on a.id = b.advisor_id join users u on u.id = b.client_id";

    private const string OrderSelect =
        "select o.id, o.number, o.created_at, o.status, o.client_name, (select concat_ws(' ', m.last_name, m.first_name, m.patronymic) from users m where m.id = o.mechanic_id), " +
        "o.closed_at, fr.total_received, fr.net_sum, o.shop_sum ";

    private const string FinalReport = " left join lateral (select s.total_received, s.net_sum from stage_submissions s where s.work_order_id = o.id " +
        "and s.kind = 'FinalReport' and s.state = 'Approved' order by s.id desc limit 1) fr on true";

    private const string PickupSelect =
        "select r.id, r.requested_at, d.name, r.address, concat_ws(' ', u.last_name, u.first_name, u.patronymic), r.status, " +
        "(select concat_ws(' ', v.last_name, v.first_name, v.patronymic) from users v where v.id = r.driver_id), r.assigned_at, r.completed_at, r.price, r.invoice_number, r.paid_at ";

    private const string PickupJoins = " join districts d on d.id = r.district_id join users u on u.id = r.client_id";

    public async Task<ReportList> ListAsync(ReportMeasure measure, ReportNarrowing narrowing, PeriodRange range, int pageNumber, CancellationToken cancellationToken)
    {
        var (narrow, parameters) = ReportSql.Narrow(measure, narrowing);
        var rows = ReportSql.Rows(measure) + narrow;
        var all = ReportSql.Period(range).Concat(parameters).ToList();
        var total = await queries.ReadAsync("select count(*)::int " + rows, all, async (reader, token) =>
        {
            await reader.ReadAsync(token);
            return reader.GetInt32(0);
        }, cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(pageNumber, 1, pageCount);
        var paging = $" limit {PageSize} offset {(page - 1) * PageSize}";
        all = ReportSql.Period(range).Concat(ReportSql.Narrow(measure, narrowing).Parameters).ToList();
        var kind = KindOf(measure);
        var sql = kind switch
        {
            Kind.Bookings => BookingSelect + Joined(rows, "b", BookingJoins) + " order by b.date, b.start_time, b.id" + paging,
            Kind.Orders => OrderSelect + Joined(rows, "o", FinalReport) + " order by o.created_at, o.id" + paging,
            _ => PickupSelect + Joined(rows, "r", PickupJoins) + " order by r.requested_at, r.id" + paging,
        };
        return await queries.ReadAsync(sql, all, async (reader, token) => kind switch
        {
            Kind.Bookings => new ReportList(measure, total, page, pageCount, await RowsAsync(reader, Booking, token), [], []),
            Kind.Orders => new ReportList(measure, total, page, pageCount, [], await RowsAsync(reader, Order, token), []),
            _ => new ReportList(measure, total, page, pageCount, [], [], await RowsAsync(reader, Pickup, token)),
        }, cancellationToken);
    }

    /// <summary>Every booking for a day of the period, cancelled ones too, in the order of the day.</summary>
    public IEnumerable<BookingLine> Bookings(PeriodRange range) =>
        queries.Stream(BookingSelect + "from bookings b" + BookingJoins + " where b.date >= @from and b.date < @end_day order by b.date, b.start_time, b.id",
            ReportSql.Period(range), Booking);

    /// <summary>Every order opened or closed in the period.</summary>
    public IEnumerable<OrderLine> Orders(PeriodRange range) =>
        queries.Stream(OrderSelect + "from work_orders o" + FinalReport +
            " where (o.created_at >= @start and o.created_at < @end) or (o.closed_at >= @start and o.closed_at < @end) order by o.created_at, o.id",
            ReportSql.Period(range), Order);

    /// <summary>Every pick-up request sent, completed or paid in the period.</summary>
    public IEnumerable<PickupLine> Pickups(PeriodRange range) =>
        queries.Stream(PickupSelect + "from pickup_requests r" + PickupJoins +
            " where (r.requested_at >= @start and r.requested_at < @end) or (r.completed_at >= @start and r.completed_at < @end) " +
            "or (r.paid_at >= @start and r.paid_at < @end) order by r.requested_at, r.id",
            ReportSql.Period(range), Pickup);

    /// <summary>The orders done in the period (the money received), as the figures count them.</summary>
    public IEnumerable<OrderLine> OrdersDone(PeriodRange range) =>
        queries.Stream(OrderSelect + Joined(ReportSql.Done, "o", FinalReport) + " order by o.closed_at, o.id", ReportSql.Period(range), Order);

    /// <summary>The pick-up invoices paid in the period, as the figures count them.</summary>
    public IEnumerable<PickupLine> PickupsPaid(PeriodRange range) =>
        queries.Stream(PickupSelect + Joined(ReportSql.Paid, "r", PickupJoins) + " order by r.paid_at, r.id", ReportSql.Period(range), Pickup);

    private enum Kind
    {
        Bookings,
        Orders,
        Pickups,
    }

    private static Kind KindOf(ReportMeasure measure) => measure switch
    {
        ReportMeasure.BookingsMade or ReportMeasure.BookingsCancelled or ReportMeasure.Visits or ReportMeasure.VisitsServed => Kind.Bookings,
        ReportMeasure.OrdersOpened or ReportMeasure.OrdersDone => Kind.Orders,
        _ => Kind.Pickups,
    };

    /// <summary>
    /// A measure's rows (<c>from bookings b … where …</c>) with the list's joins put in after the first table, so the
    /// rows listed are exactly the rows counted (the joins only add columns: each matches one row).
    /// </summary>
    private static string Joined(string rows, string alias, string joins)
    {
        var head = $"from {TableOf(alias)} {alias}";
        return string.Concat(head, joins, rows.AsSpan(head.Length));
    }

    private static string TableOf(string alias) => alias switch
    {
        "b" => "bookings",
        "o" => "work_orders",
        _ => "pickup_requests",
    };

    private static DateTimeOffset? At(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);

    private static decimal? Sum(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDecimal(i);

    private static BookingLine Booking(NpgsqlDataReader r) => new(
        r.GetInt32(0), r.GetFieldValue<DateOnly>(1), r.GetFieldValue<TimeOnly>(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
        r.GetFieldValue<DateTimeOffset>(7), At(r, 8), r.GetDecimal(9), r.GetDecimal(10), r.IsDBNull(11) ? null : r.GetInt32(11), Text(r, 12));

    private static OrderLine Order(NpgsqlDataReader r) => new(
        r.GetInt32(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetString(3), r.GetString(4), Text(r, 5), At(r, 6), Sum(r, 7), Sum(r, 8), Sum(r, 9));

    private static PickupLine Pickup(NpgsqlDataReader r) => new(
        r.GetInt32(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), Text(r, 6), At(r, 7), At(r, 8),
        Sum(r, 9), r.IsDBNull(10) ? null : r.GetInt32(10), At(r, 11));
}
