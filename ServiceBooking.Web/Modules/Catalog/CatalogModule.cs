using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Modules.Catalog.Entries;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Catalog;

/// <summary>
/// The catalog and pricing (PRODUCT.md section C), kept by the Admin: oils, engines, car models with pictures, labour
/// rates, parts and repair types; the pictures' own endpoint; the demo catalog.
/// </summary>
public static class CatalogModule
{
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PictureOptions>().BindConfiguration(PictureOptions.Section);
        services.AddSingleton<PictureStore>();
        services.AddScoped<DemoCatalog>();
        services.AddScoped<IStartupTask, CatalogStartup>();
        // What prices are made of: the oil's price per litre, the labour rate, the part's price, the model's coefficient,
        // the repair type's norm-hours, rate and oil change.
        services.AddAudited<Oil>();
        services.AddAudited<RepairType>();
        services.AddAudited<LabourRate>();
        services.AddAudited<Part>();
        services.AddAudited<CarModel>();
        services.AddAdminEntries<OilKind, Oil, OilDraft, NoChoices>()
            .AddAdminEntries<EngineKind, Engine, EngineDraft, EngineChoices>()
            .AddAdminEntries<CarModelKind, CarModel, CarModelDraft, CarModelChoices>()
            .AddAdminEntries<LabourRateKind, LabourRate, LabourRateDraft, NoChoices>()
            .AddAdminEntries<PartKind, Part, PartDraft, PartChoices>()
            .AddAdminEntries<RepairTypeKind, RepairType, RepairTypeDraft, RepairTypeChoices>();
        services.Configure<RazorPagesOptions>(options =>
            options.Conventions.AuthorizeFolder(ModulePages.Folder("Catalog", "/Admin"), Policies.Admin));
        return builder;
    }

    public static WebApplication MapCatalog(this WebApplication app)
    {
        app.MapPictures();
        return app;
    }
}
