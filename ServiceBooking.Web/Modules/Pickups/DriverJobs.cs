using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Modules.Pickups.Data;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Web.Modules.Pickups;

/// <summary>The driver's page: their active job and the last ones they finished.</summary>
public sealed record DriverDesk(bool IsDriver, bool IsActive, PickupRow? Job, IReadOnlyList<PickupRow> Finished);

/// <summary>
/// A driver's own jobs (seed 003): only the driver they were given to sees or finishes them. Marking one done takes the
/// next invoice number, queues the invoice email with its PDF in the same transaction (its key makes it one per job),
/// and then lets the dispatcher give the driver the next waiting request. A second "done" for the same job (two taps,
/// two devices) loses on the row's version and is refused, not billed again.
/// </summary>
public sealed partial class DriverJobs(
    ApplicationDbContext db, PickupRequests requests, PickupDispatcher dispatcher, PickupEmails emails, OutboxWriter outbox, TimeProvider time,
    ILogger<DriverJobs> log)
{
    public const int FinishedShown = 10;

    public async Task<DriverDesk> DeskAsync(string driverId, CancellationToken cancellationToken)
    {
        var driver = await db.Drivers.AsNoTracking().SingleOrDefaultAsync(d => d.UserId == driverId, cancellationToken);
        var job = await db.PickupRequests.AsNoTracking()
            .Where(r => r.DriverId == driverId && r.Status == PickupStatus.InProgress).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        var finished = await db.PickupRequests.AsNoTracking()
            .Where(r => r.DriverId == driverId && r.CompletedAt != null).OrderByDescending(r => r.CompletedAt).Select(r => r.Id)
            .Take(FinishedShown).ToListAsync(cancellationToken);
        var rows = await requests.RowsOfAsync([.. finished, .. job == 0 ? Array.Empty<int>() : [job]], cancellationToken);
        return new DriverDesk(driver is not null, driver?.IsActive == true, rows.SingleOrDefault(r => r.Id == job),
            [.. finished.Select(id => rows.Single(r => r.Id == id))]);
    }

    /// <summary>The driver marks their active job done with a comment: awaiting payment, invoiced once; then the next job.</summary>
    public async Task<PickupChange> CompleteAsync(string driverId, int id, string? comment, CancellationToken cancellationToken)
    {
        var request = await db.PickupRequests.SingleOrDefaultAsync(r => r.Id == id && r.DriverId == driverId, cancellationToken);
        if (request is null)
        {
            return new PickupChange.NotFound();
        }

        if (!request.IsActiveJobOf(driverId))
        {
            // Done already (a second tap after the first committed): no number is taken for it.
            return new PickupChange.Refused(new DomainException("Pickup.NotYourJob"));
        }

        try
        {
            var number = await db.Database
                .SqlQueryRaw<long>($"SELECT nextval('{PickupRequestConfiguration.InvoiceNumbers}') AS \"Value\"").SingleAsync(cancellationToken);
            request.Complete(driverId, comment, checked((int)number), time.GetUtcNow());
            if (await emails.InvoiceAsync(request, cancellationToken) is { } email)
            {
                outbox.Add(email);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException error)
        {
            return new PickupChange.Refused(error);
        }
        catch (DbUpdateException error) when (error is DbUpdateConcurrencyException || UniqueViolation.Constraint(error) is not null)
        {
            // Marked done twice at once: the first stands (and its invoice is the only one).
            return new PickupChange.Refused(new DomainException("Pickup.WrongStatus", string.Empty));
        }

        try
        {
            await dispatcher.TakeNextAsync(driverId, cancellationToken);
        }
        catch (Exception error) when (error is DbException or DbUpdateException or TimeoutException)
        {
            // The job is done and invoiced; the next one is given by the minute's sweep instead.
            LogDispatchFailed(log, driverId, error);
        }

        return new PickupChange.Done(request);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The driver {DriverId} finished a job, but giving them the next one failed; the sweep will.")]
    private static partial void LogDispatchFailed(ILogger logger, string driverId, Exception error);
}
