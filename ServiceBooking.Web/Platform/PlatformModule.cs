using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Email;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Live;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform.Notifications;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Platform;

/// <summary>
/// What every module stands on: the database, email and the outbox, the public URL, localization, Razor Pages with one
/// page root per module, rate limits and the scheduler. Modules add themselves after it (Program.cs).
/// </summary>
public static class PlatformModule
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder, bool requirePublicUrl = true)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // First of all hosted services: migrations must be in place before anything (data protection) reads the database.
        services.AddHostedService<StartupTasks>();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ServiceCentreOptions>().BindConfiguration(ServiceCentreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddSingleton<WorkshopClock>();

        AddData(services, configuration);
        AddEmail(builder, requirePublicUrl);
        AddWeb(services);
        return builder;
    }

    /// <summary>The request pipeline, the pages, health and the scheduled jobs of every module.</summary>
    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UsePipeline();
        app.UseJobs();
        return app;
    }

    private static void AddData(IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "No database: set ConnectionStrings:Default (environment variable ConnectionStrings__Default).");
        }

        services.AddSingleton<IInterceptor, TimestampInterceptor>();
        // The audit trail: every change of an entity a module registered (AddAudited), written with the change.
        services.AddSingleton<IInterceptor, AuditInterceptor>();
        services.AddScoped<AuditTrail>();

        // Live pages: committed changes reach every instance's open pages (Platform/Live).
        services.AddLive();
        // Pooled: a request rents a context instead of building one and its options (measured in bench/RESULTS.md).
        // Interceptors come from every module that registers one (IInterceptor).
        services.AddDbContextPool<ApplicationDbContext>((provider, options) => ApplicationDbContext.Configure(options, connectionString)
            .AddInterceptors(provider.GetServices<IInterceptor>()));
        services.AddDataProtection()
            .SetApplicationName("ServiceBooking")
            .PersistKeysToDbContext<ApplicationDbContext>();
        services.AddHealthChecks().AddDbContextCheck<ApplicationDbContext>("database");
    }

    private static void AddEmail(WebApplicationBuilder builder, bool requirePublicUrl)
    {
        var services = builder.Services;
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var smtpConfigured = builder.Configuration.GetSection(EmailOptions.Section).Get<EmailOptions>()?.Smtp.IsConfigured ?? false;
        if (smtpConfigured)
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else if (builder.Environment.IsDevelopment())
        {
            services.AddSingleton<PickupFolderEmailSender>();
            services.AddSingleton<IEmailSender>(provider => provider.GetRequiredService<PickupFolderEmailSender>());
        }
        else
        {
            throw new InvalidOperationException(
                "No SMTP server: set Email:Smtp:Host (environment variable Email__Smtp__Host). Only Development may run without one.");
        }

        services.AddScoped<EmailRenderer>();
        // The outbox's email channel; another channel (Telegram) registers its own INoticeSender.
        services.AddSingleton<INoticeSender, EmailNoticeSender>();
        services.AddJobs();
        AddSite(builder, requirePublicUrl);
    }

    /// <summary>
    /// The public URL every emailed link starts with (required outside Development), and the hosts the site answers to:
    /// outside Development only the public URL's host unless <c>AllowedHosts</c> says otherwise.
    /// </summary>
    private static void AddSite(WebApplicationBuilder builder, bool requirePublicUrl)
    {
        if (requirePublicUrl)
        {
            SiteOptions.Require(builder.Configuration, builder.Environment);
        }

        builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section);
        builder.Services.AddSingleton<SiteLinks>();
        var configuredHosts = builder.Configuration["AllowedHosts"];
        if (string.IsNullOrWhiteSpace(configuredHosts) && !builder.Environment.IsDevelopment()
            && SiteOptions.Parse(builder.Configuration[$"{SiteOptions.Section}:{nameof(SiteOptions.PublicUrl)}"]) is { } publicUrl)
        {
            builder.Services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(options =>
                options.AllowedHosts = [publicUrl.IdnHost]);
        }
    }

    private static void AddWeb(IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, CachedStringLocalizerFactory>());
        // Pages are UTF-8: Russian letters go out as they are, not as seven-character entities (HTML's own
        // characters are still escaped).
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(
            System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            // The framework's shared read-only instances: the middleware makes every request's culture read-only, and
            // from a writable one it clones a culture that builds its number formats from ICU again on every request.
            options.DefaultRequestCulture = new RequestCulture(Cultures.Get(Cultures.Default));
            options.SupportedCultures = [.. Cultures.Supported.Select(Cultures.Get)];
            options.SupportedUICultures = [.. Cultures.Supported.Select(Cultures.Get)];
            // Russian unless the reader chose otherwise: the browser's language is not consulted.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        // Who may open which pages is said by each module (Add<Module>); the platform's own Admin pages are the Admin's.
        services.AddRazorPages(options => options.Conventions.AuthorizeFolder(ModulePages.Folder("Platform", "/Admin"), Policies.Admin))
            .AddModulePages()
            .AddMvcOptions(options => options.Filters.Add<UnknownHandlerFilter>())
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
        {
            ModelBindingMessages.Localize(options.ModelBindingMessageProvider, factory.Create(typeof(SharedResource)));
            options.ModelBinderProviders.Insert(0, new DecimalModelBinderProvider());
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Staff, policy => policy.RequireRole(Roles.Manager, Roles.Admin))
            .AddPolicy(Policies.Supervisors, policy => policy.RequireRole(Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.Shifts, policy => policy.RequireRole(Roles.Mechanic, Roles.ShopMechanic))
            .AddPolicy(Policies.ShopFloor, policy => policy.RequireRole(Roles.ShopMechanic, Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.Intake, policy => policy.RequireRole(Roles.Operator, Roles.Supervisor, Roles.Manager, Roles.Admin))
            .AddPolicy(Policies.Workshop, policy => policy.RequireRole(
                Roles.Operator, Roles.Supervisor, Roles.Manager, Roles.Admin, Roles.Mechanic, Roles.ShopMechanic))
            .AddPolicy(Policies.Drivers, policy => policy.RequireRole(Roles.Driver))
            .AddPolicy(Policies.PickupsLive, policy => policy.RequireRole(Roles.Driver, Roles.Manager, Roles.Admin));
        services.AddAntiforgery(options => options.HeaderName = "RequestVerificationToken");
        services.AddRateLimits();
        services.AddHttpContextAccessor();
    }
}
