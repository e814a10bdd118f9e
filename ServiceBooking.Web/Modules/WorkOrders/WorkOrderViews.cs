using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.WorkOrders;

namespace ServiceBooking.Web.Modules.WorkOrders;

/// <summary>An order as typed on the creation form: the phone as typed, the car and mileage optional.</summary>
public sealed record OrderDraft(string? ClientName, string? Phone, string? Address, string? Comment, int? CarId, int? Mileage, int? BookingId);

/// <summary>
/// What the list's filters ask for; <see cref="Page"/> from 1. <see cref="ResultsOnly"/>: only the orders and the pager
/// are shown (htmx replaces them when a filter changes), so the filter's mechanics and the shift card are not read.
/// </summary>
public sealed record OrderFilter(WorkOrderStatus? Status, string? MechanicId, DateOnly? Date, int Page = 1)
{
    public bool ResultsOnly { get; init; }
}

/// <summary>One line of the orders list, in the workshop's local time.</summary>
public sealed record OrderRow(int Id, OrderNumber Number, WorkOrderStatus Status, string ClientName, string Phone, string? Car, string? Mechanic, DateTime CreatedAt);

/// <summary>
/// A page of the list, with the mechanics the filter offers (none for a mechanic, who sees only their own) and, for a
/// mechanic, when their shift began (null: off shift), in the workshop's local time. The list counts only so far past
/// the page (<see cref="WorkOrderService.CountAhead"/>): with <see cref="MoreThanTotal"/> there are more orders than
/// <see cref="Total"/>, and at least <see cref="PageCount"/> pages.
/// </summary>
public sealed record OrderPage(
    IReadOnlyList<OrderRow> Rows, int Total, int PageNumber, int PageCount, IReadOnlyList<StaffMember> Mechanics, DateTime? OnShiftSince)
{
    public bool MoreThanTotal { get; init; }
}

/// <summary>A car on the creation form or the order page: "Kia Rio (IV), А123ВС77".</summary>
public sealed record CarChoice(int Id, string Model, string Plate, int Mileage);

/// <summary>
/// What the creation form shows beside what was typed: the booking it comes from (with the client's car), the cars of
/// the account the phone belongs to, and the blacklist's warning for the phone.
/// </summary>
public sealed record Intake(IntakeBooking? Booking, IReadOnlyList<CarChoice> Cars, string? KnownClient, BlacklistRow? Warning);

/// <summary>The booking an order is opened from, as the form shows it and fills itself in.</summary>
public sealed record IntakeBooking(int Id, DateOnly Date, TimeOnly Start, string ClientName, string? Phone, CarChoice Car, string Work);

/// <summary>
/// Everything the order page shows: the order, names for its people's ids, its history, whom it may be given to, whether
/// the reader keeps the blacklist (a supervisor may list the order's client from here), and who reads (which forms
/// and photos they are shown).
/// </summary>
public sealed record OrderDetails(
    WorkOrder Order, CarChoice? Car, string? Mechanic, string CreatedBy, IntakeBooking? Booking, IReadOnlyList<OrderHistoryEvent> History,
    BlacklistRow? Blacklisted, IReadOnlyList<StaffMember> Mechanics, bool MayAssign, bool MayBlacklist, IReadOnlyDictionary<string, string> Names,
    WorkshopActor Reader)
{
    /// <summary>The order's mechanic reads: the stage forms are theirs.</summary>
    public bool ReaderIsMechanic => Reader.IsMechanic && Order.MechanicId == Reader.Id;

    /// <summary>Photos are for the order's staff: supervisors, its mechanic and its shop mechanic (see <see cref="OrderStages.PhotoPathAsync"/>).</summary>
    public bool ReaderSeesPhotos => Reader.Supervises || ReaderIsMechanic || (Reader.IsShopMechanic && Order.ShopMechanicId == Reader.Id);

    /// <summary>The supervisor decides the stage that waits.</summary>
    public bool ReaderDecides => Reader.Supervises && Order.Pending is not null;

    public string NameOf(string? id) => id is null ? "—" : Names.GetValueOrDefault(id, id);
}

/// <summary>What opening an order came to.</summary>
public abstract record OrderOpened
{
    private OrderOpened()
    {
    }

    public sealed record Opened(WorkOrder Order) : OrderOpened;

    /// <summary>The booking is unknown or no longer active, or the car is not the client's: a 404 for the page.</summary>
    public sealed record NotFound : OrderOpened;

    /// <summary>The booking already has its order (the car arrived once).</summary>
    public sealed record AlreadyOpened(int OrderId, OrderNumber Number) : OrderOpened;

    /// <summary>A field the Domain refused; the code says which.</summary>
    public sealed record Refused(DomainException Error) : OrderOpened;
}

/// <summary>What assigning came to; <see cref="Refused"/> carries the rule (off shift, busy, taken a moment ago).</summary>
public abstract record OrderAssigned
{
    private OrderAssigned()
    {
    }

    public sealed record Done(WorkOrder Order, string Mechanic) : OrderAssigned;

    public sealed record NotFound : OrderAssigned;

    public sealed record Refused(DomainException Error) : OrderAssigned;
}
