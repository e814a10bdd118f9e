namespace ServiceBooking.Web.Modules.Reports;

/// <summary>What a figure of the reports counts; the same rows are listed when the figure is followed.</summary>
public enum ReportMeasure
{
    /// <summary>Bookings made in the period (by when they were made).</summary>
    BookingsMade,

    /// <summary>Bookings cancelled in the period (by when they were cancelled).</summary>
    BookingsCancelled,

    /// <summary>Visits booked for a day of the period and not cancelled.</summary>
    Visits,

    /// <summary>Those visits whose car was taken in (a work order was opened from the booking).</summary>
    VisitsServed,

    /// <summary>Work orders opened in the period.</summary>
    OrdersOpened,

    /// <summary>Work orders done in the period (final report approved).</summary>
    OrdersDone,

    /// <summary>Pick-up requests sent in the period.</summary>
    Pickups,

    /// <summary>Pick-up invoices paid in the period.</summary>
    PickupsPaid,

    /// <summary>Pick-up jobs drivers completed in the period.</summary>
    DriverJobs,
}

/// <summary>
/// A figure's rows narrowed further: one advisor, repair type, mechanic, driver, district or order status, as the
/// per-advisor, per-mechanic … tables link to them.
/// </summary>
public sealed record ReportNarrowing(int? Advisor = null, int? RepairType = null, string? Mechanic = null, string? Driver = null, int? District = null,
    Domain.WorkOrders.WorkOrderStatus? Status = null);
