using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Tests.Infrastructure.Browser;
using ServiceBooking.Tests.Infrastructure.Browser.PageObjects;
using ServiceBooking.Web.Modules.Campaigns;
using ServiceBooking.Web.Modules.Catalog;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using static Microsoft.Playwright.Assertions;

namespace ServiceBooking.Tests.Campaigns;

[Collection(BrowserCollection.Name)]
public sealed class CampaignJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<ApplicationDbContext>();
            await services.GetRequiredService<DemoCatalog>().SeedAsync(CancellationToken.None);
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var today = services.GetRequiredService<WorkshopClock>().Today;
            var number = 1;
            foreach (var (builder, model) in new[]
            {
                (new UserBuilder("ivan").WithName("Петров", "Иван", "Сергеевич"), "Lada Vesta"),
                (new UserBuilder("olga").WithName("Иванова", "Ольга"), "Lada Vesta"),
                (new UserBuilder("anna").WithName("Кузнецова", "Анна"), "Kia Rio (IV)"),
                (new UserBuilder("marina").WithName("Смирнова", "Марина").InRole(Roles.Manager), "Kia Rio (IV)"),
            })
            {
                var user = builder.Build();
                await users.CreateAsync(user, builder.Password);
                foreach (var role in builder.Roles)
                {
                    await users.AddToRoleAsync(user, role);
                }

                db.Cars.Add(Car.Register(user.Id, new CarDetails(
                    Vin.Parse($"XTAGFL110KY00000{number}"), PlateNumber.Parse($"Х00{number}КХ197"), RegistrationCertificateNumber.Parse("77 УА 123456"),
                    today.AddYears(-2), Mileage.FromKilometres(20000), await db.CarModels.SingleAsync(m => m.Name == model)), today));
                number++;
            }

            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_manager_sends_a_campaign_to_one_models_owners_their_mail_arrives_and_a_client_unsubscribes_from_it()
    {
        var page = await fixture.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await new AccountPages(page).SignInAsync("marina", UserBuilder.DefaultPassword);
        await page.GetByTestId("nav-campaigns").ClickAsync();
        await page.GetByTestId("campaign-new").ClickAsync();

        await page.GetByTestId("Subject").FillAsync("Зимняя проверка Lada Vesta");
        await page.GetByTestId("Body").FillAsync("До конца месяца **бесплатная** диагностика подвески.\n\n[Записаться](https://service.example/Booking)");
        await Expect(page.GetByTestId("recipient-count")).ToHaveAttributeAsync("data-count", "4");
        await page.GetByTestId("audience-modelowners").CheckAsync();
        await page.Locator("[data-testid=audience-model][data-name='Lada Vesta']").CheckAsync();
        await Expect(page.GetByTestId("recipient-count")).ToHaveAttributeAsync("data-count", "2");

        await page.GetByTestId("campaign-preview-button").ClickAsync();
        await Expect(page.GetByTestId("preview-subject")).ToHaveTextAsync("Зимняя проверка Lada Vesta");
        await Expect(page.GetByTestId("preview-body").Locator("strong")).ToHaveTextAsync("бесплатная");

        await page.GetByTestId("campaign-send").ClickAsync();
        await Expect(page.GetByTestId("campaign-title")).ToHaveTextAsync("Зимняя проверка Lada Vesta");

        // The campaign job (which a test runs itself) queues the emails; the outbox goes out every second.
        await fixture.WithScopeAsync(services => services.GetRequiredService<CampaignJob>().EnqueueNextAsync(CancellationToken.None));
        await Expect(page.GetByTestId("campaign-progress")).ToHaveAttributeAsync("data-finished", "true", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("progress-sent")).ToHaveTextAsync("2");

        var ivanMail = await fixture.Smtp.WaitForAsync(m => m.To == "ivan@example.ru" && m.Message.Subject == "Зимняя проверка Lada Vesta");
        await fixture.Smtp.WaitForAsync(m => m.To == "olga@example.ru" && m.Message.Subject == "Зимняя проверка Lada Vesta");
        Assert.DoesNotContain(fixture.Smtp.Received, m => m.To == "anna@example.ru" && m.Message.Subject == "Зимняя проверка Lada Vesta");

        var client = await fixture.NewPageAsync();
        await client.GotoAsync(ivanMail.Link("/Unsubscribe"));
        await Expect(client.GetByTestId("unsubscribe")).ToContainTextAsync("i***n@example.ru");
        await client.GetByTestId("unsubscribe-confirm").ClickAsync();
        await Expect(client.GetByTestId("unsubscribe-done")).ToBeVisibleAsync();

        await page.GetByTestId("nav-campaigns").ClickAsync();
        await page.GetByTestId("campaign-new").ClickAsync();
        await page.GetByTestId("audience-modelowners").CheckAsync();
        await page.Locator("[data-testid=audience-model][data-name='Lada Vesta']").CheckAsync();
        await Expect(page.GetByTestId("recipient-count")).ToHaveAttributeAsync("data-count", "1");
    }
}
