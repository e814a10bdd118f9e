using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Pickups;

namespace ServiceBooking.Web.Modules.Pickups;

/// <summary>What a client typed on the request form, parsed (null where nothing usable was typed).</summary>
public sealed record PickupDraft(int? CarId, string? Address, int? DistrictId, DateOnly? WishedDate, TimeOnly? From, TimeOnly? To, string? Comment);

/// <summary>Something to choose on a form: a car, a district.</summary>
public sealed record PickupOption(int Id, string Name);

/// <summary>The manager's table's filters; <see cref="Page"/> counts from 1.</summary>
public sealed record PickupFilter(PickupStatus? Status, DateOnly? Date, int? DistrictId, int Page);

/// <summary>
/// Why an agreed request has no driver yet: how many active drivers serve its district, how many of them are busy, and
/// its place in the district's queue (1: next).
/// </summary>
public sealed record WaitReason(int ActiveDrivers, int Busy, int Position);

/// <summary>
/// A request as the pages show it; times in the workshop's local time. <see cref="Wait"/> only while it waits for a
/// driver; <see cref="DriverPhone"/> for the client once a driver is on the way.
/// </summary>
public sealed record PickupRow(
    int Id, DateTime RequestedAt, string ClientId, string ClientName, string? ClientPhone, string Car, string Address, string District,
    DateOnly WishedDate, TimeOnly WindowFrom, TimeOnly WindowTo, string? Comment, PickupStatus Status, DateTime? ProposedFor, Money? Price,
    string? DriverName, string? DriverPhone, DateTime? CompletedAt, string? DriverComment, int? InvoiceNumber)
{
    public WaitReason? Wait { get; init; }

    /// <summary>The current proposal's stamp (<see cref="AnswerTokens.Stamp"/>): what an answer on a page answers.</summary>
    public long? Proposal { get; init; }

    public bool WaitsForDriver => Status == PickupStatus.InProgress && DriverName is null;
}

/// <summary>One page of the manager's table; <see cref="MoreThanTotal"/> when there are more than it counted.</summary>
public sealed record PickupTable(IReadOnlyList<PickupRow> Rows, int Total, bool MoreThanTotal, int PageNumber, bool HasNext);

/// <summary>What a change to a request came to.</summary>
public abstract record PickupChange
{
    private PickupChange()
    {
    }

    public sealed record Done(PickupRequest Request) : PickupChange;

    /// <summary>No such request, or not the reader's: a 404.</summary>
    public sealed record NotFound : PickupChange;

    /// <summary>A rule said no; the code says which (<c>Pickup.WrongStatus</c> when someone else moved it first).</summary>
    public sealed record Refused(DomainException Error) : PickupChange;
}
