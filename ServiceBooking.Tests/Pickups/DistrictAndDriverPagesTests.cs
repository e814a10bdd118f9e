using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Modules.Pickups;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Pickups;

/// <summary>Issue 14, items 1, 2 and 6 through their pages: the Admin's districts, the desk's drivers and a driver's card.</summary>
public sealed class DistrictAndDriverPagesTests(BookingFixture fixture) : PickupsTest(fixture)
{
    [Fact]
    public async Task District_names_are_unique_ignoring_case_and_one_in_use_is_deactivated_not_deleted()
    {
        var admin = await SignedInAsync(new UserBuilder("oleg").WithName("Орлов", "Олег").InRole(Roles.Admin));
        await admin.SubmitAsync(await admin.GetAsync("/Admin/Districts/Edit"), "[data-testid=district-form]", new Dictionary<string, string> { ["Input.Name"] = "Центральный" });

        var twice = await admin.SubmitAsync(await admin.GetAsync("/Admin/Districts/Edit"), "[data-testid=district-form]", new Dictionary<string, string> { ["Input.Name"] = "центральный" });
        Assert.Equal("Район «центральный» уже есть.", twice.FieldError("Name"));
        Assert.Equal("центральный", twice.FieldValue("Name"));

        var id = await DbAsync(db => db.Districts.Select(d => d.Id).SingleAsync());
        await DriverAsync("dima", id);
        var list = await admin.GetAsync("/Admin/Districts");
        var removed = await admin.SubmitAsync(list, $"form[action*='handler=Delete'][action*='id={id}']");
        Assert.Equal("Район «Центральный» указан в заявках (0) и его обслуживают водители (1): он отключён, а не удалён.", removed.TestId("status-message"));
        Assert.False(await DbAsync(db => db.Districts.Where(d => d.Id == id).Select(d => d.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task A_manager_adds_a_driver_with_the_districts_served_who_is_emailed_a_link_to_choose_a_password()
    {
        var central = await DistrictAsync("Центральный");
        await DistrictAsync("Северный");
        var desk = await SignedInAsync(new UserBuilder("marina").WithName("Смирнова", "Марина").InRole(Roles.Manager));
        var form = new Dictionary<string, string>
        {
            ["Input.Nickname"] = "dima",
            ["Input.Email"] = "dima@example.ru",
            ["Input.LastName"] = "Водителев",
            ["Input.FirstName"] = "Дмитрий",
            ["Input.Phone"] = "8 916 000-00-77",
        };

        var none = await desk.SubmitAsync(await desk.GetAsync("/Manager/Drivers/Edit"), "[data-testid=driver-form]", form);
        Assert.Equal("Выберите хотя бы один район, который обслуживает водитель.", none.FieldError("DistrictIds"));
        Assert.Equal("Водителев", none.FieldValue("LastName"));
        Assert.Equal(0, await DbAsync(db => db.Drivers.CountAsync()));

        form["Input.DistrictIds"] = central.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var saved = await desk.SubmitAsync(none, "[data-testid=driver-form]", form);
        Assert.Equal("Водитель dima добавлен; ему отправлена ссылка для выбора пароля.", saved.TestId("status-message"));
        Assert.Equal("Центральный", saved.TestId("driver-districts"));
        var welcome = await Smtp.WaitForAsync("dima@example.ru");
        Assert.Contains("/Account/ResetPassword", welcome.Link("/Account/ResetPassword"));
        var driver = await DbAsync(db => db.Drivers.SingleAsync());
        Assert.Equal([central], driver.DistrictIds);
        Assert.True(driver.IsActive);
        Assert.True(await DbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == driver.UserId && r.RoleId == Roles.Ids[Roles.Driver])));
    }

    [Fact]
    public async Task A_drivers_card_shows_the_active_job_and_the_figures_of_the_finished_ones()
    {
        var district = await DistrictAsync("Центральный");
        var (anna, carId) = await ClientWithRioAsync("anna");
        var (_, driverId) = await DriverAsync("dima", district);
        var first = await RequestAsync("anna", carId, district);
        var second = await RequestAsync("anna", carId, district, "ул. Мира, 1");
        await ConfirmAsync(first, Tomorrow11, 1500m);
        await ConfirmAsync(second, Tomorrow11, 1500m);
        await WithServicesAsync(async services =>
        {
            var requests = services.GetRequiredService<PickupRequests>();
            var clientId = await UserIdAsync("anna");
            foreach (var id in new[] { first, second })
            {
                var proposal = AnswerTokens.Stamp((await PickupAsync(id)).ConfirmedAt!.Value);
                Assert.IsType<PickupChange.Done>(await requests.AnswerMineAsync(clientId, id, agree: true, proposal, CancellationToken.None));
            }

            Fixture.Clock.Advance(TimeSpan.FromMinutes(90));
            return await services.GetRequiredService<DriverJobs>().CompleteAsync(driverId, first, null, CancellationToken.None);
        });
        var desk = await SignedInAsync(new UserBuilder("marina").WithName("Смирнова", "Марина").InRole(Roles.Manager));

        var card = await desk.GetAsync($"/Manager/Drivers/Card/{driverId}");
        Assert.Equal("1", card.TestId("stat-completed"));
        Assert.Equal("1 ч 30 мин", card.TestId("stat-average"));
        Assert.StartsWith("1 ", card.TestId("stat-per-day"));
        Assert.Contains("ул. Мира, 1", card.TestId("driver-card-job"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await desk.GetAsync("/Manager/Drivers/Card/nobody")).Status);
    }
}
