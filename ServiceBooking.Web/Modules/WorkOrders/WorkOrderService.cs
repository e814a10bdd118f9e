using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Modules.WorkOrders.Data;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Notifications;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.WorkOrders;

/// <summary>
/// Work orders (PRODUCT.md section G): the one place pages (and later the API and the bots) open, list, show and assign
/// orders. It loads what the Domain's <see cref="WorkOrder"/> needs, lets it decide, and saves; the rules that must hold
/// under concurrency are the database's too (one active order per mechanic, one order per booking, the numbers).
/// Stage submissions and decisions (part 2) come here as further methods of the same shape.
/// </summary>
public sealed class WorkOrderService(
    ApplicationDbContext db, TimeProvider time, WorkshopClock clock, StaffDirectory staff, Shifts shifts, Blacklist blacklist, OrderHistory history,
    OrderEmails emails, OutboxWriter outbox)
{
    public const int PageSize = 25;

    /// <summary>How many orders the list counts past the start of its page (it says "more than" beyond).</summary>
    public const int CountAhead = 500;

    /// <summary>
    /// What the creation form shows: the booking it is opened from (null <paramref name="bookingId"/>: a call or a
    /// walk-in), the cars of the account the phone belongs to, the blacklist's warning. Null when the booking is unknown
    /// or no longer active.
    /// </summary>
    public async Task<Intake?> IntakeAsync(int? bookingId, string? phone, CancellationToken cancellationToken)
    {
        var e164 = Phones.TryNormalise(phone);
        if (bookingId is { } id)
        {
            var booking = await BookingAsync(id, activeOnly: true, cancellationToken);
            return booking is null
                ? null
                : new Intake(booking.View, [booking.View.Car], booking.View.ClientName,
                    await blacklist.WarningForClientAsync(booking.ClientId, e164 ?? booking.View.Phone, cancellationToken));
        }

        var (client, cars) = await ClientOfPhoneAsync(e164, cancellationToken);
        return new Intake(null, cars, client, await blacklist.WarningForAsync(e164, cancellationToken));
    }

    /// <summary>
    /// Opens an order with the next number of the year. From a booking, the client and the car are the booking's; for a
    /// call or a walk-in the car (optional) is one of the cars of the account with that phone, and links the order to that
    /// account. A mileage read at arrival is recorded on the car, in the same transaction.
    /// </summary>
    public async Task<OrderOpened> OpenAsync(OrderDraft draft, string createdById, CancellationToken cancellationToken)
    {
        try
        {
            var phone = Phones.Normalise(draft.Phone);
            string? clientId = null;
            int? carId = null;
            if (draft.BookingId is { } bookingId)
            {
                var booking = await BookingAsync(bookingId, activeOnly: true, cancellationToken);
                if (booking is null)
                {
                    return new OrderOpened.NotFound();
                }

                if (await OrderOfBookingAsync(bookingId, cancellationToken) is { } existing)
                {
                    return existing;
                }

                (clientId, carId) = (booking.ClientId, booking.View.Car.Id);
            }
            else if (draft.CarId is { } chosen)
            {
                // The car was offered for the phone: it is the one account's with that phone, and the order becomes theirs.
                clientId = await db.Cars.Where(c => c.Id == chosen && c.IsActive)
                    .Join(db.Users, c => c.OwnerId, u => u.Id, (c, u) => new { u.Id, u.PhoneNumber })
                    .Where(owner => owner.PhoneNumber == phone).Select(owner => owner.Id).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new DomainException("WorkOrder.CarNotClients");
                carId = chosen;
            }

            var mileage = draft.Mileage is { } kilometres ? Mileage.FromKilometres(kilometres) : (Mileage?)null;
            var car = carId is null || mileage is null ? null : await db.Cars.SingleAsync(c => c.Id == carId, cancellationToken);

            // The number's counter row stays locked until the commit: numbers come one after another, without gaps, and
            // a refused order gives its number back with the rollback.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var order = WorkOrder.Open(await NextNumberAsync(cancellationToken), clientId, draft.ClientName ?? string.Empty, phone, draft.Address,
                draft.Comment, carId, draft.BookingId, createdById, time.GetUtcNow(), mileage);
            car?.RecordMileage(mileage!.Value);
            db.WorkOrders.Add(order);
            if (await emails.AcceptedAsync(order, cancellationToken) is { } accepted)
            {
                // "Your car is taken in", to a client with an account: stored with the order, or not at all.
                outbox.Add(accepted);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException error) when (UniqueViolation.Constraint(error) == WorkOrderConfiguration.OneOrderPerBooking)
            {
                // Two people took the same car in at once: the other order stands.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return await OrderOfBookingAsync(draft.BookingId!.Value, cancellationToken) ?? (OrderOpened)new OrderOpened.NotFound();
            }

            await transaction.CommitAsync(cancellationToken);
            return new OrderOpened.Opened(order);
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            return new OrderOpened.Refused(refusal);
        }
    }

    /// <summary>
    /// The orders the actor may see (a mechanic: their own), newest first, filtered and a page at a time; for a mechanic,
    /// their shift too (the list is the page they check in on), and for everyone else the mechanics to filter by, unless
    /// only the results are asked for (<see cref="OrderFilter.ResultsOnly"/>).
    /// </summary>
    public async Task<OrderPage> ListAsync(OrderFilter filter, WorkshopActor actor, CancellationToken cancellationToken)
    {
        var orders = Visible(actor);
        if (filter.Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }

        if (actor.SeesAllOrders && !string.IsNullOrEmpty(filter.MechanicId))
        {
            orders = orders.Where(o => o.MechanicId == filter.MechanicId);
        }

        if (filter.Date is { } date)
        {
            // The local day's bounds as UTC instants (Npgsql writes timestamptz parameters only in UTC).
        var (start, end) = (clock.ToInstant(date, TimeOnly.MinValue).ToUniversalTime(), clock.ToInstant(date.AddDays(1), TimeOnly.MinValue).ToUniversalTime());
            orders = orders.Where(o => o.CreatedAt >= start && o.CreatedAt < end);
        }

        var (total, more, page) = await CountAheadAsync(orders, filter.Page, cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize) + (more ? 1 : 0);
        var rows = await (from o in orders
                          join c in db.Cars on o.CarId equals c.Id into cars
                          from c in cars.DefaultIfEmpty()
                          join m in db.Users on o.MechanicId equals m.Id into mechanics
                          from m in mechanics.DefaultIfEmpty()
                          orderby o.CreatedAt descending, o.Id descending
                          select new
                          {
                              o.Id, o.Number, o.Status, o.ClientName, o.Phone, o.CreatedAt,
                              Model = c == null ? null : c.Model.Name,
                              Plate = c == null ? null : (string)(object)c.Plate,
                              MechanicLast = m == null ? null : m.LastName,
                              MechanicFirst = m == null ? null : m.FirstName,
                              MechanicPatronymic = m == null ? null : m.Patronymic,
                          })
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new OrderPage(
            [.. rows.Select(r => new OrderRow(
                r.Id, r.Number, r.Status, r.ClientName, r.Phone,
                r.Model is null ? null : $"{r.Model}, {PlateNumber.Parse(r.Plate!).Display}",
                r.MechanicLast is null ? null : StaffNames.Full(r.MechanicLast, r.MechanicFirst!, r.MechanicPatronymic),
                Local(r.CreatedAt)))],
            total, page, pageCount,
            actor.SeesAllOrders && !filter.ResultsOnly ? await staff.MechanicsAsync(cancellationToken) : [],
            actor.WorksShifts && !filter.ResultsOnly ? await shifts.OnShiftSinceAsync(actor.Id, cancellationToken) : null)
        {
            MoreThanTotal = more,
        };
    }

    /// <summary>
    /// How many of the orders there are, counted from the start of the page asked for and at most
    /// <see cref="CountAhead"/> past it, so that a list of years of orders costs what a list of a few pages does
    /// (a full COUNT read every order the filter matched: 30-70 ms for the 88 000 done orders of bench/seed-orders.sql,
    /// against under 1 ms for the page itself). <c>More</c>: there are more than
    /// <c>Total</c>. A page past the end (an old link, a typed number) is counted in full and becomes the last page.
    /// </summary>
    private static async Task<(int Total, bool More, int Page)> CountAheadAsync(IQueryable<WorkOrder> orders, int requested, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, requested);
        var skipped = (page - 1) * PageSize;
        // No ORDER BY: which rows are skipped does not change how many follow, and the index alone answers.
        var ahead = await orders.Skip(skipped).Take(CountAhead + 1).CountAsync(cancellationToken);
        if (ahead == 0 && page > 1)
        {
            var total = await orders.CountAsync(cancellationToken);
            return (total, false, Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize)));
        }

        return ahead > CountAhead ? (skipped + CountAhead, true, page) : (skipped + ahead, false, page);
    }

    /// <summary>The order with everything its page shows; null when there is none the actor may see (a 404).</summary>
    public async Task<OrderDetails?> DetailsAsync(int orderId, WorkshopActor actor, CancellationToken cancellationToken)
    {
        var order = actor.SeesAllOrders
            ? await OrderPageQueries.WithStages(db, orderId, cancellationToken)
            : await Visible(actor).Include(o => o.Submissions.OrderBy(s => s.Id)).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var trail = await history.TrailAsync(order.Id, cancellationToken);
        var people = order.Submissions.SelectMany(s => new[] { s.SubmittedById, s.DecidedById })
            .Concat([order.MechanicId, order.CreatedById, order.ShopMechanicId]).Concat(trail.People).OfType<string>();
        var names = await StaffNames.OfAsync(db, people, cancellationToken);
        var car = order.CarId is { } carId ? await OrderPageQueries.Car(db, carId, cancellationToken) : null;
        var booking = order.BookingId is { } bookingId ? await BookingAsync(bookingId, activeOnly: false, cancellationToken) : null;
        var mayAssign = actor.Supervises && !order.IsClosed && order.Status != WorkOrderStatus.InProgress;
        return new OrderDetails(
            order,
            car,
            order.MechanicId is { } mechanic ? names.GetValueOrDefault(mechanic) : null,
            names.GetValueOrDefault(order.CreatedById, order.CreatedById),
            booking?.View,
            history.Events(trail, names),
            await blacklist.WarningForClientAsync(order.ClientId, order.Phone, cancellationToken),
            mayAssign ? await staff.MechanicsAsync(cancellationToken) : [],
            mayAssign,
            actor.Supervises,
            names,
            actor);
    }

    /// <summary>Whether the actor may see the order (its page and its live stream); not: a 404.</summary>
    public Task<bool> MaySeeAsync(int orderId, WorkshopActor actor, CancellationToken cancellationToken) =>
        Visible(actor).AnyAsync(o => o.Id == orderId, cancellationToken);

    /// <summary>
    /// A supervisor gives the order to a mechanic on shift with no other active order. Two supervisors giving the same
    /// mechanic an order at once: the database lets one win, the other is told whom the mechanic went to.
    /// </summary>
    public async Task<OrderAssigned> AssignAsync(int orderId, string? mechanicId, WorkshopActor actor, CancellationToken cancellationToken)
    {
        var order = await db.WorkOrders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return new OrderAssigned.NotFound();
        }

        try
        {
            if (!actor.Supervises)
            {
                throw new DomainException("WorkOrder.NotSupervisor");
            }

            var mechanic = (await staff.MechanicsAsync(cancellationToken)).FirstOrDefault(m => m.Id == mechanicId)
                ?? throw new DomainException("WorkOrder.NotAMechanic");
            order.Assign(mechanic.Id, mechanic.Status is MechanicStatus.Free or MechanicStatus.Busy,
                mechanic.ActiveOrderId is { } other && other != order.Id, time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException error) when (UniqueViolation.Constraint(error) == WorkOrderConfiguration.OneActiveOrderPerMechanic)
            {
                // Another supervisor gave this mechanic an order between our check and our save.
                db.ChangeTracker.Clear();
                throw new DomainException("WorkOrder.MechanicTaken", mechanic.FullName);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The order changed since it was read (another supervisor, the mechanic's first stage).
                db.ChangeTracker.Clear();
                throw new DomainException("WorkOrder.ChangedMeanwhile");
            }

            return new OrderAssigned.Done(order, mechanic.FullName);
        }
        catch (DomainException refusal)
        {
            return new OrderAssigned.Refused(refusal);
        }
    }

    /// <summary>The orders the actor may see: all for the intake and supervisors; a mechanic's own, a shop mechanic's claimed.</summary>
    private IQueryable<WorkOrder> Visible(WorkshopActor actor)
    {
        var orders = db.WorkOrders.AsNoTracking();
        return actor.SeesAllOrders
            ? orders
            : orders.Where(o => (actor.IsMechanic && o.MechanicId == actor.Id) || (actor.IsShopMechanic && o.ShopMechanicId == actor.Id));
    }

    /// <summary>The next number of the workshop's year, from a counter row per year (see the WorkOrders migration).</summary>
    private async Task<OrderNumber> NextNumberAsync(CancellationToken cancellationToken)
    {
        var year = clock.Today.Year;
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO work_order_numbers AS n (year, last) VALUES ({year}, 1)
            ON CONFLICT (year) DO UPDATE SET last = n.last + 1
            RETURNING n.last AS "Value"
            """).ToListAsync(cancellationToken);
        return OrderNumber.Create(year, next.Single());
    }

    private async Task<OrderOpened.AlreadyOpened?> OrderOfBookingAsync(int bookingId, CancellationToken cancellationToken) =>
        await db.WorkOrders.AsNoTracking().Where(o => o.BookingId == bookingId)
            .Select(o => new OrderOpened.AlreadyOpened(o.Id, o.Number)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The only account with this phone (E.164) and its cars; nobody when none or several have it.</summary>
    private async Task<(string? Client, IReadOnlyList<CarChoice> Cars)> ClientOfPhoneAsync(string? phone, CancellationToken cancellationToken)
    {
        if (phone is null)
        {
            return (null, []);
        }

        var accounts = await db.Users.AsNoTracking().Where(u => u.PhoneNumber == phone)
            .Select(u => new { u.Id, u.LastName, u.FirstName, u.Patronymic }).Take(2).ToListAsync(cancellationToken);
        if (accounts.Count != 1)
        {
            return (null, []);
        }

        var owner = accounts[0];
        var cars = await db.Cars.AsNoTracking().Where(c => c.OwnerId == owner.Id && c.IsActive).OrderBy(c => c.Id)
            .Select(c => new { c.Id, Model = c.Model.Name, c.Plate, c.Mileage }).ToListAsync(cancellationToken);
        return (StaffNames.Full(owner.LastName, owner.FirstName, owner.Patronymic),
            [.. cars.Select(c => new CarChoice(c.Id, c.Model, c.Plate.Display, c.Mileage.Kilometres))]);
    }

    private async Task<BookingFacts?> BookingAsync(int bookingId, bool activeOnly, CancellationToken cancellationToken)
    {
        var row = await (from b in db.Bookings.AsNoTracking()
                         join u in db.Users on b.ClientId equals u.Id
                         where b.Id == bookingId && (!activeOnly || b.Status == BookingStatus.Active)
                         select new
                         {
                             b.Id, b.Date, b.Start, b.ClientId, u.LastName, u.FirstName, u.Patronymic, u.PhoneNumber,
                             b.CarId, Model = b.Car.Model.Name, b.Car.Plate, b.Car.Mileage, Work = b.Quote.RepairTypeName,
                         })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new BookingFacts(
                new IntakeBooking(row.Id, row.Date, row.Start, StaffNames.Full(row.LastName, row.FirstName, row.Patronymic), row.PhoneNumber,
                    new CarChoice(row.CarId, row.Model, row.Plate.Display, row.Mileage.Kilometres), row.Work),
                row.ClientId);
    }

    private DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, clock.Zone).DateTime;

    private sealed record BookingFacts(IntakeBooking View, string ClientId);
}
