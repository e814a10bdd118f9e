using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Modules.Bookings;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.WorkOrders;

/// <summary>A standing entry of the blacklist, with the names the page shows (the workshop's local time).</summary>
public sealed record BlacklistRow(int Id, string? ClientName, string? ClientNickname, string? Phone, string Reason, string AddedBy, DateTime AddedAt);

/// <summary>What adding to the blacklist came to.</summary>
public abstract record Blacklisted
{
    private Blacklisted()
    {
    }

    public sealed record Added(BlacklistEntry Entry) : Blacklisted;

    /// <summary>A rule said no: nobody named, no reason, an invalid phone, no such account, already listed.</summary>
    public sealed record Refused(DomainException Error) : Blacklisted;
}

/// <summary>
/// The client blacklist (seed 004): a supervisor or the Admin lists a client by account, by phone or both, with the
/// reason, and lifts the entry later (it stays, lifted, for the history). A listed client's online booking is refused
/// (<see cref="IClientBlacklist"/>, asked by the booking desk); an operator typing a listed phone is warned. An entry
/// naming an account also covers the phone on that account, and one naming a phone covers the accounts with it.
/// </summary>
public sealed class Blacklist(ApplicationDbContext db, TimeProvider time, WorkshopClock clock) : IClientBlacklist
{
    /// <summary>One round trip: every online booking asks it.</summary>
    public Task<bool> IsBlacklistedAsync(string clientId, CancellationToken cancellationToken) =>
        db.Blacklist.AnyAsync(
            e => e.LiftedAt == null
                && (e.ClientId == clientId || (e.Phone != null && db.Users.Any(u => u.Id == clientId && u.PhoneNumber == e.Phone))),
            cancellationToken);

    /// <summary>The standing entry that covers this phone (E.164) or an account with it, if any: what the operator is warned of.</summary>
    public Task<BlacklistRow?> WarningForAsync(string? phone, CancellationToken cancellationToken) =>
        WarningForClientAsync(null, phone, cancellationToken);

    /// <summary>
    /// The standing entry of a client's account (or of its phone), for the order page's warning; else one that covers the
    /// phone through another account with it. The order page asks every time, and almost always nobody is listed: one
    /// compiled query says so, and only an entry found is read with its names.
    /// </summary>
    public async Task<BlacklistRow?> WarningForClientAsync(string? clientId, string? phone, CancellationToken cancellationToken)
    {
        if (clientId is null && phone is null)
        {
            return null;
        }

        int? found = null;
        await foreach (var match in Covering(db, clientId, phone).WithCancellation(cancellationToken))
        {
            found ??= match.Id;
            if (match.Direct)
            {
                found = match.Id;
                break;
            }
        }

        return found is { } id
            ? (await Rows(db.Blacklist.Where(e => e.Id == id)).ToListAsync(cancellationToken)).Select(ToLocal).FirstOrDefault()
            : null;
    }

    /// <summary>The standing entries, newest first.</summary>
    public async Task<IReadOnlyList<BlacklistRow>> ActiveAsync(CancellationToken cancellationToken) =>
        [.. (await Rows(db.Blacklist.Where(e => e.LiftedAt == null)).ToListAsync(cancellationToken)).OrderByDescending(r => r.AddedAt).Select(ToLocal)];

    /// <summary>
    /// Lists a client: <paramref name="account"/> is a nickname or an email (optional), <paramref name="phone"/> as typed
    /// (optional); one of them is needed, and a reason.
    /// </summary>
    public async Task<Blacklisted> AddAsync(string actorId, string? account, string? phone, string? reason, CancellationToken cancellationToken)
    {
        try
        {
            string? clientId = null;
            if (!string.IsNullOrWhiteSpace(account))
            {
                var login = account.Trim().ToUpperInvariant();
                clientId = await db.Users.Where(u => u.NormalizedUserName == login || u.NormalizedEmail == login).Select(u => u.Id)
                    .FirstOrDefaultAsync(cancellationToken) ?? throw new DomainException("Blacklist.UnknownAccount");
            }

            var e164 = string.IsNullOrWhiteSpace(phone) ? null : Phones.Normalise(phone);
            var entry = BlacklistEntry.Add(clientId, e164, reason, actorId, time.GetUtcNow());
            if (await db.Blacklist.AnyAsync(e => e.LiftedAt == null && ((clientId != null && e.ClientId == clientId) || (e164 != null && e.Phone == e164)), cancellationToken))
            {
                throw new DomainException("Blacklist.AlreadyListed");
            }

            db.Blacklist.Add(entry);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException error) when (UniqueViolation.Constraint(error) is not null)
            {
                // Another supervisor listed the same client a moment ago.
                db.Entry(entry).State = EntityState.Detached;
                throw new DomainException("Blacklist.AlreadyListed");
            }

            return new Blacklisted.Added(entry);
        }
        catch (DomainException error)
        {
            return new Blacklisted.Refused(error);
        }
    }

    /// <summary>Lifts a standing entry; null when there is no such entry. An entry lifted already is refused.</summary>
    public async Task<BlacklistEntry?> LiftAsync(string actorId, int id, CancellationToken cancellationToken)
    {
        var entry = await db.Blacklist.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        entry.Lift(actorId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    /// <summary>
    /// The standing entries that name the account or the phone (direct), or an account with the phone.
    /// </summary>
    private static readonly Func<ApplicationDbContext, string?, string?, IAsyncEnumerable<Match>> Covering =
        EF.CompileAsyncQuery((ApplicationDbContext db, string? clientId, string? phone) => db.Blacklist
            .Where(e => e.LiftedAt == null
                && ((clientId != null && e.ClientId == clientId)
                    || (phone != null && (e.Phone == phone
                        || (e.ClientId != null && db.Users.Where(u => u.PhoneNumber == phone).Select(u => u.Id).Contains(e.ClientId))))))
            .Select(e => new Match(e.Id, (clientId != null && e.ClientId == clientId) || (phone != null && e.Phone == phone))));

    private IQueryable<Row> Rows(IQueryable<BlacklistEntry> entries) =>
        from e in entries
        join added in db.Users on e.AddedById equals added.Id
        join client in db.Users on e.ClientId equals client.Id into clients
        from client in clients.DefaultIfEmpty()
        select new Row(
            e.Id,
            client == null ? null : client.LastName + " " + client.FirstName,
            client == null ? null : client.UserName,
            e.Phone,
            e.Reason,
            added.LastName + " " + added.FirstName,
            e.AddedAt);

    /// <summary>The page shows the time in the workshop's zone.</summary>
    private BlacklistRow ToLocal(Row row) =>
        new(row.Id, row.ClientName, row.ClientNickname, row.Phone, row.Reason, row.AddedBy, TimeZoneInfo.ConvertTime(row.AddedAt, clock.Zone).DateTime);

    private sealed record Match(int Id, bool Direct);

    private sealed record Row(int Id, string? ClientName, string? ClientNickname, string? Phone, string Reason, string AddedBy, DateTimeOffset AddedAt);
}
