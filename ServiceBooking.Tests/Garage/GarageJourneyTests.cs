using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Tests.Infrastructure.Browser;
using ServiceBooking.Tests.Infrastructure.Browser.PageObjects;
using ServiceBooking.Web.Modules.Catalog;
using ServiceBooking.Web.Platform.Data;
using static Microsoft.Playwright.Assertions;

namespace ServiceBooking.Tests.Garage;

[Collection(BrowserCollection.Name)]
public sealed class GarageJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.WithScopeAsync(async services =>
        {
            await services.GetRequiredService<DemoCatalog>().SeedAsync(CancellationToken.None);
            var user = new UserBuilder("pavel");
            return await services.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user.Build(), user.Password);
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_bad_vin_shows_its_message_keeps_the_rest_and_the_fixed_car_is_listed_with_its_picture()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).SignInAsync("pavel", UserBuilder.DefaultPassword);
        var garage = new GaragePages(page);
        await garage.StartAddingAsync();

        await garage.FillAsync("XTAGFL110KY1234QQ", "x777kx197", "77 уа 654321", "2020-03-15", "41500");
        await garage.ChooseModelAsync("vest", "Lada Vesta");
        await garage.SaveAsync();

        await Expect(garage.FieldError("Vin")).ToHaveTextAsync("В VIN не бывает буквы Q (I, O и Q не используются).");
        await Expect(garage.Field("Vin")).ToHaveValueAsync("XTAGFL110KY1234QQ");
        await Expect(garage.Field("Plate")).ToHaveValueAsync("x777kx197");
        await Expect(garage.Field("Certificate")).ToHaveValueAsync("77 уа 654321");
        await Expect(garage.Field("SaleDate")).ToHaveValueAsync("2020-03-15");
        await Expect(garage.Field("Mileage")).ToHaveValueAsync("41500");
        await Expect(page.Locator("[data-testid=model-option]:checked")).ToHaveAttributeAsync("data-name", "Lada Vesta");

        await garage.Field("Vin").FillAsync("XTAGFL110KY123456");
        await garage.SaveAsync();

        var card = page.GetByTestId("car-card");
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card.GetByTestId("car-model")).ToHaveTextAsync("Lada Vesta");
        await Expect(card.GetByTestId("car-plate")).ToHaveTextAsync("Х 777 КХ 197");
        var pictureWidth = await card.GetByTestId("car-picture").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
        Assert.True(pictureWidth > 0, "the model's picture did not load");
    }
}
