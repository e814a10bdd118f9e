using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;

namespace ServiceBooking.Domain.Bookings;

/// <summary>
/// A visit booked in one cell of the grid: a day, a half-hour and a service advisor, for one of the client's cars and
/// a repair type, with the quote stored as it was. Cancelling keeps the row (the cell then shows "cancelled" and can
/// be booked again).
/// </summary>
public sealed class Booking : Entity
{
    public const int MaxReasonLength = 500;

    private Booking()
    {
    }

    public DateOnly Date { get; private set; }

    public TimeOnly Start { get; private set; }

    public int AdvisorId { get; private set; }

    public ServiceAdvisor Advisor { get; private set; } = default!;

    public string ClientId { get; private set; } = string.Empty;

    public int CarId { get; private set; }

    public Car Car { get; private set; } = default!;

    public int RepairTypeId { get; private set; }

    public RepairType RepairType { get; private set; } = default!;

    public BookedQuote Quote { get; private set; } = default!;

    public BookingStatus Status { get; private set; }

    /// <summary>Who made the booking: the client, or a manager for the client.</summary>
    public string BookedById { get; private set; } = string.Empty;

    public DateTimeOffset BookedAt { get; private set; }

    public string? CancelledById { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>True when staff (not the client) cancelled the booking; the client is then told by email.</summary>
    public bool CancelledByStaff { get; private set; }

    public TimeSlot Slot => TimeSlot.Create(Date, Start);

    public bool IsActive => Status == BookingStatus.Active;

    /// <summary>Books the slot; <see cref="BookingRules"/> must have checked it first (the database guards the rest).</summary>
    internal static Booking Create(TimeSlot slot, ServiceAdvisor advisor, Car car, RepairType type, BookedQuote quote, string bookedById, DateTimeOffset now) =>
        new()
        {
            Date = slot.Date,
            Start = slot.Start,
            Advisor = advisor,
            AdvisorId = advisor.Id,
            ClientId = car.OwnerId,
            Car = car,
            CarId = car.Id,
            RepairType = type,
            RepairTypeId = type.Id,
            Quote = quote,
            Status = BookingStatus.Active,
            BookedById = bookedById,
            BookedAt = now,
        };

    /// <summary>
    /// The client cancels their own booking, up to the moment the visit starts (<paramref name="localNow"/> is the service
    /// centre's local time).
    /// </summary>
    public void CancelByClient(string clientId, DateTime localNow, DateTimeOffset now)
    {
        if (ClientId != clientId)
        {
            throw new DomainException("Booking.NotYours");
        }

        if (Slot.HasStartedAt(localNow))
        {
            throw new DomainException("Booking.AlreadyStarted");
        }

        Cancel(clientId, reason: null, now, byStaff: false);
    }

    /// <summary>A manager deletes any booking, with an optional reason for the client.</summary>
    public void CancelByStaff(string staffId, string? reason, DateTimeOffset now) =>
        Cancel(staffId, Text.Optional(reason, MaxReasonLength, "Booking.Reason"), now, byStaff: true);

    private void Cancel(string byId, string? reason, DateTimeOffset now, bool byStaff)
    {
        if (!IsActive)
        {
            throw new DomainException("Booking.AlreadyCancelled");
        }

        Status = BookingStatus.Cancelled;
        CancelledById = byId;
        CancelledAt = now;
        CancellationReason = reason;
        CancelledByStaff = byStaff;
    }
}
