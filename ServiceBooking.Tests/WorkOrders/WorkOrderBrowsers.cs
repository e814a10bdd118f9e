using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Tests.Infrastructure.Browser;
using ServiceBooking.Tests.Infrastructure.Browser.PageObjects;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.WorkOrders;

/// <summary>What the work orders' browser journeys share: their staff, made as the site makes accounts, and signing in.</summary>
internal static class WorkOrderBrowsers
{
    /// <summary>Creates the accounts with their roles (through UserManager); returns their ids in order.</summary>
    public static Task<List<string>> CreateStaffAsync(BrowserFixture fixture, params UserBuilder[] builders) => fixture.WithScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var ids = new List<string>();
        foreach (var builder in builders)
        {
            var user = builder.Build();
            await users.CreateAsync(user, builder.Password);
            foreach (var role in builder.Roles)
            {
                await users.AddToRoleAsync(user, role);
            }

            ids.Add(user.Id);
        }

        return ids;
    });

    /// <summary>A new browser page signed in as <paramref name="nickname"/>, a phone's when <paramref name="phone"/>.</summary>
    public static async Task<IPage> SignedInAsync(BrowserFixture fixture, string nickname, bool phone = false)
    {
        var page = await fixture.NewPageAsync(phone);
        await new AccountPages(page).SignInAsync(nickname, UserBuilder.DefaultPassword);
        return page;
    }
}
