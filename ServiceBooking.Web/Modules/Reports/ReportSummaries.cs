using Microsoft.Extensions.Options;
using Npgsql;
using ServiceBooking.Domain.Reports;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Platform;
using static ServiceBooking.Web.Modules.Reports.ReportQueries;

namespace ServiceBooking.Web.Modules.Reports;

/// <summary>
/// The summary of a period: every figure in one round trip of aggregate statements over <see cref="ReportSql"/>'s rows,
/// served by indexes on the instants and days they filter by (bookings by visit day, when made and cancelled; orders by
/// when opened and closed; pick-ups by when sent, paid and completed; shifts by check-in).
/// </summary>
public sealed class ReportSummaries(ReportQueries queries, WorkshopClock clock, TimeProvider time, ReportCache cache, IOptions<ReportsOptions> options)
{
    private const string VisitsJoined = "from bookings b left join work_orders o on o.booking_id = b.id where " + ReportSql.VisitsWhere;

    private const string Statements =
        // 0: visits by advisor, by repair type and by day, in one pass
        "select grouping(b.advisor_id), grouping(b.repair_type_id), b.advisor_id, b.repair_type_id, b.date, count(*)::int, count(o.id)::int, " +
        $"sum(b.quote_total) {VisitsJoined} group by grouping sets ((b.advisor_id), (b.repair_type_id), (b.date));" +
        // 1: bookings made, by local day
        $"select (b.booked_at at time zone @zone)::date, count(*)::int {ReportSql.Made} group by 1;" +
        // 2: cancelled
        $"select count(*)::int {ReportSql.Cancelled};" +
        // 3: orders opened, by status
        $"select o.status, count(*)::int {ReportSql.Opened} group by o.status;" +
        // 4: orders done by mechanic and by local day, with their money and billed hours
        "select grouping(o.mechanic_id), o.mechanic_id, (o.closed_at at time zone @zone)::date, count(*)::int, sum(f.total_received), sum(f.net_sum), " +
        $"sum(coalesce(o.shop_sum, 0)), sum(coalesce(b.quote_norm_hours, 0)) {ReportSql.Done} " +
        "group by grouping sets ((o.mechanic_id), ((o.closed_at at time zone @zone)::date));" +
        // 5, 6: hours clocked on orders and on shift
        $"{ReportSql.ClockedSeconds};" +
        $"{ReportSql.ShiftSeconds};" +
        // 7: pick-ups sent, by district; 8: paid, by district
        $"select r.district_id, count(*)::int, count(r.completed_at)::int {ReportSql.Pickups} group by r.district_id;" +
        $"select r.district_id, count(*)::int, sum(r.price) {ReportSql.Paid} group by r.district_id;" +
        // 9: drivers' jobs
        $"select r.driver_id, count(*)::int, avg(extract(epoch from r.completed_at - r.assigned_at))::float8 {ReportSql.DriverJobs} group by r.driver_id;" +
        // 10-12: the names
        "select id, concat_ws(' ', last_name, first_name, patronymic) from service_advisors;" +
        "select id, name from repair_types;" +
        "select id, name from districts;";

    public PeriodRange Range(ReportPeriod period) =>
        new(period, clock.ToInstant(period.From, TimeOnly.MinValue), clock.ToInstant(period.End, TimeOnly.MinValue), time.GetUtcNow(), clock.Zone.Id);

    public Task<ReportSummary> SummaryAsync(ReportPeriod period, CancellationToken cancellationToken) =>
        SummaryAsync(Range(period), cancellationToken);

    /// <summary>
    /// The summary as the reports page shows it: kept by <see cref="ReportCache"/> until the data changes (or for
    /// <see cref="ReportsOptions.SummarySeconds"/> at most), its <see cref="PeriodRange.Now"/> saying as of when.
    /// </summary>
    public Task<ReportSummary> CurrentAsync(ReportPeriod period)
    {
        var range = Range(period);
        // Not cancelled with the request: other requests may be waiting for the same computation.
        return cache.GetAsync(period.From, period.To, System.Globalization.CultureInfo.CurrentCulture.Name, range.Now,
            TimeSpan.FromSeconds(options.Value.SummarySeconds), () => SummaryAsync(range, CancellationToken.None));
    }

