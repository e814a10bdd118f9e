using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Reports;
using ServiceBooking.Domain.WorkOrders;

namespace ServiceBooking.Web.Modules.Reports;

/// <summary>The figures of a period (PRODUCT.md section I), each counted from the rows of one <see cref="ReportMeasure"/>.</summary>
public sealed record ReportSummary(
    PeriodRange Range,
    BookingFigures Bookings,
    MoneyFigures Money,
    IReadOnlyList<StatusCount> OrdersByStatus,
    IReadOnlyList<DistrictFigures> Districts,
    IReadOnlyList<MechanicFigures> Mechanics,
    IReadOnlyList<DriverFigures> Drivers,
    IReadOnlyList<GroupFigures> Advisors,
    IReadOnlyList<GroupFigures> RepairTypes,
    IReadOnlyList<DayFigures> Days)
{
    public ReportPeriod Period => Range.Period;

    public int OrdersOpened => OrdersByStatus.Sum(s => s.Count);
}

/// <summary>Bookings made and cancelled in the period; visits booked for its days, and those whose car was taken in.</summary>
public sealed record BookingFigures(int Made, int Cancelled, int Visits, int Served);

/// <summary>
/// Money: quoted at booking for the period's visits, received by the final reports of the orders done in it, split into
/// labour (the reports' net sums), parts and the shop's work; and the pick-up invoices paid.
/// </summary>
public sealed record MoneyFigures(decimal Quoted, decimal Received, int OrdersDone, decimal Labour, decimal Parts, decimal Shop, decimal PickupsPaid, int PickupsPaidCount)
{
    public Money? AverageOrder => ShopFigures.AverageOrder(Received, OrdersDone);
}

public sealed record StatusCount(WorkOrderStatus Status, int Count);

/// <summary>A district's pick-up requests sent in the period, how many of them a driver completed, and its invoices paid in it.</summary>
public sealed record DistrictFigures(int Id, string Name, int Requests, int Completed, int PaidCount, decimal Paid);

/// <summary>A mechanic's orders done in the period, the norm-hours billed for them, and the hours clocked and on shift.</summary>
public sealed record MechanicFigures(string Id, string Name, int Done, decimal Received, decimal BilledHours, TimeSpan Clocked, TimeSpan OnShift)
{
    public decimal? Efficiency => ShopFigures.Efficiency(BilledHours, Clocked);

    public decimal? Productivity => ShopFigures.Productivity(Clocked, OnShift);
}

public sealed record DriverFigures(string Id, string Name, int Jobs, TimeSpan? AverageCompletion);

/// <summary>An advisor's or a repair type's visits in the period, how many were taken in, and what they were quoted.</summary>
public sealed record GroupFigures(int Id, string Name, int Visits, int Served, decimal Quoted);

public sealed record DayFigures(DateOnly Day, int Made, int Visits, int Done, decimal Received);
