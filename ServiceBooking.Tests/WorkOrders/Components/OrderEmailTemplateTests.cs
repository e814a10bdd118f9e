using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Web.Modules.WorkOrders.Components;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Tests.WorkOrders.Components;

/// <summary>The client's work order emails (car taken in, car ready) as Razor components, rendered with bUnit in each language.</summary>
public sealed class OrderEmailTemplateTests : BunitContext
{
    private const string BookingsLink = "https://service.example/Booking/My";

    private static readonly OrderEmail Order = new(
        Name: "Иван Сергеевич",
        Number: "2026-00042",
        Car: "Kia Rio (IV), А 123 ВС 77",
        When: "01.12.2026 в 09:10",
        Address: null,
        BookingsLink: BookingsLink);

    public OrderEmailTemplateTests() => Services.AddLocalization(options => options.ResourcesPath = "Resources");

    /// <summary>Renders in a reader's culture, as the site's renderer does for each recipient.</summary>
    private static T In<T>(string culture, Func<T> render)
    {
        using var _ = new CultureScope(CultureInfo.GetCultureInfo(culture));
        return render();
    }

    private IRenderedComponent<OrderAcceptedEmail> Accepted(string culture, OrderEmail order) =>
        In(culture, () => Render<OrderAcceptedEmail>(p => p.Add(c => c.Order, order)));

    private IRenderedComponent<CarReadyEmail> Ready(string culture, OrderEmail order) =>
        In(culture, () => Render<CarReadyEmail>(p => p.Add(c => c.Order, order)));

    private static List<(string Label, string Value)> Facts(IElement table) =>
        [.. table.QuerySelectorAll("tr").Select(row => (row.Children[0].TextContent.Trim(), row.Children[1].TextContent.Trim()))];

    private static void AssertLinkToBookings<TEmail>(IRenderedComponent<TEmail> email, string text)
        where TEmail : IComponent
    {
        var action = email.Find("[data-testid=email-action]");
        Assert.Equal((BookingsLink, text), (action.GetAttribute("href"), action.TextContent.Trim()));
        Assert.Equal(2, email.FindAll($"a[href='{BookingsLink}']").Count); // written out too, for mail clients that hide buttons
    }

    [Fact]
    public void The_accepted_email_greets_the_client_names_the_order_and_the_car_and_links_to_their_bookings()
    {
        var email = Accepted("ru-RU", Order);

        Assert.Equal("ru", email.Find("html").GetAttribute("lang"));
        Assert.Equal("Автомобиль принят", email.Find("h1").TextContent.Trim());
        Assert.Equal("Здравствуйте, Иван Сергеевич!", email.Find("p").TextContent.Trim());
        Assert.Equal([("Заказ-наряд", "2026-00042"), ("Автомобиль", "Kia Rio (IV), А 123 ВС 77"), ("Принят", "01.12.2026 в 09:10")],
            Facts(email.Find("table")));
        Assert.Contains("Как идут работы, видно на странице «Мои записи».", email.Markup, StringComparison.Ordinal);
        AssertLinkToBookings(email, "Открыть мои записи");
    }

    [Fact]
    public void The_accepted_email_for_a_caller_who_named_no_car_leaves_the_car_out()
    {
        var email = Accepted("ru-RU", Order with { Car = null });

        Assert.Equal([("Заказ-наряд", "2026-00042"), ("Принят", "01.12.2026 в 09:10")], Facts(email.Find("table")));
        Assert.Empty(email.FindAll("[data-testid=order-car]"));
    }

    [Fact]
    public void The_ready_email_says_the_car_can_be_collected_and_where()
    {
        var email = Ready("ru-RU", Order with { When = "01.12.2026 в 15:10", Address = "Москва, ул. Моторная, 1" });

        Assert.Equal("Автомобиль готов", email.Find("h1").TextContent.Trim());
        Assert.Equal("Работы закончены, автомобиль можно забирать.", email.FindAll("p")[1].TextContent.Trim());
        Assert.Equal(
            [("Заказ-наряд", "2026-00042"), ("Автомобиль", "Kia Rio (IV), А 123 ВС 77"), ("Готов", "01.12.2026 в 15:10"), ("Адрес", "Москва, ул. Моторная, 1")],
            Facts(email.Find("table")));
        AssertLinkToBookings(email, "Открыть мои записи");
    }

    [Fact]
    public void Both_emails_speak_english_to_an_english_reader()
    {
        var accepted = Accepted("en-GB", Order with { When = "01.12.2026 at 09:10" });
        var ready = Ready("en-GB", Order with { When = "01.12.2026 at 15:10" });

        Assert.Equal(("en", "Your car has been taken in", "Hello, Иван Сергеевич!"),
            (accepted.Find("html").GetAttribute("lang"), accepted.Find("h1").TextContent.Trim(), accepted.Find("p").TextContent.Trim()));
        Assert.Equal(["Work order", "Car", "Taken in"], Facts(accepted.Find("table")).Select(f => f.Label));
        Assert.Equal("Your car is ready", ready.Find("h1").TextContent.Trim());
        Assert.Equal(["Work order", "Car", "Ready"], Facts(ready.Find("table")).Select(f => f.Label));
        AssertLinkToBookings(ready, "Open my bookings");
    }
}
