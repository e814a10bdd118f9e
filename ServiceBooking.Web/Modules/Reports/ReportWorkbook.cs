using System.Globalization;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Reports;

/// <summary>
/// A period's report as an XLSX workbook (MiniExcel): the summary's figures, then the bookings of its days, the work
/// orders opened or closed in it, the pick-ups sent, completed or paid in it, and the money received, one line per final
/// report and paid invoice. Sums and counts are number cells and instants are date cells (in the workshop's time), so
/// the sheets can be added up and filtered as they are. Headers are in the culture asked for.
/// </summary>
public sealed class ReportWorkbook(ReportSummaries summaries, ReportRows rows, WorkshopClock clock, IStringLocalizer<SharedResource> text)
{
    public async Task<byte[]> BuildAsync(PeriodRange range, CultureInfo culture, CancellationToken cancellationToken)
    {
        var summary = await summaries.SummaryAsync(range, cancellationToken);
        using var scope = new CultureScope(culture);
        var sheets = new Dictionary<string, object>
        {
            [text["Reports.Sheet.Summary"]] = Summary(summary),
            [text["Reports.Sheet.Bookings"]] = rows.Bookings(range).Select(Booking),
            [text["Reports.Sheet.Orders"]] = rows.Orders(range).Select(Order),
            [text["Reports.Sheet.Pickups"]] = rows.Pickups(range).Select(Pickup),
            [text["Reports.Sheet.Money"]] = Money(range),
        };
        using var stream = new MemoryStream();
        // The writer reads each sheet's rows as it writes them (synchronously): off the request's thread.
        await Task.Run(() => stream.SaveAs(sheets), cancellationToken);
        return stream.ToArray();
    }

    private IEnumerable<IDictionary<string, object?>> Summary(ReportSummary s)
    {
        var figure = text["Reports.Column.Figure"].Value;
        var value = text["Reports.Column.Value"].Value;
        IDictionary<string, object?> Row(string key, object? number) => new Dictionary<string, object?> { [figure] = text[key].Value, [value] = number };
        yield return new Dictionary<string, object?> { [figure] = text["Reports.Column.From"].Value, [value] = s.Period.From.ToDateTime(TimeOnly.MinValue) };
        yield return new Dictionary<string, object?> { [figure] = text["Reports.Column.To"].Value, [value] = s.Period.To.ToDateTime(TimeOnly.MinValue) };
        yield return Row("Reports.Figure.BookingsMade", s.Bookings.Made);
        yield return Row("Reports.Figure.BookingsCancelled", s.Bookings.Cancelled);
        yield return Row("Reports.Figure.Visits", s.Bookings.Visits);
        yield return Row("Reports.Figure.VisitsServed", s.Bookings.Served);
        yield return Row("Reports.Figure.Quoted", s.Money.Quoted);
        yield return Row("Reports.Figure.Received", s.Money.Received);
        yield return Row("Reports.Figure.OrdersDone", s.Money.OrdersDone);
        yield return Row("Reports.Figure.AverageOrder", s.Money.AverageOrder?.Amount);
        yield return Row("Reports.Figure.Labour", s.Money.Labour);
        yield return Row("Reports.Figure.Parts", s.Money.Parts);
        yield return Row("Reports.Figure.Shop", s.Money.Shop);
        yield return Row("Reports.Figure.PickupsPaid", s.Money.PickupsPaid);
        yield return Row("Reports.Figure.OrdersOpened", s.OrdersOpened);
        foreach (var status in s.OrdersByStatus)
        {
            yield return new Dictionary<string, object?> { [figure] = text[$"WorkOrders.Status.{status.Status}"].Value, [value] = status.Count };
        }
    }

    private IDictionary<string, object?> Booking(BookingLine b) => new Dictionary<string, object?>
    {
        [text["Reports.Column.Booking"]] = b.Id,
        [text["Reports.Column.Visit"]] = b.Date.ToDateTime(b.Start),
        [text["Reports.Column.Advisor"]] = b.Advisor,
        [text["Reports.Column.Client"]] = b.Client,
        [text["Reports.Column.RepairType"]] = b.RepairType,
        [text["Reports.Column.Status"]] = text[$"Reports.BookingStatus.{b.Status}"].Value,
        [text["Reports.Column.BookedAt"]] = Local(b.BookedAt),
        [text["Reports.Column.CancelledAt"]] = Local(b.CancelledAt),
        [text["Reports.Column.Quoted"]] = b.Quoted,
        [text["Reports.Column.NormHours"]] = b.NormHours,
        [text["Reports.Column.Order"]] = b.OrderNumber,
    };

    private IDictionary<string, object?> Order(OrderLine o) => new Dictionary<string, object?>
    {
        [text["Reports.Column.Order"]] = o.Number,
        [text["Reports.Column.OpenedAt"]] = Local(o.CreatedAt),
        [text["Reports.Column.Status"]] = text[$"WorkOrders.Status.{o.Status}"].Value,
        [text["Reports.Column.Client"]] = o.Client,
        [text["Reports.Column.Mechanic"]] = o.Mechanic,
        [text["Reports.Column.ClosedAt"]] = Local(o.ClosedAt),
        [text["Reports.Column.Received"]] = o.Received,
        [text["Reports.Column.Labour"]] = o.Net,
        [text["Reports.Column.Shop"]] = o.Shop,
    };

    private IDictionary<string, object?> Pickup(PickupLine p) => new Dictionary<string, object?>
    {
        [text["Reports.Column.Request"]] = p.Id,
        [text["Reports.Column.RequestedAt"]] = Local(p.RequestedAt),
        [text["Reports.Column.District"]] = p.District,
        [text["Reports.Column.Address"]] = p.Address,
        [text["Reports.Column.Client"]] = p.Client,
        [text["Reports.Column.Status"]] = text[$"Pickup.Status.{p.Status}"].Value,
        [text["Reports.Column.Driver"]] = p.Driver,
        [text["Reports.Column.AssignedAt"]] = Local(p.AssignedAt),
        [text["Reports.Column.CompletedAt"]] = Local(p.CompletedAt),
        [text["Reports.Column.Price"]] = p.Price,
        [text["Reports.Column.Invoice"]] = p.Invoice,
        [text["Reports.Column.PaidAt"]] = Local(p.PaidAt),
    };

    /// <summary>The money received: the final reports of the orders done, then the pick-up invoices paid.</summary>
    private IEnumerable<IDictionary<string, object?>> Money(PeriodRange range)
    {
        var at = text["Reports.Column.ReceivedAt"].Value;
        var kind = text["Reports.Column.Kind"].Value;
        var reference = text["Reports.Column.Reference"].Value;
        var client = text["Reports.Column.Client"].Value;
        var sum = text["Reports.Column.Sum"].Value;
        foreach (var order in rows.OrdersDone(range))
        {
            yield return new Dictionary<string, object?>
            {
                [at] = Local(order.ClosedAt), [kind] = text["Reports.Money.FinalReport"].Value, [reference] = order.Number, [client] = order.Client,
                [sum] = order.Received ?? 0m,
            };
        }

        foreach (var pickup in rows.PickupsPaid(range))
        {
            yield return new Dictionary<string, object?>
            {
                [at] = Local(pickup.PaidAt), [kind] = text["Reports.Money.Invoice"].Value, [reference] = pickup.Invoice?.ToString("D6", CultureInfo.InvariantCulture),
                [client] = pickup.Client, [sum] = pickup.Price ?? 0m,
            };
        }
    }

    private DateTime? Local(DateTimeOffset? instant) => instant is { } at ? clock.Local(at) : null;
}
