using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Modules.WorkOrders;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Web.Modules.Pickups;

/// <summary>
/// The requests to have a car collected, for their client and for the desk: a client asks (their own car, an active
/// district) and answers the manager's proposal; a manager confirms with a time and a price (the client is emailed the
/// answer links) and marks the invoice paid. Agreement hands the request to <see cref="PickupDispatcher"/>. A request
/// another reader moved on meanwhile is refused with <c>Pickup.WrongStatus</c> (its row version), never saved twice.
/// </summary>
public sealed class PickupRequests(
    ApplicationDbContext db, PickupDispatcher dispatcher, PickupEmails emails, OutboxWriter outbox, WorkshopClock clock, TimeProvider time)
{
    public const int PageSize = 25;

    /// <summary>The table counts this far and then says "more than".</summary>
    public const int CountLimit = 1000;

    /// <summary>The client's active cars and the active districts: what the request form offers.</summary>
    public async Task<(IReadOnlyList<PickupOption> Cars, IReadOnlyList<PickupOption> Districts)> OptionsAsync(
        string clientId, CancellationToken cancellationToken)
    {
        var cars = await db.Cars.AsNoTracking().Where(c => c.OwnerId == clientId && c.IsActive)
            .OrderBy(c => c.Model.Name).Select(c => new { c.Id, Model = c.Model.Name, c.Plate }).ToListAsync(cancellationToken);
        return ([.. cars.Select(c => new PickupOption(c.Id, $"{c.Model}, {c.Plate.Display}"))], await DistrictsAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<PickupOption>> DistrictsAsync(CancellationToken cancellationToken) =>
        await db.Districts.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Name)
            .Select(d => new PickupOption(d.Id, d.Name)).ToListAsync(cancellationToken);

    /// <summary>Every district, active first (a driver may keep serving one that clients no longer choose).</summary>
    public async Task<IReadOnlyList<PickupOption>> AllDistrictsAsync(CancellationToken cancellationToken) =>
        await db.Districts.AsNoTracking().OrderByDescending(d => d.IsActive).ThenBy(d => d.Name)
            .Select(d => new PickupOption(d.Id, d.Name)).ToListAsync(cancellationToken);

    /// <summary>A new request, under review. The car must be the client's and active, the district active.</summary>
    public async Task<PickupChange> RequestAsync(string clientId, PickupDraft draft, CancellationToken cancellationToken)
    {
        if (await CarAndDistrictAsync(clientId, draft, cancellationToken) is { } wrong)
        {
            return new PickupChange.Refused(wrong);
        }

        var (carId, districtId) = (draft.CarId!.Value, draft.DistrictId!.Value);

        return await ChangeAsync(() =>
        {
            var request = PickupRequest.Request(clientId, carId, draft.Address, districtId, draft.WishedDate!.Value, draft.From!.Value, draft.To!.Value,
                draft.Comment, clock.Today, time.GetUtcNow());
            db.PickupRequests.Add(request);
            return Task.FromResult(request);
        }, cancellationToken);
    }

    /// <summary>
    /// A job published by the desk for a client who has already agreed (by phone, or through a dispatch service, seed
    /// 003): the request is made, confirmed by <paramref name="managerId"/> at the window's start (or a minute from now,
    /// when that has passed) for <paramref name="price"/>, agreed, and dispatched at once: it answers as the dispatch left
    /// it (with a driver, or waiting in the district's queue). No proposal is emailed: nothing is left to answer.
    /// </summary>
    public async Task<PickupChange> PublishAsync(string managerId, string clientId, PickupDraft draft, decimal price, CancellationToken cancellationToken)
    {
        if (await CarAndDistrictAsync(clientId, draft, cancellationToken) is { } wrong)
        {
            return new PickupChange.Refused(wrong);
        }

        var (carId, districtId) = (draft.CarId!.Value, draft.DistrictId!.Value);

        try
        {
            var localNow = clock.LocalNow;
            var request = PickupRequest.Request(clientId, carId, draft.Address, districtId, draft.WishedDate!.Value, draft.From!.Value, draft.To!.Value,
                draft.Comment, clock.Today, time.GetUtcNow());
            var start = draft.WishedDate.Value.ToDateTime(draft.From.Value);
            var soonest = localNow.AddTicks(-(localNow.Ticks % TimeSpan.TicksPerMinute)).AddMinutes(1);
            request.Confirm(managerId, start > localNow ? start : soonest, Money.FromRoubles(price), localNow, time.GetUtcNow());
            db.PickupRequests.Add(request);
            return new PickupChange.Done(await dispatcher.AgreeAsync(request, cancellationToken));
        }
        catch (DomainException error)
        {
            return new PickupChange.Refused(error);
        }
    }

    /// <summary>The client's requests, newest first.</summary>
    public async Task<IReadOnlyList<PickupRow>> MineAsync(string clientId, CancellationToken cancellationToken) =>
        await RowsAsync(db.PickupRequests.Where(r => r.ClientId == clientId).OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).Take(50),
            cancellationToken);

    /// <summary>One request as its client sees it; null when there is none or it is someone else's.</summary>
    public async Task<PickupRow?> FindMineAsync(string clientId, int id, CancellationToken cancellationToken) =>
        (await RowsAsync(db.PickupRequests.Where(r => r.Id == id && r.ClientId == clientId), cancellationToken)).SingleOrDefault();

    /// <summary>The requests of <paramref name="ids"/> as rows, in no particular order.</summary>
    public Task<IReadOnlyList<PickupRow>> RowsOfAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? Task.FromResult<IReadOnlyList<PickupRow>>([]) : RowsAsync(db.PickupRequests.Where(r => ids.Contains(r.Id)), cancellationToken);

    /// <summary>The desk's table: filtered, newest request first, a page at a time; a waiting request says why it waits.</summary>
    public async Task<PickupTable> TableAsync(PickupFilter filter, CancellationToken cancellationToken)
    {
        var found = db.PickupRequests.AsQueryable();
        if (filter.Status is { } status)
        {
            found = found.Where(r => r.Status == status);
        }

        if (filter.Date is { } date)
        {
            found = found.Where(r => r.WishedDate == date);
        }

        if (filter.DistrictId is { } district)
        {
            found = found.Where(r => r.DistrictId == district);
        }

        // (Past the counted pages there is nothing to show; a huge page number must not overflow the offset.)
        var page = Math.Clamp(filter.Page, 1, (CountLimit / PageSize) + 1);
        var counted = await found.Take(CountLimit + 1).CountAsync(cancellationToken);
        var rows = await RowsAsync(
            found.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).Skip((page - 1) * PageSize).Take(PageSize + 1), cancellationToken);
        return new PickupTable([.. (await WithWaitsAsync(rows.Take(PageSize).ToList(), cancellationToken))], Math.Min(counted, CountLimit),
            counted > CountLimit, page, rows.Count > PageSize);
    }

    /// <summary>One request for the desk, with why it waits; null when there is none.</summary>
    public async Task<PickupRow?> DetailsAsync(int id, CancellationToken cancellationToken) =>
        (await WithWaitsAsync(await RowsAsync(db.PickupRequests.Where(r => r.Id == id), cancellationToken), cancellationToken)).SingleOrDefault();

    /// <summary>The manager proposes a time and a price; the client is emailed the links to agree or decline.</summary>
    public Task<PickupChange> ConfirmAsync(string managerId, int id, DateTime proposedFor, decimal price, CancellationToken cancellationToken) =>
        ChangeAsync(id, async request =>
        {
            request.Confirm(managerId, proposedFor, Money.FromRoubles(price), clock.LocalNow, time.GetUtcNow());
            if (await emails.ProposalAsync(request, cancellationToken) is { } email)
            {
                outbox.Add(email);
            }
        }, cancellationToken);

    /// <summary>
    /// The client answers the proposal on their page: the one the page showed (<paramref name="proposal"/>, its stamp),
    /// so a proposal the manager replaced meanwhile is refused rather than agreed to unseen.
    /// </summary>
    public Task<PickupChange> AnswerMineAsync(string clientId, int id, bool agree, long? proposal, CancellationToken cancellationToken) =>
        AnswerAsync(id, clientId, new AnswerTicket(id, proposal ?? -1), agree, cancellationToken);

    /// <summary>The client answers from the email's link, signed in or not; a link to an earlier proposal is refused.</summary>
    public Task<PickupChange> AnswerAsync(AnswerTicket ticket, bool agree, CancellationToken cancellationToken) =>
        AnswerAsync(ticket.RequestId, null, ticket, agree, cancellationToken);

    /// <summary>The request a link names, if its proposal is still the request's; null otherwise.</summary>
    public async Task<PickupRow?> ProposalAsync(AnswerTicket ticket, CancellationToken cancellationToken) =>
        ticket.ConfirmedAt is { } confirmedAt
            ? (await RowsAsync(db.PickupRequests.Where(r => r.Id == ticket.RequestId && r.ConfirmedAt == confirmedAt), cancellationToken)).SingleOrDefault()
            : null;

    /// <summary>The manager marks the invoice paid: done.</summary>
    public Task<PickupChange> MarkPaidAsync(string managerId, int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, request =>
        {
            request.MarkPaid(managerId, time.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// The answer, checked against the proposal on the row it saves (read once, tracked), so a proposal replaced after
    /// the read loses on the row's version rather than slipping past the check. With <paramref name="clientId"/>, only
    /// that client's request.
    /// </summary>
    private async Task<PickupChange> AnswerAsync(int id, string? clientId, AnswerTicket proposal, bool agree, CancellationToken cancellationToken)
    {
        var request = await db.PickupRequests.SingleOrDefaultAsync(r => r.Id == id && (clientId == null || r.ClientId == clientId), cancellationToken);
        if (request is null)
        {
            return new PickupChange.NotFound();
        }

        if (!proposal.Answers(request.ConfirmedAt))
        {
            return new PickupChange.Refused(new DomainException("Pickup.ProposalChanged"));
        }

        if (!agree)
        {
            return await ChangeAsync(() =>
            {
                request.Decline(time.GetUtcNow());
                return Task.FromResult(request);
            }, cancellationToken);
        }

        try
        {
            return new PickupChange.Done(await dispatcher.AgreeAsync(request, cancellationToken));
        }
        catch (DomainException error)
        {
            return new PickupChange.Refused(error);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Answered twice at once (two taps, two devices): the first answer stands.
            return new PickupChange.Refused(new DomainException("Pickup.WrongStatus", PickupStatus.InProgress));
        }
    }

    private async Task<PickupChange> ChangeAsync(int id, Func<PickupRequest, Task> change, CancellationToken cancellationToken) =>
        await db.PickupRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is { } request
            ? await ChangeAsync(async () =>
            {
                await change(request);
                return request;
            }, cancellationToken)
            : new PickupChange.NotFound();

    private async Task<PickupChange> ChangeAsync(Func<Task<PickupRequest>> change, CancellationToken cancellationToken)
    {
        try
        {
            var request = await change();
            await db.SaveChangesAsync(cancellationToken);
            return new PickupChange.Done(request);
        }
        catch (DomainException error)
        {
            return new PickupChange.Refused(error);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new PickupChange.Refused(new DomainException("Pickup.WrongStatus", string.Empty));
        }
    }

    /// <summary>Why the draft's car or district cannot be used: the car must be the client's and active, the district active.</summary>
    private async Task<DomainException?> CarAndDistrictAsync(string clientId, PickupDraft draft, CancellationToken cancellationToken) =>
        draft.CarId is not { } carId || !await db.Cars.AnyAsync(c => c.Id == carId && c.OwnerId == clientId && c.IsActive, cancellationToken)
            ? new DomainException("Pickup.NoCar")
            : draft.DistrictId is not { } districtId || !await db.Districts.AnyAsync(d => d.Id == districtId && d.IsActive, cancellationToken)
                ? new DomainException("Pickup.NoDistrict")
                : null;

    /// <summary>Adds why each waiting row waits: its district's drivers and its place in the queue.</summary>
    private async Task<IReadOnlyList<PickupRow>> WithWaitsAsync(IReadOnlyList<PickupRow> rows, CancellationToken cancellationToken)
    {
        var waiting = rows.Where(r => r.WaitsForDriver).Select(r => r.Id).ToList();
        if (waiting.Count == 0)
        {
            return rows;
        }

        // Each waiting row's place in its district's queue (on the queue's index), then the districts' drivers once:
        // a page of 25 waiting rows asked the drivers' question 25 times over before (bench/RESULTS.md).
        var places = await db.PickupRequests.AsNoTracking().Where(r => waiting.Contains(r.Id))
            .Select(r => new
            {
                r.Id,
                r.DistrictId,
                Ahead = db.PickupRequests.Count(q => q.DistrictId == r.DistrictId && q.Status == PickupStatus.InProgress && q.DriverId == null
                    && (q.AnsweredAt < r.AnsweredAt || (q.AnsweredAt == r.AnsweredAt && q.Id < r.Id))),
            })
            .ToListAsync(cancellationToken);
        var districts = places.Select(p => p.DistrictId).Distinct().ToList();
        var drivers = await db.Drivers.AsNoTracking().Where(d => d.IsActive && d.DistrictIds.Any(id => districts.Contains(id)))
            .Select(d => new { d.DistrictIds, Busy = db.PickupRequests.Any(j => j.DriverId == d.UserId && j.Status == PickupStatus.InProgress) })
            .ToListAsync(cancellationToken);
        var reasons = places.ToDictionary(p => p.Id, p => new
        {
            Active = drivers.Count(d => d.DistrictIds.Contains(p.DistrictId)),
            Busy = drivers.Count(d => d.Busy && d.DistrictIds.Contains(p.DistrictId)),
            p.Ahead,
        });
        return [.. rows.Select(r => reasons.TryGetValue(r.Id, out var why) ? r with { Wait = new WaitReason(why.Active, why.Busy, why.Ahead + 1) } : r)];
    }

    private async Task<IReadOnlyList<PickupRow>> RowsAsync(IQueryable<PickupRequest> requests, CancellationToken cancellationToken)
    {
        var rows = await (
            from r in requests.AsNoTracking()
            join client in db.Users on r.ClientId equals client.Id
            join car in db.Cars on r.CarId equals car.Id
            join district in db.Districts on r.DistrictId equals district.Id
            join driver in db.Users on r.DriverId equals driver.Id into drivers
            from driver in drivers.DefaultIfEmpty()
            select new
            {
                Request = r,
                Client = new { client.LastName, client.FirstName, client.Patronymic, client.PhoneNumber },
                Model = car.Model.Name,
                car.Plate,
                District = district.Name,
                Driver = driver == null ? null : new { driver.LastName, driver.FirstName, driver.Patronymic, driver.PhoneNumber },
            }).ToListAsync(cancellationToken);
        return [.. rows.Select(x =>
        {
            var r = x.Request;
            return new PickupRow(
                r.Id, Local(r.RequestedAt), r.ClientId, StaffNames.Full(x.Client.LastName, x.Client.FirstName, x.Client.Patronymic), x.Client.PhoneNumber,
                $"{x.Model}, {x.Plate.Display}", r.Address, x.District, r.WishedDate, r.WindowFrom, r.WindowTo, r.Comment, r.Status, r.ProposedFor, r.Price,
                x.Driver is null ? null : StaffNames.Full(x.Driver.LastName, x.Driver.FirstName, x.Driver.Patronymic), x.Driver?.PhoneNumber,
                r.CompletedAt is { } done ? Local(done) : null, r.DriverComment, r.InvoiceNumber)
            {
                Proposal = r.ConfirmedAt is { } confirmed ? AnswerTokens.Stamp(confirmed) : null,
            };
        })];
    }

    private DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, clock.Zone).DateTime;
}
