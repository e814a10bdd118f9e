using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServiceBooking.Web.Accounts;
using ServiceBooking.Web.Catalog;
using ServiceBooking.Web.Data;
using ServiceBooking.Web.Email;
using ServiceBooking.Web.Localization;
using ServiceBooking.Web.Validation;

namespace ServiceBooking.Web.Hosting;

public static class ServiceRegistration
{
    public static WebApplicationBuilder AddServiceBooking(this WebApplicationBuilder builder, bool requirePublicUrl = true)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // First of all hosted services: migrations must be in place before anything (data protection) reads the database.
        services.AddHostedService<StartupTasks>();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ServiceCentreOptions>().BindConfiguration(ServiceCentreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);

        AddData(services, configuration);
        AddIdentity(services);
        AddEmail(builder, requirePublicUrl);
        AddWeb(services);

        services.AddOptions<PictureOptions>().BindConfiguration(PictureOptions.Section);
        services.AddSingleton<PictureStore>();
        services.AddScoped<DemoCatalog>();
        services.AddSingleton<Scheduling.WorkshopClock>();
        services.AddOptions<Bookings.BookingOptions>().BindConfiguration(Bookings.BookingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Bookings.CalendarFacts>();
        services.AddScoped<Bookings.BookingCalendar>();
        services.AddScoped<Bookings.BookingDesk>();
        services.AddScoped<Bookings.BookingEmails>();

        return builder;
    }

    private static void AddData(IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "No database: set ConnectionStrings:Default (environment variable ConnectionStrings__Default).");
        }

        services.AddSingleton<TimestampInterceptor>();
        services.AddSingleton<Bookings.CalendarFactsInterceptor>();
        // Pooled: a request rents a context instead of building one and its options (measured in bench/RESULTS.md).
        services.AddDbContextPool<ApplicationDbContext>((provider, options) => ApplicationDbContext.Configure(options, connectionString)
            .AddInterceptors(provider.GetRequiredService<TimestampInterceptor>(), provider.GetRequiredService<Bookings.CalendarFactsInterceptor>()));
        services.AddDataProtection()
            .SetApplicationName("ServiceBooking")
            .PersistKeysToDbContext<ApplicationDbContext>();
        services.AddHealthChecks().AddDbContextCheck<ApplicationDbContext>("database");
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Nickname rules (any alphabet) are checked by the Domain's Nickname; Identity only keeps them unique.
                options.User.AllowedUserNameCharacters = string.Empty;
                options.SignIn.RequireConfirmedEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                // Ten wrong passwords lock the account for 15 minutes; one address is slowed after five (RateLimits), so a
                // single stranger cannot lock an owner out quickly, and a password reset lifts a lockout at once.
                options.Lockout.MaxFailedAccessAttempts = 10;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<ApplicationDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddUserValidator<NicknameUserValidator>();

        // Role changes and password changes reach other sessions within a minute (one query per active user per minute).
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "sb.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // A signed-in person without the role gets a real 403 (rendered by the error page), not a redirect.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Headers.ContainsKey("HX-Request"))
                {
                    // htmx would swap the sign-in page into a fragment: send the whole window there instead.
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers["HX-Redirect"] = context.RedirectUri;
                    return Task.CompletedTask;
                }

                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddScoped<AccountEmails>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<AdminBootstrapper>();
        services.AddScoped<DemoSeeder>();
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
        // Pages are UTF-8: Russian letters go out as they are, not as seven-character entities (HTML's own
        // characters are still escaped).
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(
            System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Cultures.Default)
                .AddSupportedCultures([.. Cultures.Supported])
                .AddSupportedUICultures([.. Cultures.Supported]);
            // Russian unless the reader chose otherwise: the browser's language is not consulted.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Profile");
                options.Conventions.AuthorizeFolder("/Garage");
                options.Conventions.AuthorizeFolder("/Booking");
                options.Conventions.AuthorizeAreaFolder("Admin", "/", "Admin");
                options.Conventions.AuthorizeAreaFolder("Manager", "/", "Staff");
            })
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
            .AddPolicy("Admin", policy => policy.RequireRole(Roles.Admin))
            .AddPolicy("Staff", policy => policy.RequireRole(Roles.Manager, Roles.Admin));
        services.AddAntiforgery(options => options.HeaderName = "RequestVerificationToken");
        services.AddRateLimits();
        services.AddHttpContextAccessor();
    }
}
