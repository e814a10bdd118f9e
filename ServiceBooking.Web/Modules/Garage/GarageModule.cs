using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Garage;

/// <summary>The garage (PRODUCT.md section B): a client's own cars, with the model picked from the catalog's gallery.</summary>
public static class GarageModule
{
    public static WebApplicationBuilder AddGarage(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GarageService>();
        builder.Services.AddAudited<Car>();
        builder.Services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder(ModulePages.Folder("Garage", "/Garage")));
        return builder;
    }
}
