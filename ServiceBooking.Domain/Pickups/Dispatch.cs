namespace ServiceBooking.Domain.Pickups;

/// <summary>A driver as the dispatcher weighs them: active or not, the districts served, whether busy, idle since when.</summary>
public sealed record DriverCandidate(string DriverId, bool IsActive, IReadOnlyCollection<int> DistrictIds, bool HasActiveJob, DateTimeOffset IdleSince);

/// <summary>
/// Who takes a request (PRODUCT.md section H, seed 003): an active driver serving its district with no active job; among
/// several, the one idle longest (ties by id, so that every instance chooses alike). Nobody: the request waits in its
/// district's queue, oldest agreement first, which the database keeps (the Web's <c>PickupDispatcher</c>).
/// </summary>
public static class Dispatch
{
    public static DriverCandidate? DriverFor(int districtId, IEnumerable<DriverCandidate> drivers) =>
        drivers.Where(d => d.IsActive && !d.HasActiveJob && d.DistrictIds.Contains(districtId))
            .OrderBy(d => d.IdleSince).ThenBy(d => d.DriverId, StringComparer.Ordinal)
            .FirstOrDefault();
}
