using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Tests.Pickups;

/// <summary>
/// Issue 14 through its pages: the client's form and its refusals, the desk's proposal and the signed answer link that
/// needs no sign-in, the desk's table and why a request waits, and who may see and do what.
/// </summary>
public sealed class PickupPagesTests(BookingFixture fixture) : PickupsTest(fixture)
{
    [Fact]
    public async Task A_client_asks_for_a_pickup_and_bad_input_is_told_next_to_its_field_keeping_what_was_typed()
    {
        await DistrictAsync("Центральный");
        var (client, _) = await ClientWithRioAsync("anna");
        var page = await client.GetAsync("/Pickup");

        var refused = await client.SubmitAsync(page, "[data-testid=pickup-form]", new Dictionary<string, string>
        {
            ["Input.Address"] = "   ",
            ["Input.From"] = "12:00",
            ["Input.To"] = "11:00",
            ["Input.Comment"] = "Ключи у консьержа",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("Заполните поле «Адрес».", refused.FieldError("Address"));
        Assert.Equal("Заполните поле «Район».", refused.FieldError("DistrictId"));
        Assert.Equal("Ключи у консьержа", refused.FieldValue("Comment"));

        var district = refused.Document.QuerySelector("[data-testid=DistrictId] option:not([value=''])")!.GetAttribute("value")!;
        var window = await client.SubmitAsync(refused, "[data-testid=pickup-form]", new Dictionary<string, string>
        {
            ["Input.Address"] = "ул. Ленина, 5",
            ["Input.DistrictId"] = district,
        });
        Assert.Equal("Конец интервала должен быть позже начала.", window.FieldError("To"));
        Assert.Equal("ул. Ленина, 5", window.FieldValue("Address"));

        var sent = await client.SubmitAsync(window, "[data-testid=pickup-form]", new Dictionary<string, string> { ["Input.To"] = "14:00" });
        Assert.Contains("Заявка отправлена", sent.TestId("status-message"));
        var row = Assert.Single(sent.Document.QuerySelectorAll("[data-testid=pickup-row]"));
        Assert.Equal(nameof(PickupStatus.UnderReview), row.QuerySelector("[data-testid=pickup-status]")!.GetAttribute("data-status"));
        Assert.Contains("ул. Ленина, 5 · Центральный", row.QuerySelector("[data-testid=pickup-address]")!.TextContent);
    }

    [Fact]
    public async Task Someone_elses_car_and_an_inactive_district_are_refused()
    {
        var active = await DistrictAsync("Центральный");
        var (client, _) = await ClientWithRioAsync("anna");
        var (_, borisCar) = await ClientWithRioAsync("boris", 2);
        var closed = await DistrictAsync("Закрытый");
        await DbAsync(db => db.Districts.Where(d => d.Id == closed).ExecuteUpdateAsync(s => s.SetProperty(d => d.IsActive, false)));

        var page = await client.GetAsync("/Pickup");
        var answer = await client.SubmitAsync(page, "[data-testid=pickup-form]", new Dictionary<string, string>
        {
            ["Input.CarId"] = borisCar.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Address"] = "ул. Ленина, 5",
            ["Input.DistrictId"] = active.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal("Выберите один из ваших автомобилей.", answer.FieldError("CarId"));
        Assert.DoesNotContain(answer.Document.QuerySelectorAll("[data-testid=DistrictId] option"), o => o.TextContent == "Закрытый");
        Assert.Equal(0, await DbAsync(db => db.PickupRequests.CountAsync()));
    }

    [Fact]
    public async Task The_desk_proposes_a_time_and_price_and_the_client_agrees_from_the_emails_link_without_signing_in()
    {
        var district = await DistrictAsync("Центральный");
        var (_, carId) = await ClientWithRioAsync("anna");
        var (_, driverId) = await DriverAsync("dima", district);
        var id = await RequestAsync("anna", carId, district);
        var desk = await SignedInAsync(new UserBuilder("marina").WithName("Смирнова", "Марина").InRole(Roles.Manager));

        var details = await desk.GetAsync($"/Manager/Pickups/Details/{id}");
        Assert.Equal("2026-12-02T10:00", details.FieldValue("ProposedFor"));
        var past = await desk.SubmitAsync(details, "[data-testid=confirm-form]", new Dictionary<string, string>
        {
            ["Input.ProposedFor"] = "2026-12-01T08:00",
            ["Input.Price"] = "1500",
        });
        Assert.Equal("Предложите время позже текущего.", past.FieldError("ProposedFor"));
        Assert.Equal("1500", past.FieldValue("Price"));
        // A clock finer than the database's microseconds (as the real one is): the link must still name the stored proposal.
        Fixture.Clock.Advance(TimeSpan.FromTicks(1_234_567));
        var proposed = await desk.SubmitAsync(past, "[data-testid=confirm-form]", new Dictionary<string, string> { ["Input.ProposedFor"] = "2026-12-02T11:00" });
        Assert.Contains("Предложение отправлено", proposed.TestId("status-message"));

        var mail = await Smtp.WaitForAsync("anna@example.ru");
        Assert.Contains("02.12.2026 в 11:00", mail.Text);
        Assert.Contains("1 500,00 ₽", mail.Text.Replace('\u00A0', ' '));
        var agree = mail.Link("answer=agree");
        const string site = "http://localhost"; // the tests' configured public URL (SiteFactory)
        Assert.StartsWith(site + "/Pickup/Answer?token=", agree);
        Assert.StartsWith(site + "/Pickup/Answer?token=", mail.Link("answer=decline"));

        // Opening the link (a mail scanner, a preview) changes nothing; the press answers.
        var stranger = HtmlClient.For(Fixture.Site);
        var link = await stranger.GetAsync(agree[site.Length..]);
        Assert.Equal(HttpStatusCode.OK, link.Status);
        Assert.Equal(PickupStatus.AwaitingClient, (await PickupAsync(id)).Status);
        var answered = await stranger.SubmitAsync(link, "[data-testid=answer-form]");
        Assert.Contains("водитель будет направлен", answered.TestId("answer-outcome"));

        var request = await PickupAsync(id);
        Assert.Equal((PickupStatus.InProgress, driverId), (request.Status, request.DriverId));
        var again = await stranger.GetAsync(agree[site.Length..]);
        Assert.Equal("На это предложение уже ответили.", again.TestId("answer-outcome"));
        Assert.False(again.Has("answer-form"));
    }

    [Fact]
    public async Task A_new_proposal_makes_the_earlier_link_say_so_and_a_forged_link_is_a_404()
    {
        var district = await DistrictAsync("Центральный");
        var (_, carId) = await ClientWithRioAsync("anna");
        var id = await RequestAsync("anna", carId, district);
        Assert.IsType<Web.Modules.Pickups.PickupChange.Done>(await ConfirmAsync(id, Tomorrow11, 1500m));
        var first = (await Smtp.WaitForAsync("anna@example.ru")).Link("answer=decline");
        Smtp.Clear();
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.IsType<Web.Modules.Pickups.PickupChange.Done>(await ConfirmAsync(id, Tomorrow11.AddHours(2), 1700m));
        var second = (await Smtp.WaitForAsync("anna@example.ru")).Link("answer=decline");
        const string site = "http://localhost"; // the tests' configured public URL (SiteFactory)
        var stranger = HtmlClient.For(Fixture.Site);

        var old = await stranger.GetAsync(first[site.Length..]);
        Assert.StartsWith("С тех пор сервис предложил другое время или цену", old.TestId("answer-outcome"));
        Assert.False(old.Has("answer-form"));

        var declined = await stranger.SubmitAsync(await stranger.GetAsync(second[site.Length..]), "[data-testid=answer-form]");
        Assert.Equal("Вы отказались от предложения.", declined.TestId("answer-outcome"));
        Assert.Equal(PickupStatus.Declined, (await PickupAsync(id)).Status);

        var forged = await stranger.GetAsync(second[site.Length..].Replace("token=", "token=x", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, forged.Status);
    }

    [Fact]
    public async Task Agreeing_on_the_clients_page_answers_the_proposal_it_showed_not_one_made_since()
    {
        var district = await DistrictAsync("Центральный");
        var (client, carId) = await ClientWithRioAsync("anna");
        var id = await RequestAsync("anna", carId, district);
        await ConfirmAsync(id, Tomorrow11, 1500m);
        var page = await client.GetAsync("/Pickup");
        Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await ConfirmAsync(id, Tomorrow11, 2500m);

        var answer = await client.SubmitAsync(page, $"form[action*='id={id}&agree=true']");
        Assert.StartsWith("С тех пор сервис предложил другое время или цену", answer.TestId("status-message"));
        Assert.Equal(PickupStatus.AwaitingClient, (await PickupAsync(id)).Status);
        Assert.Contains("2 500,00 ₽", answer.TestId("pickup-price")!.Replace('\u00A0', ' '));
    }

    [Fact]
    public async Task The_desk_sees_why_an_agreed_request_waits()
    {
        var district = await DistrictAsync("Центральный");
        var (client, carId) = await ClientWithRioAsync("anna");
        var first = await RequestAsync("anna", carId, district);
        var second = await RequestAsync("anna", carId, district, "ул. Мира, 1");
        await ConfirmAsync(first, Tomorrow11, 1500m);
        await ConfirmAsync(second, Tomorrow11, 1500m);
        var desk = await SignedInAsync(new UserBuilder("marina").WithName("Смирнова", "Марина").InRole(Roles.Manager));

        // The client agrees on their page; nobody serves the district yet.
        var mine = await client.GetAsync("/Pickup");
        await client.SubmitAsync(mine, $"form[action*='id={first}&agree=true']");
        var alone = await desk.GetAsync($"/Manager/Pickups/Details/{first}");
        Assert.Equal("Ждёт: район не обслуживает ни один активный водитель.", alone.TestId("pickup-wait"));

        // One driver comes, takes it; the second request waits behind a busy driver.
        var (_, driverId) = await DriverAsync("dima", district);
        await WithServicesAsync(async services =>
        {
            await services.GetRequiredService<Web.Modules.Pickups.PickupDispatcher>().DispatchAsync(district, CancellationToken.None);
            return 0;
        });
        Assert.Equal(driverId, (await PickupAsync(first)).DriverId);
        mine = await client.GetAsync("/Pickup");
        await client.SubmitAsync(mine, $"form[action*='id={second}&agree=true']");

        var table = await desk.GetAsync("/Manager/Pickups?Status=InProgress");
        var rows = table.Document.QuerySelectorAll("[data-testid=pickup-row]");
        Assert.Equal(2, rows.Length);
        Assert.Equal("Ждёт: заняты 1 из 1 водителей района; в очереди 1-я.",
            rows.Single(r => r.GetAttribute("data-id") == second.ToString(System.Globalization.CultureInfo.InvariantCulture)).QuerySelector("[data-testid=pickup-wait]")!.TextContent.Trim());
        Assert.Contains("Водителев Дмитрий", rows.Single(r => r.GetAttribute("data-id") == first.ToString(System.Globalization.CultureInfo.InvariantCulture)).TextContent);
        Assert.Empty((await desk.GetAsync("/Manager/Pickups?Status=Done")).Document.QuerySelectorAll("[data-testid=pickup-row]"));
    }

    [Fact]
    public async Task A_driver_sees_and_finishes_only_their_own_job_and_a_client_downloads_only_their_own_invoice()
    {
        var district = await DistrictAsync("Центральный");
        var (anna, carId) = await ClientWithRioAsync("anna");
        var (boris, _) = await ClientWithRioAsync("boris", 2);
        var (dima, dimaId) = await DriverAsync("dima", district);
        await DbAsync(db => db.Users.Where(u => u.UserName == "anna").ExecuteUpdateAsync(s => s.SetProperty(u => u.PhoneNumber, "+79161234567")));
        var id = await RequestAsync("anna", carId, district);
        await ConfirmAsync(id, Tomorrow11, 1500m);
        await anna.SubmitAsync(await anna.GetAsync("/Pickup"), $"form[action*='id={id}&agree=true']");
        Assert.Equal(dimaId, (await PickupAsync(id)).DriverId);
        var (petya, _) = await DriverAsync("petya", district);

        var others = await petya.GetAsync("/Driver");
        Assert.True(others.Has("driver-idle"));
        Assert.DoesNotContain("ул. Ленина", others.Document.Body!.TextContent);
        var stolen = await petya.Http.PostAsync($"/Driver?handler=Done&id={id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = others.Document.QuerySelector("meta[name=csrf-token]")!.GetAttribute("content")! }));
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);

        var mine = await dima.GetAsync("/Driver");
        Assert.Equal("ул. Ленина, 5, подъезд 2", mine.TestId("job-address"));
        Assert.Equal("tel:+79161234567", mine.Document.QuerySelector("[data-testid=job-call]")!.GetAttribute("href"));
        var done = await dima.SubmitAsync(mine, "[data-testid=job-done-form]", new Dictionary<string, string> { ["Input.Comment"] = "Забрал, царапина на бампере" });
        Assert.Equal("Выполнено: счёт отправлен клиенту.", done.TestId("status-message"));
        var request = await PickupAsync(id);
        Assert.Equal((PickupStatus.AwaitingPayment, "Забрал, царапина на бампере"), (request.Status, request.DriverComment));
        Assert.NotNull(request.InvoiceNumber);

        var invoice = await anna.Http.GetAsync($"/Pickup?handler=Invoice&id={id}");
        Assert.Equal(("application/pdf", HttpStatusCode.OK), (invoice.Content.Headers.ContentType?.MediaType, invoice.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, (await boris.Http.GetAsync($"/Pickup?handler=Invoice&id={id}")).StatusCode);
        var borisAnswer = await boris.Http.PostAsync($"/Pickup?handler=Answer&id={id}&agree=true",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = (await boris.GetAsync("/Pickup")).Document.QuerySelector("meta[name=csrf-token]")!.GetAttribute("content")! }));
        Assert.Equal(HttpStatusCode.NotFound, borisAnswer.StatusCode);
        Assert.Empty((await boris.GetAsync("/Pickup")).Document.QuerySelectorAll("[data-testid=pickup-row]"));
        Assert.Equal(1, await DbAsync(db => db.Outbox.CountAsync(m => m.Kind == NoticeKind.PickupInvoice)));
    }
}
