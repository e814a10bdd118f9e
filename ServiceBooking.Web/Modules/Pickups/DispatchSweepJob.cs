using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Pickups;

/// <summary>
/// Every minute, each district with agreed requests still waiting is dispatched again. Dispatch runs on the events that
/// free a driver or add to a queue; this sweep catches what an event could not finish (a dispatch that lost its races
/// <see cref="PickupDispatcher.Attempts"/> times, an instance stopped between the agreement and the dispatch). Safe on
/// several instances at once: the database gives each request and each driver once.
/// </summary>
public sealed class DispatchSweepJob(ApplicationDbContext db, PickupDispatcher dispatcher) : ScheduledJob(Name)
{
    public const string Name = "pickup-dispatch";

    protected override Task RunAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    /// <summary>Dispatches every district with a waiting request; returns how many requests were given to a driver.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var waiting = db.PickupRequests.Where(r => r.Status == PickupStatus.InProgress && r.DriverId == null);
        var before = await waiting.CountAsync(cancellationToken);
        var districts = await waiting.Select(r => r.DistrictId).Distinct().Order().ToListAsync(cancellationToken);
        foreach (var district in districts)
        {
            await dispatcher.DispatchAsync(district, cancellationToken);
        }

        return before - await waiting.CountAsync(cancellationToken);
    }
}
