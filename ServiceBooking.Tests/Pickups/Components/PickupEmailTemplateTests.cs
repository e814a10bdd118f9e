using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Web.Modules.Pickups.Components;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Tests.Pickups.Components;

/// <summary>The client's pick-up emails (the proposal with its answer links, the invoice) as Razor components, rendered with bUnit.</summary>
public sealed class PickupEmailTemplateTests : BunitContext
{
    private const string Agree = "https://service.example/Pickup/Answer?token=abc&answer=agree";
    private const string Decline = "https://service.example/Pickup/Answer?token=abc&answer=decline";

    private static readonly PickupEmail Pickup = new("Анна Олеговна", "Kia Rio (IV), В 001 ОР 77", "ул. Ленина, 5", "02.12.2026 в 11:00", "1 500,00 ₽");

    public PickupEmailTemplateTests() => Services.AddLocalization(options => options.ResourcesPath = "Resources");

    private static T In<T>(string culture, Func<T> render)
    {
        using var _ = new CultureScope(CultureInfo.GetCultureInfo(culture));
        return render();
    }

    [Fact]
    public void The_proposal_names_the_car_address_time_and_price_and_answers_with_one_link_each()
    {
        var email = In("ru-RU", () => Render<PickupProposalEmail>(p => p.Add(c => c.Pickup, Pickup).Add(c => c.AgreeLink, Agree).Add(c => c.DeclineLink, Decline)));

        Assert.Equal("Здравствуйте, Анна Олеговна!", email.Find("p").TextContent.Trim());
        Assert.Equal(
            [("Автомобиль", "Kia Rio (IV), В 001 ОР 77"), ("Адрес", "ул. Ленина, 5"), ("Когда", "02.12.2026 в 11:00"), ("Стоимость", "1 500,00 ₽")],
            [.. email.Find("table").QuerySelectorAll("tr").Select(row => (row.Children[0].TextContent.Trim(), row.Children[1].TextContent.Trim()))]);
        var action = email.Find("[data-testid=email-action]");
        Assert.Equal((Agree, "Согласен"), (action.GetAttribute("href"), action.TextContent.Trim()));
        Assert.Equal(Decline, email.Find("[data-testid=email-decline]").GetAttribute("href"));
        Assert.Contains("входить на сайт не нужно", email.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_invoice_email_in_english_names_its_number_and_links_to_the_clients_pickups()
    {
        var email = In("en-GB", () => Render<PickupInvoiceEmail>(p => p.Add(c => c.Pickup, Pickup).Add(c => c.Number, "000017").Add(c => c.Link, "https://service.example/Pickup")));

        Assert.Equal("en", email.Find("html").GetAttribute("lang"));
        Assert.Equal("Invoice № 000017", email.Find("h1").TextContent.Trim());
        Assert.Contains("The invoice is attached", email.Markup, StringComparison.Ordinal);
        Assert.Equal("https://service.example/Pickup", email.Find("[data-testid=email-action]").GetAttribute("href"));
    }
}
