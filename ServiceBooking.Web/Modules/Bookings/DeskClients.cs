using Microsoft.EntityFrameworkCore;
using ServiceBooking.Web.Modules.Accounts;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>The desk's search for the client to book for: by name, phone, email or plate (Accounts' <see cref="UserSearch"/>).</summary>
public sealed class DeskClients(ApplicationDbContext db)
{
    /// <summary>Shortest query searched: one letter would match half the clients.</summary>
    public const int MinimumQuery = 2;

    /// <summary>At most this many matches are shown; the manager types more to narrow.</summary>
    public const int Shown = 20;

    public async Task<IReadOnlyList<ClientMatch>> FindAsync(string? query, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(query) || query.Trim().Length < MinimumQuery
            ? []
            : await UserSearch.Filter(db.Users.AsNoTracking(), db.Cars, query)
                .OrderBy(u => u.LastName).ThenBy(u => u.FirstName).Take(Shown)
                .Select(u => new ClientMatch(u.Id, u.LastName + " " + u.FirstName + (u.Patronymic == null ? "" : " " + u.Patronymic), u.PhoneNumber, u.Email,
                    db.Cars.Where(c => c.OwnerId == u.Id && c.IsActive).Select(c => (string)(object)c.Plate).ToList()))
                .ToListAsync(cancellationToken);
}

public sealed record ClientMatch(string Id, string Name, string? Phone, string? Email, IReadOnlyList<string> Plates);