    public async Task<ReportSummary> SummaryAsync(PeriodRange range, CancellationToken cancellationToken)
    {
        var raw = await queries.ReadAsync(Statements, ReportSql.Period(range), (reader, token) => ReadAsync(reader, token), cancellationToken);
        var people = await PeopleAsync(raw.PeopleIds, cancellationToken);
        return raw.Build(range, people);
    }

    private async Task<Dictionary<string, string>> PeopleAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await queries.ReadAsync(
            "select id, concat_ws(' ', last_name, first_name, patronymic) from users where id = any(@ids)",
            [new NpgsqlParameter("ids", ids.ToArray())],
            (reader, token) => RowsAsync(reader, r => (Id: r.GetString(0), Name: r.GetString(1)), token),
            cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Name);
    }

    private static async Task<Raw> ReadAsync(NpgsqlDataReader reader, CancellationToken token)
    {
        var visits = await RowsAsync(reader, r => new VisitRow(r.GetInt32(0) == 0, r.GetInt32(1) == 0, r.IsDBNull(2) ? 0 : r.GetInt32(2),
            r.IsDBNull(3) ? 0 : r.GetInt32(3), r.IsDBNull(4) ? null : DateOnly.FromDateTime(r.GetDateTime(4)), r.GetInt32(5), r.GetInt32(6), Decimal(r, 7)), token);
        var made = await RowsAsync(reader, r => (Day: DateOnly.FromDateTime(r.GetDateTime(0)), Count: r.GetInt32(1)), token);
        var cancelled = (await RowsAsync(reader, r => r.GetInt32(0), token)).Single();
        var opened = await RowsAsync(reader, r => new StatusCount(Enum.Parse<WorkOrderStatus>(r.GetString(0)), r.GetInt32(1)), token);
        var done = await RowsAsync(reader, r => new DoneRow(r.GetInt32(0) == 0, Text(r, 1), r.IsDBNull(2) ? null : DateOnly.FromDateTime(r.GetDateTime(2)),
            r.GetInt32(3), Decimal(r, 4), Decimal(r, 5), Decimal(r, 6), Decimal(r, 7)), token);
        var clocked = await RowsAsync(reader, r => (Id: r.GetString(0), Seconds: r.GetDouble(1)), token);
        var shifts = await RowsAsync(reader, r => (Id: r.GetString(0), Seconds: r.GetDouble(1)), token);
        var requests = await RowsAsync(reader, r => (District: r.GetInt32(0), Count: r.GetInt32(1), Completed: r.GetInt32(2)), token);
        var paid = await RowsAsync(reader, r => (District: r.GetInt32(0), Count: r.GetInt32(1), Sum: Decimal(r, 2)), token);
        var jobs = await RowsAsync(reader, r => (Driver: r.GetString(0), Count: r.GetInt32(1), Seconds: r.IsDBNull(2) ? (double?)null : r.GetDouble(2)), token);
        var advisors = (await RowsAsync(reader, r => (r.GetInt32(0), r.GetString(1)), token)).ToDictionary();
        var types = (await RowsAsync(reader, r => (r.GetInt32(0), r.GetString(1)), token)).ToDictionary();
        var districts = (await RowsAsync(reader, r => (r.GetInt32(0), r.GetString(1)), token)).ToDictionary();
        return new Raw(visits, made, cancelled, opened, done, clocked, shifts, requests, paid, jobs, advisors, types, districts);
    }

    private sealed record VisitRow(bool ByAdvisor, bool ByType, int Advisor, int Type, DateOnly? Day, int Count, int Served, decimal Quoted);

    private sealed record DoneRow(bool ByMechanic, string? Mechanic, DateOnly? Day, int Count, decimal Received, decimal Net, decimal Shop, decimal Hours);

    private sealed record Raw(
        List<VisitRow> Visits,
        List<(DateOnly Day, int Count)> Made,
        int Cancelled,
        List<StatusCount> Opened,
        List<DoneRow> Done,
        List<(string Id, double Seconds)> Clocked,
        List<(string Id, double Seconds)> Shifts,
        List<(int District, int Count, int Completed)> Requests,
        List<(int District, int Count, decimal Sum)> Paid,
        List<(string Driver, int Count, double? Seconds)> Jobs,
        Dictionary<int, string> AdvisorNames,
        Dictionary<int, string> TypeNames,
        Dictionary<int, string> DistrictNames)
    {
        public IReadOnlyCollection<string> PeopleIds =>
            Done.Where(d => d.ByMechanic).Select(d => d.Mechanic!).Concat(Clocked.Select(c => c.Id)).Concat(Shifts.Select(s => s.Id))
                .Concat(Jobs.Select(j => j.Driver)).ToHashSet();

        public ReportSummary Build(PeriodRange range, Dictionary<string, string> people)
        {
            var byDay = Visits.Where(v => v.Day is not null).ToList();
            var byMechanic = Done.Where(d => d.ByMechanic).ToList();
            var doneByDay = Done.Where(d => !d.ByMechanic && d.Day is not null).ToDictionary(d => d.Day!.Value);
            var received = byMechanic.Sum(d => d.Received);
            var labour = byMechanic.Sum(d => d.Net);
            var shop = byMechanic.Sum(d => d.Shop);
            var bookings = new BookingFigures(Made.Sum(m => m.Count), Cancelled, byDay.Sum(v => v.Count), byDay.Sum(v => v.Served));
            var money = new MoneyFigures(byDay.Sum(v => v.Quoted), received, byMechanic.Sum(d => d.Count), labour, Math.Max(0m, received - labour - shop), shop,
                Paid.Sum(p => p.Sum), Paid.Sum(p => p.Count));

            var statuses = Enum.GetValues<WorkOrderStatus>()
                .Select(s => new StatusCount(s, Opened.Where(o => o.Status == s).Sum(o => o.Count))).ToList();

            var districts = Requests.Select(r => r.District).Concat(Paid.Select(p => p.District)).Distinct()
                .Select(id =>
                {
                    var sent = Requests.Where(r => r.District == id).ToList();
                    var paid = Paid.Where(p => p.District == id).ToList();
                    return new DistrictFigures(id, DistrictNames.GetValueOrDefault(id, "#" + id), sent.Sum(r => r.Count), sent.Sum(r => r.Completed),
                        paid.Sum(p => p.Count), paid.Sum(p => p.Sum));
                })
                .OrderBy(d => d.Name, StringComparer.CurrentCulture).ToList();

            var clocked = Clocked.ToDictionary(c => c.Id, c => c.Seconds);
            var onShift = Shifts.ToDictionary(s => s.Id, s => s.Seconds);
            var mechanics = byMechanic.Select(d => d.Mechanic!).Concat(clocked.Keys).Concat(onShift.Keys).Distinct()
                .Select(id =>
                {
                    var done = byMechanic.FirstOrDefault(d => d.Mechanic == id);
                    return new MechanicFigures(id, people.GetValueOrDefault(id, id), done?.Count ?? 0, done?.Received ?? 0m, done?.Hours ?? 0m,
                        TimeSpan.FromSeconds(clocked.GetValueOrDefault(id)), TimeSpan.FromSeconds(onShift.GetValueOrDefault(id)));
                })
                .OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList();

            var drivers = Jobs
                .Select(j => new DriverFigures(j.Driver, people.GetValueOrDefault(j.Driver, j.Driver), j.Count, j.Seconds is { } s ? TimeSpan.FromSeconds(Math.Round(s)) : null))
                .OrderBy(d => d.Name, StringComparer.CurrentCulture).ToList();

            var advisors = Visits.Where(v => v.ByAdvisor)
                .Select(v => new GroupFigures(v.Advisor, AdvisorNames.GetValueOrDefault(v.Advisor, "#" + v.Advisor), v.Count, v.Served, v.Quoted))
                .OrderBy(g => g.Name, StringComparer.CurrentCulture).ToList();
            var types = Visits.Where(v => v.ByType)
                .Select(v => new GroupFigures(v.Type, TypeNames.GetValueOrDefault(v.Type, "#" + v.Type), v.Count, v.Served, v.Quoted))
                .OrderByDescending(g => g.Visits).ThenBy(g => g.Name, StringComparer.CurrentCulture).ToList();

            var visitsByDay = byDay.ToDictionary(v => v.Day!.Value);
            var madeByDay = Made.ToDictionary(m => m.Day, m => m.Count);
            var days = new List<DayFigures>();
            for (var day = range.Period.From; day <= range.Period.To; day = day.AddDays(1))
            {
                var done = doneByDay.GetValueOrDefault(day);
                days.Add(new DayFigures(day, madeByDay.GetValueOrDefault(day), visitsByDay.GetValueOrDefault(day)?.Count ?? 0, done?.Count ?? 0, done?.Received ?? 0m));
            }

            return new ReportSummary(range, bookings, money, statuses, districts, mechanics, drivers, advisors, types, days);
        }
    }
}
