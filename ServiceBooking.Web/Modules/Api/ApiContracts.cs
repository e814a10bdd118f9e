using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Modules.Pickups;

namespace ServiceBooking.Web.Modules.Api;

/// <summary>One page of a list: <see cref="HasMore"/> when the next page has something.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, bool HasMore)
{
    public const int DefaultSize = 50;

    public const int MaxSize = 200;

    /// <summary>The page asked for, clamped: from 1, 1 to <see cref="MaxSize"/> items.</summary>
    public static (int Number, int Size) Clamp(int? page, int? size) => (Math.Max(1, page ?? 1), Math.Clamp(size ?? DefaultSize, 1, MaxSize));

    /// <summary>A page of a list already in memory.</summary>
    public static Page<T> Of(IReadOnlyList<T> all, int? page, int? size)
    {
        var (number, count) = Clamp(page, size);
        var skip = (long)(number - 1) * count;
        var items = skip >= all.Count ? [] : all.Skip((int)skip).Take(count).ToList();
        return new Page<T>(items, number, count, skip + count < all.Count);
    }
}

public sealed record DistrictDto(int Id, string Name, bool IsActive);

public sealed record NewDistrict(string? Name);

public sealed record DriverDto(
    string Id, string Nickname, string Name, string? Email, string? Phone, bool IsActive, IReadOnlyList<int> DistrictIds, int? ActiveJobId);

/// <summary>A driver's card (seed 003's "courier details"): the active job, and the figures of the finished ones.</summary>
public sealed record DriverDetailsDto(DriverDto Driver, JobDto? ActiveJob, int CompletedJobs, double? AverageCompletionMinutes, decimal? AverageJobsPerDay);

public sealed record NewDriver(
    string? Nickname, string? Email, string? LastName, string? FirstName, string? Patronymic, string? Phone, IReadOnlyList<int>? DistrictIds, bool? IsActive);

/// <summary>
/// A pick-up job as the dispatch sees it: <c>Assigned</c> (a driver is on it), <c>Queued</c> (waiting in its district
/// for a free driver), or the request's later states (<c>AwaitingPayment</c>, <c>Done</c>).
/// </summary>
public sealed record JobDto(int Id, string State, PickupStatus Status, int DistrictId, string? DriverId, string Address, DateTime? CollectAt,
    DateTimeOffset? AssignedAt, DateTimeOffset? CompletedAt, int? InvoiceNumber)
{
    public static JobDto Of(PickupRequest request) => new(
        request.Id,
        request.Status == PickupStatus.InProgress ? (request.DriverId is null ? "Queued" : "Assigned") : request.Status.ToString(),
        request.Status, request.DistrictId, request.DriverId, request.Address, request.ProposedFor, request.AssignedAt, request.CompletedAt,
        request.InvoiceNumber);
}

/// <summary>
/// A job to publish (seed 003's "publish an order"): a client's car to collect from an address in a district, in a
/// window, at a price the client has agreed to.
/// </summary>
public sealed record NewJob(
    string? ClientId, int? CarId, string? Address, int? DistrictId, DateOnly? Date, TimeOnly? WindowFrom, TimeOnly? WindowTo, string? Comment, decimal? Price);

public sealed record CompleteJob(string? Comment);

/// <summary>A pick-up request as seed 000 lists it: who, what, where, when, its status and, while waiting, why.</summary>
public sealed record RequestDto(
    int Id, PickupStatus Status, string ClientId, string ClientName, string? ClientPhone, string Car, string Address, string District,
    DateOnly WishedDate, TimeOnly WindowFrom, TimeOnly WindowTo, string? Comment, DateTime? ProposedFor, decimal? Price, string? DriverName,
    int? InvoiceNumber, WaitReason? Wait)
{
    public static RequestDto Of(PickupRow r) => new(
        r.Id, r.Status, r.ClientId, r.ClientName, r.ClientPhone, r.Car, r.Address, r.District, r.WishedDate, r.WindowFrom, r.WindowTo, r.Comment,
        r.ProposedFor, r.Price?.Amount, r.DriverName, r.InvoiceNumber, r.Wait);
}

/// <summary>A client's request to have a car collected, made by the desk or a bot for them (seed 000).</summary>
public sealed record NewRequest(string? ClientId, int? CarId, string? Address, int? DistrictId, DateOnly? Date, TimeOnly? WindowFrom, TimeOnly? WindowTo, string? Comment);

/// <summary>The desk's proposal: when the car is collected (the workshop's local time) and the price.</summary>
public sealed record ConfirmRequest(DateTime? ProposedFor, decimal? Price);

/// <summary>
/// A change of status (seed 000's "update the status"): <c>Agreed</c> or <c>Declined</c> for the client who answered by
/// phone (only the proposal as it stands), <c>Paid</c> once the invoice is paid.
/// </summary>
public sealed record RequestStatusChange(string? Status);

/// <summary>A free cell of a day: a half-hour with a service advisor, bookable.</summary>
public sealed record FreeCellDto(TimeOnly Time, int AdvisorId, string Advisor);

/// <summary>A day's free cells; none on a day off or past the booking horizon.</summary>
public sealed record FreeCellsDto(DateOnly Date, bool IsClosedDay, IReadOnlyList<FreeCellDto> Cells);

/// <summary>A visit booked for a client by the desk (or a bot acting as it).</summary>
public sealed record NewBooking(string? ClientId, int? CarId, DateOnly? Date, TimeOnly? Time, int? AdvisorId, int? RepairTypeId);

public sealed record CancelBooking(string? Reason);

/// <summary>A booking as the desk sees it: when, with whom, the client, the car, the work and its price.</summary>
public sealed record BookingDto(int Id, DateOnly Date, TimeOnly Time, string Advisor, string ClientName, string? Phone, string CarModel, string Plate, string Work, decimal Price)
{
    public static BookingDto Of(Bookings.BookingSummary s) => new(s.Id, s.Date, s.Start, s.Advisor, s.ClientName, s.Phone, s.CarModel, s.Plate, s.Work, s.Price.Amount);
}

/// <summary>A work order as a list shows it (seed 001's bots): number, status, client, car, mechanic.</summary>
public sealed record OrderRowDto(int Id, string Number, Domain.WorkOrders.WorkOrderStatus Status, string ClientName, string Phone, string? Car, string? Mechanic, DateTime CreatedAt);

/// <summary>A stage submission: its kind and state, who decided it and the supervisor's comment.</summary>
public sealed record StageDto(Domain.WorkOrders.StageKind Kind, Domain.WorkOrders.SubmissionState State, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, string? Comment);

/// <summary>A work order with its stages: the one waiting for a supervisor, and which the mechanic may submit next.</summary>
public sealed record OrderDto(
    int Id, string Number, Domain.WorkOrders.WorkOrderStatus Status, string ClientName, string Phone, string? Car, string? MechanicId, string? Mechanic,
    StageDto? Pending, IReadOnlyList<Domain.WorkOrders.StageKind> Submittable, IReadOnlyList<StageDto> Stages);

public sealed record PrepaymentBody(decimal? Amount);

public sealed record ReturnBody(string? Comment);

/// <summary>A mechanic's shift (seed 004's mobile app): when it began and, once checked out, ended.</summary>
public sealed record ShiftDto(DateTimeOffset StartedAt, DateTimeOffset? EndedAt);
