using ServiceBooking.Domain.Pickups;

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
