namespace ServiceBooking.Domain.Pickups;

/// <summary>A driver as the dispatcher weighs them: active or not, the districts served, whether busy, idle since when.</summary>
public sealed record DriverCandidate(string DriverId, bool IsActive, IReadOnlyCollection<int> DistrictIds, bool HasActiveJob, DateTimeOffset IdleSince);

/// <summary>
/// Who takes a request (PRODUCT.md section H, seed 003): an active driver serving its district with no active job; among
/// several, the one idle longest (ties by id, so that every instance chooses alike). Nobody: the request waits in its
/// district's queue, and a driver freed takes the oldest waiting request of a district they serve.
/// </summary>
public static class Dispatch
{
    public static DriverCandidate? DriverFor(int districtId, IEnumerable<DriverCandidate> drivers) =>
        drivers.Where(d => d.IsActive && !d.HasActiveJob && d.DistrictIds.Contains(districtId))
            .OrderBy(d => d.IdleSince).ThenBy(d => d.DriverId, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>The request a freed driver takes: the oldest agreed one waiting in a district the driver serves.</summary>
    public static PickupRequest? NextFor(DriverCandidate driver, IEnumerable<PickupRequest> waiting) =>
        !driver.IsActive || driver.HasActiveJob
            ? null
            : waiting.Where(r => r.WaitsForDriver && driver.DistrictIds.Contains(r.DistrictId))
                .OrderBy(r => r.AnsweredAt).ThenBy(r => r.Id)
                .FirstOrDefault();
}
