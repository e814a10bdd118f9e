using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Modules.Pickups.Invoices;
using ServiceBooking.Web.Platform.Audit;

namespace ServiceBooking.Web.Modules.Pickups;

/// <summary>
/// Pick-up and delivery (PRODUCT.md section H; seeds 000 and 003): districts, drivers and the districts they serve, the
/// clients' requests to have a car collected and their dispatch to a free driver of the district. Every change of a
/// request, a district or a driver's profile is in the audit trail. The invoice's PDF is in <c>Invoices/</c>. (Its pages,
/// the client's agree link and the invoice's email come next: issue 14.)
/// </summary>
public static class PickupsModule
{
    public static WebApplicationBuilder AddPickups(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAudited<District>();
        services.AddAudited<Driver>();
        services.AddAudited<PickupRequest>();
        services.AddScoped<PickupDispatcher>();
        services.AddInvoices(builder.Configuration);
        return builder;
    }
}
