using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Accounts;

/// <summary>
/// Accounts (PRODUCT.md section A): registration, sign-in, profile, the account emails, users' roles (Admin), the first
/// Admin and the demo accounts.
/// </summary>
public static class AccountsModule
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        AddIdentity(services);
        // Roles granted and revoked: a user-role row names the user (the entry's id) and the role (by name).
        services.AddAudited<IdentityUserRole<string>>("UserRole", id: role => role.UserId, describe: role => new { Role = Roles.NameOf(role.RoleId) });
        services.AddScoped<AccountEmails>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<Registration>();
        services.AddScoped<AdminBootstrapper>();
        services.AddScoped<IStartupTask, AccountsStartup>();
        services.AddScoped<DemoSeeder>();
        services.AddSingleton(CreateAdminCommand.Command);
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder(ModulePages.Folder("Accounts", "/Profile"));
            options.Conventions.AuthorizeFolder(ModulePages.Folder("Accounts", "/Admin"), Policies.Admin);
        });
        return builder;
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
        services.AddSingleton<VerifiedCookies>();
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
            // Identity's stamp check, but without holding its services in the request (a live stream's lasts for hours).
            options.Events.OnValidatePrincipal = SecurityStampCheck.ValidatePrincipalAsync;
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
    }

}
