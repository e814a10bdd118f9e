using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Tests.Infrastructure.Browser;
using ServiceBooking.Tests.Infrastructure.Browser.PageObjects;
using ServiceBooking.Tests.WorkOrders;
using ServiceBooking.Web.Platform.Data;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace ServiceBooking.Tests.Pickups;

/// <summary>
/// Issue 14's journey in the browser, as new users would do it: the Admin adds a district, a manager adds a driver
/// (who chooses a password from the welcome email), a client asks for a pick-up, the manager proposes a time and a
/// price, the client agrees from the email's link without signing in, the request reaches the driver's phone by
/// itself, the driver calls and marks it done, the invoice email arrives with its PDF, the manager marks it paid.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PickupJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await JourneyWorkshop.SeedAsync(fixture);
        await WorkOrderBrowsers.CreateStaffAsync(fixture, new UserBuilder("oleg").WithName("Орлов", "Олег").InRole(Roles.Admin));
        await fixture.WithScopeAsync(services => services.GetRequiredService<ApplicationDbContext>().Users.Where(u => u.UserName == "anna")
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PhoneNumber, "+79161234567")));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The path and query of an emailed link (its host is the configured public URL, the site's own).</summary>
    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    [Fact]
    public async Task A_client_has_a_car_collected_by_a_driver_of_the_district_nobody_chose_and_is_invoiced_once()
    {
        // The Admin adds the district.
        var admin = await WorkOrderBrowsers.SignedInAsync(fixture, "oleg");
        await admin.GotoAsync("/Admin/Districts");
        await admin.GetByTestId("district-new").ClickAsync();
        await admin.GetByTestId("Name").FillAsync("Центральный");
        await admin.GetByTestId("district-submit").ClickAsync();
        await Expect(admin.GetByTestId("district-name")).ToHaveTextAsync("Центральный");

        // A manager adds a driver serving it; the driver chooses a password from the welcome email.
        var manager = await WorkOrderBrowsers.SignedInAsync(fixture, "marina");
        await manager.GotoAsync("/");
        await manager.GetByTestId("nav-drivers").ClickAsync();
        await manager.GetByTestId("driver-new").ClickAsync();
        await manager.GetByTestId("Nickname").FillAsync("dima");
        await manager.GetByTestId("Email").FillAsync("dima@example.ru");
        await manager.GetByTestId("LastName").FillAsync("Водителев");
        await manager.GetByTestId("FirstName").FillAsync("Дмитрий");
        await manager.GetByTestId("Phone").FillAsync("8 916 000-00-77");
        await manager.GetByLabel("Центральный").CheckAsync();
        await manager.GetByTestId("driver-submit").ClickAsync();
        await Expect(manager.GetByTestId("driver-row")).ToContainTextAsync("Водителев Дмитрий");
        var welcome = await fixture.Smtp.WaitForAsync("dima@example.ru");
        var driver = await fixture.NewPageAsync(phone: true);
        await driver.GotoAsync(PathOf(welcome.Link("/Account/ResetPassword")));
        await driver.GetByTestId("Password").FillAsync("driver-pass1");
        await driver.GetByTestId("ConfirmPassword").FillAsync("driver-pass1");
        await driver.GetByTestId("reset-submit").ClickAsync();
        await new AccountPages(driver).SignInAsync("dima", "driver-pass1");
        await driver.GotoAsync("/Driver");
        await Expect(driver.GetByTestId("driver-idle")).ToBeVisibleAsync();

        // The desk's table is open, empty; the client asks for the car to be collected.
        await manager.GetByTestId("nav-pickups").ClickAsync();
        await Expect(manager.GetByTestId("pickups-empty")).ToBeVisibleAsync();
        var client = await WorkOrderBrowsers.SignedInAsync(fixture, "anna");
        await client.GotoAsync("/");
        await client.GetByTestId("nav-pickup").ClickAsync();
        await client.GetByTestId("Address").FillAsync("ул. Ленина, 5, подъезд 2");
        await client.GetByTestId("DistrictId").SelectOptionAsync(new SelectOptionValue { Label = "Центральный" });
        await client.GetByTestId("Comment").FillAsync("Ключи у консьержа");
        await client.GetByTestId("pickup-submit").ClickAsync();
        await Expect(client.GetByTestId("pickup-status")).ToHaveAttributeAsync("data-status", nameof(PickupStatus.UnderReview));

        // The request appears on the desk's table by itself; the manager proposes tomorrow 11:00 for 1 500 ₽.
        await Expect(manager.GetByTestId("pickup-row")).ToContainTextAsync("Кузнецова Анна Олеговна");
        await manager.GetByTestId("pickup-open").ClickAsync();
        var tomorrow = DateTime.Today.AddDays(1).AddHours(11).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        await manager.GetByTestId("ProposedFor").FillAsync(tomorrow);
        await manager.GetByTestId("Price").FillAsync("1500");
        await manager.GetByTestId("confirm-submit").ClickAsync();
        await Expect(manager.GetByTestId("status-message")).ToHaveTextAsync("Предложение отправлено клиенту.");

        // The client agrees from the email, on a phone, without signing in.
        var proposal = await fixture.Smtp.WaitForAsync(m => m.To == "anna@example.ru" && (m.Message.Subject ?? string.Empty).StartsWith("Забор автомобиля", StringComparison.Ordinal));
        var phone = await fixture.NewPageAsync(phone: true);
        await phone.GotoAsync(PathOf(proposal.Link("answer=agree")));
        await Expect(phone.GetByTestId("pickup-price")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"1\s500,00\s₽"));
        await phone.GetByTestId("answer-submit").ClickAsync();
        await Expect(phone.GetByTestId("answer-outcome")).ToContainTextAsync("водитель будет направлен");

        // Nobody chose: the job appears on the driver's phone by itself (the page follows the pick-ups' stream).
        await Expect(driver.GetByTestId("job-address")).ToHaveTextAsync("ул. Ленина, 5, подъезд 2");
        await Expect(driver.GetByTestId("job-call")).ToHaveAttributeAsync("href", "tel:+79161234567");
        await Expect(driver.GetByTestId("job-comment")).ToContainTextAsync("Ключи у консьержа");
        await driver.GetByTestId("Comment").FillAsync("Забрал, царапина на заднем бампере");
        await driver.GetByTestId("job-done").ClickAsync();
        await Expect(driver.GetByTestId("status-message")).ToHaveTextAsync("Выполнено: счёт отправлен клиенту.");
        await Expect(driver.GetByTestId("driver-finished-row")).ToContainTextAsync("ул. Ленина, 5");

        // The invoice email arrives with its PDF: number, client, car, the collection and its price.
        var invoiceMail = await fixture.Smtp.WaitForAsync(m => m.To == "anna@example.ru" && (m.Message.Subject ?? string.Empty).Contains("счёт", StringComparison.Ordinal));
        var attachment = Assert.Single(invoiceMail.Message.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        string text;
        using (var pdf = PdfDocument.Open(content.ToArray()))
        {
            text = string.Join(" ", pdf.GetPages().Select(p => p.Text)).Replace('\u00A0', ' ');
        }

        var number = await fixture.WithScopeAsync(services => services.GetRequiredService<ApplicationDbContext>().PickupRequests.Select(r => r.InvoiceNumber).SingleAsync());
        Assert.Contains($"Счёт № {number:D6}", text);
        Assert.Contains("Кузнецова Анна Олеговна", text);
        Assert.Contains("Kia Rio (IV)", text);
        Assert.Contains("1 500,00 ₽", text);

        // The client downloads the same invoice from their page; the manager marks it paid: done.
        await client.GotoAsync("/Pickup");
        await Expect(client.GetByTestId("pickup-status")).ToHaveAttributeAsync("data-status", nameof(PickupStatus.AwaitingPayment));
        var download = await client.RunAndWaitForDownloadAsync(() => client.GetByTestId("pickup-invoice").ClickAsync());
        Assert.Equal($"invoice-{number:D6}.pdf", download.SuggestedFilename);

        await manager.GotoAsync("/Manager/Pickups");
        await manager.GetByTestId("pickup-open").ClickAsync();
        await manager.GetByTestId("mark-paid").ClickAsync();
        await Expect(manager.GetByTestId("status-message")).ToHaveTextAsync("Оплата отмечена: заявка выполнена.");
        await Expect(manager.GetByTestId("pickup-status")).ToHaveAttributeAsync("data-status", nameof(PickupStatus.Done));
        Assert.Single(fixture.Smtp.Received, m => (m.Message.Subject ?? string.Empty).Contains("счёт", StringComparison.Ordinal));
    }
}
