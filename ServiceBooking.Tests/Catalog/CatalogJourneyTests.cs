using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Tests.Infrastructure.Browser;
using ServiceBooking.Tests.Infrastructure.Browser.PageObjects;
using ServiceBooking.Web.Modules.Catalog;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using static Microsoft.Playwright.Assertions;

namespace ServiceBooking.Tests.Catalog;

[Collection(BrowserCollection.Name)]
public sealed class CatalogJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<ApplicationDbContext>();
            await services.GetRequiredService<DemoCatalog>().SeedAsync(CancellationToken.None);
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            foreach (var builder in new[] { new UserBuilder("owner").InRole(Roles.Admin), new UserBuilder("anna") })
            {
                var user = builder.Build();
                await users.CreateAsync(user, builder.Password);
                foreach (var role in builder.Roles)
                {
                    await users.AddToRoleAsync(user, role);
                }
            }

            var anna = await users.FindByNameAsync("anna");
            var today = services.GetRequiredService<WorkshopClock>().Today;
            db.Cars.Add(Car.Register(anna!.Id, new CarDetails(
                Vin.Parse("Z94C241BBJR000001"), PlateNumber.Parse("В001ОР77"), RegistrationCertificateNumber.Parse("77 УА 123456"),
                today.AddYears(-2), Mileage.FromKilometres(20000), await db.CarModels.SingleAsync(m => m.Name == "Kia Rio (IV)")), today));
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_admin_changes_an_oil_price_and_the_quote_of_a_type_with_an_oil_change_follows()
    {
        static string Rub(string amount) => amount.Replace(' ', '\u00A0');
        var clientPage = await fixture.NewPageAsync();
        await new AccountPages(clientPage).SignInAsync("anna", UserBuilder.DefaultPassword);
        var booking = new BookingPages(clientPage);
        await clientPage.GetByTestId("nav-booking").ClickAsync();
        await clientPage.GetByTestId("slot-grid").Locator("[data-testid=slot][data-state=free] button").Last.ClickAsync();
        await Expect(booking.Price("ТО-1")).ToHaveTextAsync(Rub("6 800,00 ₽"));
        await Expect(booking.Price("Диагностика")).ToHaveTextAsync(Rub("2 310,00 ₽"));

        // Shell Helix HX8 5W-30 goes from 950,00 to 1 000,00 ₽ a litre.
        var adminPage = await fixture.NewPageAsync();
        await new AccountPages(adminPage).SignInAsync("owner", UserBuilder.DefaultPassword);
        await adminPage.GetByTestId("nav-admin").ClickAsync();
        await adminPage.GetByTestId("admin-nav").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Масла" }).ClickAsync();
        await adminPage.GetByTestId("oil-row").Filter(new() { HasText = "Shell Helix HX8" }).GetByTestId("oil-edit").ClickAsync();
        await adminPage.GetByTestId("Price").FillAsync("1000,00");
        await adminPage.GetByTestId("oil-submit").ClickAsync();
        await Expect(adminPage.GetByTestId("oil-row").Filter(new() { HasText = "Shell Helix HX8" }).GetByTestId("oil-price")).ToHaveTextAsync(Rub("1 000,00 ₽"));

        // The client's next quote: 3,6 l × 50 ₽ more = 180 ₽ more for ТО-1; diagnostics has no oil and stays.
        await clientPage.ReloadAsync();
        await clientPage.GetByTestId("slot-grid").Locator("[data-testid=slot][data-state=free] button").Last.ClickAsync();
        await Expect(booking.Price("ТО-1")).ToHaveTextAsync(Rub("6 980,00 ₽"));
        await Expect(booking.Price("Диагностика")).ToHaveTextAsync(Rub("2 310,00 ₽"));
    }
}
