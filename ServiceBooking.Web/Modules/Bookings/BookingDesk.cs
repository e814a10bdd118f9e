using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Live;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// Books and cancels visits for clients and for managers: loads what the rules need, asks the Domain, saves. A client
/// the blacklists name (<see cref="IClientBlacklist"/>) is refused online; the desk may still book for them.
/// </summary>
public sealed class BookingDesk(
    ApplicationDbContext db, BookingCalendar calendar, WorkshopClock clock, TimeProvider time, BookingEmails emails, OutboxWriter outbox,
    IEnumerable<IClientBlacklist> blacklists, DayGridCache grids)
{
    /// <summary>The client's cars in the garage, with their models (for the booking panel).</summary>
    public async Task<IReadOnlyList<Car>> CarsOfAsync(string clientId, CancellationToken cancellationToken) =>
        await db.Cars.AsNoTracking().Include(c => c.Model)
            .Where(c => c.OwnerId == clientId && c.IsActive)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);

    /// <summary>The work a client's car can have, priced for it; null when the car is not that client's (a 404 for pages).</summary>
    public async Task<IReadOnlyList<PricedRepairType>?> RepairTypesForAsync(int carId, string clientId, CancellationToken cancellationToken)
    {
        var car = await LoadCarAsync(carId, cancellationToken);
        if (car is null || !car.IsOwnedBy(clientId) || !car.IsActive)
        {
            return null;
        }

        var types = await RepairTypes()
            .Where(RepairType.AvailableFor(car.ModelId))
            .ToListAsync(cancellationToken);
        return [.. types
            .Select(t => new PricedRepairType(t.Id, t.Name, CostCalculator.Calculate(t, car.Model)))
            .OrderBy(t => t.Name, StringComparer.CurrentCulture)];
    }

    public async Task<BookingOutcome> BookAsync(BookingDraft draft, CancellationToken cancellationToken)
    {
        try
        {
            var slot = TimeSlot.Create(draft.Date, draft.Start);
            var advisor = await db.ServiceAdvisors.SingleOrDefaultAsync(a => a.Id == draft.AdvisorId, cancellationToken)
                ?? throw new DomainException("Booking.AdvisorUnavailable");
            var car = await LoadCarAsync(draft.CarId, cancellationToken) ?? throw new DomainException("Booking.NotYourCar");
            var type = await RepairTypes().SingleOrDefaultAsync(t => t.Id == draft.RepairTypeId, cancellationToken)
                ?? throw new DomainException("Booking.RepairTypeNotForCar", string.Empty, car.Model.Name);
            var active = db.Bookings.Where(b => b.Status == BookingStatus.Active && b.Date == slot.Date);
            var circumstances = new BookingCircumstances(
                clock.LocalNow,
                time.GetUtcNow(),
                calendar.LastBookableDay,
                await calendar.IsDayOffAsync(slot.Date, cancellationToken),
                await active.AnyAsync(b => b.AdvisorId == advisor.Id && b.Start == slot.Start, cancellationToken),
                await active.AnyAsync(b => b.ClientId == draft.ClientId, cancellationToken),
                draft.BookedById == draft.ClientId && await BlacklistedAsync(draft.ClientId, cancellationToken));
            var booking = BookingRules.Book(new BookingRequest(slot, advisor, car, type, draft.ClientId, draft.BookedById), circumstances);
            var client = await db.Users.SingleAsync(u => u.Id == draft.ClientId, cancellationToken);

            // The booking and its confirmation email are stored together, or neither is.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Bookings.Add(booking);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException error) when (UniqueViolation.Constraint(error) is { } constraint)
            {
                // Someone else won the race between our checks and the insert; the database kept the rule.
                db.Entry(booking).State = EntityState.Detached;
                throw constraint == "ux_bookings_client_day_active"
                    ? new DomainException("Booking.OnePerDay", slot.Date)
                    : new DomainException("Booking.CellTaken");
            }

            outbox.Add(await emails.ConfirmationAsync(booking, client));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return BookingOutcome.Booked(booking);
        }
        catch (DomainException refusal)
        {
            if (refusal.Code is "Booking.CellTaken" or "Booking.OnePerDay")
            {
                // Someone else's booking of that day is in the database; this instance may not have heard of it yet (its
                // own commit tells the grids a moment after the database has it, another's notification takes a few
                // milliseconds): the answer's grid must not show the cell free.
                grids.Changed(LiveTopics.Day(draft.Date));
            }

            return BookingOutcome.Refused(refusal);
        }
    }

    /// <summary>The client's own cancellation (up to the start of the visit). Someone else's booking is not found.</summary>
    public async Task<BookingOutcome?> CancelByClientAsync(int bookingId, string clientId, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.Include(b => b.Car).ThenInclude(c => c.Model)
            .SingleOrDefaultAsync(b => b.Id == bookingId && b.ClientId == clientId, cancellationToken);
        if (booking is null)
        {
            return null;
        }

        try
        {
            booking.CancelByClient(clientId, clock.LocalNow, time.GetUtcNow());
            return await SaveCancelledAsync(booking, notice: null, cancellationToken);
        }
        catch (DomainException refusal)
        {
            return BookingOutcome.Refused(refusal);
        }
    }

    /// <summary>Staff delete any booking; the client's email is queued with the change. Unknown ids are not found.</summary>
    public async Task<BookingOutcome?> CancelByStaffAsync(int bookingId, string staffId, string? reason, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.Include(b => b.Car).ThenInclude(c => c.Model).Include(b => b.Advisor)
            .SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (booking is null)
        {
            return null;
        }

        try
        {
            booking.CancelByStaff(staffId, reason, time.GetUtcNow());
            var client = await db.Users.SingleAsync(u => u.Id == booking.ClientId, cancellationToken);
            return await SaveCancelledAsync(booking, await emails.CancelledAsync(booking, client), cancellationToken);
        }
        catch (DomainException refusal)
        {
            return BookingOutcome.Refused(refusal);
        }
    }

    /// <summary>What staff see of one day's active bookings: client, phone, car, work, price.</summary>
    public async Task<IReadOnlyDictionary<int, BookingSummary>> SummariesAsync(DateOnly date, CancellationToken cancellationToken) =>
        await Summaries(db.Bookings.Where(b => b.Date == date && b.Status == BookingStatus.Active))
            .ToDictionaryAsync(s => s.Id, cancellationToken);

    public async Task<BookingSummary?> SummaryAsync(int bookingId, CancellationToken cancellationToken) =>
        await Summaries(db.Bookings.Where(b => b.Id == bookingId && b.Status == BookingStatus.Active)).SingleOrDefaultAsync(cancellationToken);

    private IQueryable<BookingSummary> Summaries(IQueryable<Booking> bookings) =>
        from b in bookings
        join u in db.Users on b.ClientId equals u.Id
        select new BookingSummary(
            b.Id, b.Date, b.Start,
            b.Advisor.LastName + " " + b.Advisor.FirstName,
            u.LastName + " " + u.FirstName + (u.Patronymic == null ? "" : " " + u.Patronymic),
            u.PhoneNumber, u.Email, b.Car.Model.Name, (string)(object)b.Car.Plate, b.Quote.RepairTypeName, b.Quote.Total);

    /// <summary>
    /// Saves a cancelled booking with the client's notice (when there is one) and drops its pending reminder, all in
    /// one transaction.
    /// </summary>
    private async Task<BookingOutcome> SaveCancelledAsync(Booking booking, OutboxEntry? notice, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (notice is not null)
        {
            outbox.Add(notice);
        }

        await db.SaveChangesAsync(cancellationToken);
        await outbox.DropPendingForBookingAsync(booking.Id, NoticeKind.BookingReminder, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return BookingOutcome.Booked(booking);
    }

    private async Task<bool> BlacklistedAsync(string clientId, CancellationToken cancellationToken)
    {
        foreach (var blacklist in blacklists)
        {
            if (await blacklist.IsBlacklistedAsync(clientId, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Cars with what pricing needs: model, engine, oil.</summary>
    private Task<Car?> LoadCarAsync(int carId, CancellationToken cancellationToken) =>
        db.Cars.Include(c => c.Model).ThenInclude(m => m.Engine).ThenInclude(e => e.Oil)
            .SingleOrDefaultAsync(c => c.Id == carId, cancellationToken);

    private IQueryable<Domain.Catalog.RepairType> RepairTypes() =>
        db.RepairTypes.Include(t => t.LabourRate).Include(t => t.CarModel).Include(t => t.Parts).ThenInclude(p => p.Part);
}

/// <summary>What the person filling the panel asked for.</summary>
public sealed record BookingDraft(DateOnly Date, TimeOnly Start, int AdvisorId, int CarId, int RepairTypeId, string ClientId, string BookedById);

public sealed record PricedRepairType(int Id, string Name, Quote Quote);

public sealed record BookingOutcome(Booking? Booking, DomainException? Refusal)
{
    public bool Succeeded => Refusal is null;

    public static BookingOutcome Booked(Booking booking) => new(booking, null);

    public static BookingOutcome Refused(DomainException refusal) => new(null, refusal);
}
