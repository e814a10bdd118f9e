namespace ServiceBooking.Web.Modules.Pickups.Invoices;

/// <summary>The pick-up invoice's services: the company's legal details (<see cref="CompanyOptions"/>) and its PDF.</summary>
public static class InvoiceRegistration
{
    public static IServiceCollection AddInvoices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CompanyOptions>().Bind(configuration.GetSection(CompanyOptions.Section));
        // The localizer is a singleton product of the localizer factory: safe to keep in a singleton.
        services.AddSingleton<InvoicePdf>();
        return services;
    }
}
