using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Modules.Pickups.Data;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Pickups;

/// <summary>
/// Gives agreed requests to drivers without anyone choosing (seed 003): when a client agrees, the district's waiting
/// requests go, oldest first, to its free drivers (<see cref="Dispatch"/>); when a driver finishes, they take the oldest
/// waiting request of a district they serve. Several instances and requests at once: the database keeps a driver to one
/// active job and a request to one driver. A district is dispatched by one transaction at a time (an advisory lock,
/// taken only when a driver of the district is free), so agreements of one district do not all race for the same pair;
/// a driver serving two districts can still be taken by the other's dispatch, and that save reads again.
/// </summary>
public sealed class PickupDispatcher(ApplicationDbContext db, TimeProvider time, WorkshopClock clock)
{
    /// <summary>How often a dispatch reads again after losing a race before it leaves the rest to the next event.</summary>
    public const int Attempts = 20;

    /// <summary>The first key of the districts' advisory locks (the second is the district's id).</summary>
    private const int DistrictLocks = 74210;

    /// <summary>The client agreed to the proposed time (<see cref="AgreeAsync(PickupRequest, CancellationToken)"/>); null when the client has no such request.</summary>
    public async Task<PickupRequest?> AgreeAsync(int requestId, string clientId, CancellationToken cancellationToken) =>
        await db.PickupRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.ClientId == clientId, cancellationToken) is { } request
            ? await AgreeAsync(request, cancellationToken)
            : null;

    /// <summary>
    /// The client agreed to the proposed time of <paramref name="request"/> (tracked, as read by the caller, who has
    /// checked it is the proposal the client saw): the request joins its district's queue, which is then dispatched. A
    /// proposal replaced since it was read loses on the row's version. Answers the request as the dispatch left it.
    /// </summary>
    public async Task<PickupRequest> AgreeAsync(PickupRequest request, CancellationToken cancellationToken)
    {
        request.Agree(clock.LocalNow, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var assigned = await DispatchAsync(request.DistrictId, cancellationToken);
        return assigned.SingleOrDefault(r => r.Id == request.Id) ?? request;
    }

    /// <summary>
    /// A driver was freed (their job done, or they were made active or given districts): they take the oldest agreed
    /// request of any district they serve (unless a driver idle longer is free there too).
    /// </summary>
    public async Task TakeNextAsync(string driverId, CancellationToken cancellationToken)
    {
        // The driver's districts, the one waiting longest first.
        var districts = await db.Drivers.Where(d => d.UserId == driverId).Select(d => d.DistrictIds).SingleOrDefaultAsync(cancellationToken) ?? [];
        var queues = await db.PickupRequests
            .Where(r => r.Status == PickupStatus.InProgress && r.DriverId == null && districts.Contains(r.DistrictId))
            .GroupBy(r => r.DistrictId).Select(g => new { District = g.Key, Oldest = g.Min(r => r.AnsweredAt) })
            .OrderBy(q => q.Oldest).ThenBy(q => q.District).Select(q => q.District).ToListAsync(cancellationToken);
        foreach (var district in queues)
        {
            await DispatchAsync(district, cancellationToken);
        }
    }

    /// <summary>
    /// Gives the district's waiting requests, oldest first, to its free drivers until either runs out; answers the
    /// requests it gave, as saved.
    /// </summary>
    public async Task<IReadOnlyList<PickupRequest>> DispatchAsync(int districtId, CancellationToken cancellationToken)
    {
        var assigned = new List<PickupRequest>();
        for (var attempt = 0; attempt < Attempts && await FreeDriverAsync(districtId, cancellationToken) is not null;)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({DistrictLocks}, {districtId})", cancellationToken);
            var driver = await FreeDriverAsync(districtId, cancellationToken);
            var request = driver is null ? null : await db.PickupRequests
                .Where(r => r.DistrictId == districtId && r.Status == PickupStatus.InProgress && r.DriverId == null)
                .OrderBy(r => r.AnsweredAt).ThenBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            if (request is null || driver is null)
            {
                return assigned;
            }

            request.AssignTo(driver.DriverId, time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                assigned.Add(request);
            }
            catch (DbUpdateException error) when (error is DbUpdateConcurrencyException
                || UniqueViolation.Constraint(error) == PickupRequestConfiguration.OneActiveJobPerDriver)
            {
                // This driver took a job of another district they serve since they were read (or the request was
                // given away outside a dispatch).
                attempt++;
            }
        }

        return assigned;
    }

    /// <summary>
    /// The district's driver next in line (<see cref="Dispatch.DriverFor"/>), if any is free. Read first without the
    /// district's lock, which is taken only when one is, and again under it. (One query of the district's drivers, each
    /// with whether they are busy: as a correlated lookup per driver it stays on the index of drivers' jobs even when the
    /// statistics are stale, as after a burst of agreements; the same test as a NOT EXISTS join scanned every request in
    /// progress once per driver, bench/RESULTS.md.)
    /// </summary>
    private async Task<DriverCandidate?> FreeDriverAsync(int districtId, CancellationToken cancellationToken) =>
        Dispatch.DriverFor(districtId, await CandidatesAsync(districtId, cancellationToken));

    private async Task<IReadOnlyList<DriverCandidate>> CandidatesAsync(int districtId, CancellationToken cancellationToken) =>
        (await db.Drivers.AsNoTracking()
            .Where(d => d.IsActive && d.DistrictIds.Contains(districtId))
            .Select(d => new
            {
                d.UserId,
                d.IsActive,
                d.DistrictIds,
                Busy = db.PickupRequests.Any(r => r.DriverId == d.UserId && r.Status == PickupStatus.InProgress),
                LastDone = db.PickupRequests.Where(r => r.DriverId == d.UserId && r.CompletedAt != null).Max(r => r.CompletedAt),
                d.CreatedAt,
            })
            .ToListAsync(cancellationToken))
        .Select(d => new DriverCandidate(d.UserId, d.IsActive, d.DistrictIds, d.Busy, d.LastDone ?? d.CreatedAt))
        .ToList();
}
