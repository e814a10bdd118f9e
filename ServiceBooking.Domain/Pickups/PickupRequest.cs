using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Pickups;

/// <summary>
/// A client's request to have a car collected (seeds 000 and 003): the car, the address and district, the wished day and
/// time window. The manager proposes a time; the client agrees or declines; on agreement the request is in progress and
/// waits, in its district's queue (oldest agreement first), until a driver of that district is free; the driver marks it
/// done with a comment, the invoice goes out and the manager marks it paid. The database keeps a driver to one active
/// job and a request to one driver.
/// </summary>
public sealed class PickupRequest : Entity
{
    public const int MaxAddressLength = 300;
    public const int MaxCommentLength = 1000;

    /// <summary>How far ahead a client may ask.</summary>
    public const int MaxDaysAhead = 60;

    private PickupRequest()
    {
    }

    public string ClientId { get; private set; } = string.Empty;

    public int CarId { get; private set; }

    public string Address { get; private set; } = string.Empty;

    public int DistrictId { get; private set; }

    public DateOnly WishedDate { get; private set; }

    public TimeOnly WindowFrom { get; private set; }

    public TimeOnly WindowTo { get; private set; }

    public string? Comment { get; private set; }

    public PickupStatus Status { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The time the manager proposed for the collection (the workshop's local time).</summary>
    public DateTime? ProposedFor { get; private set; }

    /// <summary>What the collection costs, as the manager proposed it with the time; the client agrees to both, and the invoice bills it.</summary>
    public Money? Price { get; private set; }

    public string? ConfirmedById { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>When the client agreed or declined; the district's queue goes by it.</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }

    public string? DriverId { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? DriverComment { get; private set; }

    /// <summary>The invoice's number, given once, when the driver marks the job done (the database's sequence; unique).</summary>
    public int? InvoiceNumber { get; private set; }

    public string? PaidById { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>In progress with no driver yet: in the district's queue.</summary>
    public bool WaitsForDriver => Status == PickupStatus.InProgress && DriverId is null;

    /// <summary>The driver's active job: in progress with this driver.</summary>
    public bool IsActiveJobOf(string driverId) => Status == PickupStatus.InProgress && DriverId == driverId;

    public bool IsClosed => Status is PickupStatus.Done or PickupStatus.Declined;

    /// <summary>A new request; <paramref name="today"/> is the workshop's date (no day in the past, none too far ahead).</summary>
    public static PickupRequest Request(
        string clientId, int carId, string? address, int districtId, DateOnly wishedDate, TimeOnly windowFrom, TimeOnly windowTo,
        string? comment, DateOnly today, DateTimeOffset now)
    {
        if (wishedDate < today)
        {
            throw new DomainException("Pickup.DateInPast");
        }

        if (wishedDate > today.AddDays(MaxDaysAhead))
        {
            throw new DomainException("Pickup.DateTooFar", MaxDaysAhead);
        }

        if (windowTo <= windowFrom)
        {
            throw new DomainException("Pickup.WindowEmpty");
        }

        return new PickupRequest
        {
            ClientId = clientId,
            CarId = carId,
            Address = Text.Required(address, MaxAddressLength, "Pickup.Address"),
            DistrictId = districtId,
            WishedDate = wishedDate,
            WindowFrom = windowFrom,
            WindowTo = windowTo,
            Comment = Text.Optional(comment, MaxCommentLength, "Pickup.Comment"),
            Status = PickupStatus.UnderReview,
            RequestedAt = now,
        };
    }

    /// <summary>
    /// The manager proposes a time (local) and the price; the client is asked. Again while the client has not answered:
    /// a new time or price.
    /// </summary>
    public void Confirm(string managerId, DateTime proposedFor, Money price, DateTime localNow, DateTimeOffset now)
    {
        Require(PickupStatus.UnderReview, PickupStatus.AwaitingClient);
        if (proposedFor <= localNow)
        {
            throw new DomainException("Pickup.ProposedInPast");
        }

        (ProposedFor, Price, ConfirmedById, ConfirmedAt, Status) = (proposedFor, price, managerId, now, PickupStatus.AwaitingClient);
    }

    /// <summary>
    /// The client agrees to the proposed time (<paramref name="localNow"/>: the workshop's, before it): the request joins
    /// its district's queue. A proposal whose time has passed cannot be agreed to (<c>Pickup.ProposalExpired</c>).
    /// </summary>
    public void Agree(DateTime localNow, DateTimeOffset now)
    {
        Require(PickupStatus.AwaitingClient);
        if (ProposedFor <= localNow)
        {
            throw new DomainException("Pickup.ProposalExpired");
        }

        (AnsweredAt, Status) = (now, PickupStatus.InProgress);
    }

    public void Decline(DateTimeOffset now)
    {
        Require(PickupStatus.AwaitingClient);
        (AnsweredAt, Status) = (now, PickupStatus.Declined);
    }

    /// <summary>Given to a free driver of its district (the dispatcher chose; the database refuses a second active job).</summary>
    public void AssignTo(string driverId, DateTimeOffset now)
    {
        if (!WaitsForDriver)
        {
            throw new DomainException("Pickup.NotWaiting");
        }

        (DriverId, AssignedAt) = (driverId, now);
    }

    /// <summary>The driver collected the car: awaiting payment, billed under <paramref name="invoiceNumber"/> (the invoice goes out).</summary>
    public void Complete(string driverId, string? comment, int invoiceNumber, DateTimeOffset now)
    {
        if (!IsActiveJobOf(driverId))
        {
            throw new DomainException("Pickup.NotYourJob");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(invoiceNumber);
        (DriverComment, InvoiceNumber, CompletedAt, Status) =
            (Text.Optional(comment, MaxCommentLength, "Pickup.DriverComment"), invoiceNumber, now, PickupStatus.AwaitingPayment);
    }

    public void MarkPaid(string managerId, DateTimeOffset now)
    {
        Require(PickupStatus.AwaitingPayment);
        (PaidById, PaidAt, Status) = (managerId, now, PickupStatus.Done);
    }

    private void Require(params PickupStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainException("Pickup.WrongStatus", Status);
        }
    }
}
