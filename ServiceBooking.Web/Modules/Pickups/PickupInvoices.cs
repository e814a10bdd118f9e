using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Modules.Pickups.Invoices;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Pickups;

/// <summary>Who and what a request is about: its client's account, the car as shown, the district's name.</summary>
public sealed record PickupParties(ApplicationUser Client, string Car, string District);

/// <summary>
/// The invoice of a completed collection (PRODUCT.md section H): number and date from the request (given once, when the
/// driver marked it done), the client, the car, one line for the collection at the agreed price, and the company's
/// details from configuration. Made again from the same stored facts for the email and for every download, so both
/// are the same invoice.
/// </summary>
public sealed class PickupInvoices(ApplicationDbContext db, InvoicePdf pdf, WorkshopClock clock, IStringLocalizer<SharedResource> text)
{
    public const string ContentType = "application/pdf";

    public static string Number(int number) => number.ToString("D6", CultureInfo.InvariantCulture);

    public static string FileName(int number) => $"invoice-{Number(number)}.pdf";

    public async Task<PickupParties?> PartiesAsync(PickupRequest request, CancellationToken cancellationToken)
    {
        var client = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.ClientId, cancellationToken);
        var car = await db.Cars.AsNoTracking().Where(c => c.Id == request.CarId).Select(c => new { Model = c.Model.Name, c.Plate })
            .SingleOrDefaultAsync(cancellationToken);
        var district = await db.Districts.AsNoTracking().Where(d => d.Id == request.DistrictId).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken);
        return client is null || car is null || district is null ? null : new PickupParties(client, $"{car.Model}, {car.Plate.Display}", district);
    }

    /// <summary>The invoice's PDF in <paramref name="culture"/>; null while the request has none (not done yet).</summary>
    public byte[]? Render(PickupRequest request, PickupParties parties, CultureInfo culture)
    {
        if (request is not { InvoiceNumber: { } number, CompletedAt: { } completed, Price: { } price })
        {
            return null;
        }

        string line;
        using (new CultureScope(culture))
        {
            var when = request.ProposedFor is { } at ? $"{DateOnly.FromDateTime(at).Day()} {TimeOnly.FromDateTime(at).Time()}" : string.Empty;
            line = text["Pickup.Invoice.Line", parties.District, request.Address, when];
        }

        var client = parties.Client;
        var document = new InvoiceDocument(
            Number(number), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(completed, clock.Zone).DateTime), client.Name.FullName,
            client.PhoneNumber is null ? null : Phones.Display(client.PhoneNumber), client.Email, parties.Car, request.Address,
            [new InvoiceLine(line, price.Amount)]);
        return pdf.Render(document, culture);
    }

    /// <summary>The invoice of request <paramref name="id"/> as a file: its client's (<paramref name="clientId"/>), or any for the desk (null).</summary>
    public async Task<(byte[] Content, string FileName)?> FileAsync(int id, string? clientId, CultureInfo culture, CancellationToken cancellationToken)
    {
        var request = await db.PickupRequests.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == id && (clientId == null || r.ClientId == clientId), cancellationToken);
        if (request?.InvoiceNumber is not { } number || await PartiesAsync(request, cancellationToken) is not { } parties
            || Render(request, parties, culture) is not { } content)
        {
            return null;
        }

        return (content, FileName(number));
    }
}
