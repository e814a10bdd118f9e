using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Modules.Pickups.Data;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Pickups;

/// <summary>
/// Gives agreed requests to drivers without anyone choosing (seed 003): when a client agrees, the district's waiting
/// requests go, oldest first, to its free drivers (<see cref="Dispatch"/>); when a driver finishes, they take the oldest
/// waiting request of a district they serve. Several instances and requests at once: the database keeps a driver to one
/// active job and a request to one driver; a save that loses either race reads again and tries the next.
/// </summary>
public sealed class PickupDispatcher(ApplicationDbContext db, TimeProvider time, WorkshopClock clock)
{
    /// <summary>How often a dispatch reads again after losing a race before it leaves the rest to the next event.</summary>
    public const int Attempts = 20;

    /// <summary>
    /// The client agreed to the proposed time: the request joins its district's queue, which is then dispatched. With
    /// <paramref name="proposal"/> (an emailed link's), only that proposal is agreed to: one the manager has replaced
    /// since is refused (<c>Pickup.ProposalChanged</c>), and one replaced while this runs loses on the row's version.
    /// </summary>
    public async Task<PickupRequest?> AgreeAsync(int requestId, string clientId, CancellationToken cancellationToken, AnswerTicket? proposal = null)
    {
        var request = await db.PickupRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.ClientId == clientId, cancellationToken);
        if (request is null)
        {
            return null;
        }

        if (proposal is not null && !proposal.Answers(request.ConfirmedAt))
        {
            throw new DomainException("Pickup.ProposalChanged");
        }

        request.Agree(clock.LocalNow, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await DispatchAsync(request.DistrictId, cancellationToken);
        // Read again: the dispatch may have given it to a driver (and let go of the entity it was read as).
        return await db.PickupRequests.AsNoTracking().SingleAsync(r => r.Id == requestId, cancellationToken);
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

    /// <summary>Gives the district's waiting requests, oldest first, to its free drivers until either runs out.</summary>
    public async Task DispatchAsync(int districtId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts;)
        {
            db.ChangeTracker.Clear();
            var request = await db.PickupRequests
                .Where(r => r.DistrictId == districtId && r.Status == PickupStatus.InProgress && r.DriverId == null)
                .OrderBy(r => r.AnsweredAt).ThenBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            var driver = request is null ? null : Dispatch.DriverFor(districtId, await CandidatesAsync(districtId, cancellationToken));
            if (request is null || driver is null)
            {
                return;
            }

            request.AssignTo(driver.DriverId, time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException error) when (error is DbUpdateConcurrencyException
                || UniqueViolation.Constraint(error) == PickupRequestConfiguration.OneActiveJobPerDriver)
            {
                // Another dispatch gave this request away, or this driver a job, since they were read.
                attempt++;
            }
        }
    }

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
