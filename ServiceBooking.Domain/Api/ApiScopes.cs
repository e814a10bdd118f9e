using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Api;

/// <summary>
/// What an API credential may be used for (PRODUCT.md section K). A scope opens a part of the API; within it the account
/// the credential acts as must still be allowed to do each thing, by the same rules as on the pages.
/// </summary>
public static class ApiScopes
{
    /// <summary>Reading: lists and details of everything the account may see.</summary>
    public const string Read = "read";

    /// <summary>Booking visits: free cells, booking for a client, cancelling.</summary>
    public const string Bookings = "bookings";

    /// <summary>Pick-ups and their dispatch (seeds 000 and 003): districts, drivers, requests, jobs.</summary>
    public const string Dispatch = "dispatch";

    /// <summary>Work orders (seeds 001 and 004): stages, approvals, shifts.</summary>
    public const string Orders = "orders";

    public static IReadOnlyList<string> All { get; } = [Read, Bookings, Dispatch, Orders];

    /// <summary>The scopes named, known ones only, in the order of <see cref="All"/>; at least one.</summary>
    public static IReadOnlyList<string> Parse(IEnumerable<string>? names)
    {
        var given = (names ?? []).Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0).ToHashSet();
        if (given.FirstOrDefault(n => !All.Contains(n)) is { } unknown)
        {
            throw new DomainException("Api.UnknownScope", unknown);
        }

        return given.Count == 0 ? throw new DomainException("Api.NoScope") : [.. All.Where(given.Contains)];
    }
}
