using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Web.Modules.Bookings.Components;
using ServiceBooking.Web.Modules.Campaigns.Components;

namespace ServiceBooking.Tests.Bookings.Components;

/// <summary>The booking, maintenance and campaign email templates as Razor components, rendered with bUnit.</summary>
public sealed class BookingEmailTemplateTests : BunitContext
{
    private const string BookingsLink = "https://service.example/Booking/My";

    private static readonly VisitEmail Visit = new(
        Name: "Иван Сергеевич",
        When: "15.03.2026 в 10:30",
        Advisor: "Сидоров А. П.",
        Car: "Kia Rio (IV), А123ВС77",
        Work: "ТО-1",
        Price: "8 478,50 ₽",
        Address: "Москва, ул. Моторная, 1",
        BookingsLink: BookingsLink);

    /// <summary>What <see cref="Visit"/> shows, label by label, in Russian.</summary>
    private static readonly (string, string)[] AllFacts =
    [
        ("Когда", "15.03.2026 в 10:30"),
        ("Приёмщик", "Сидоров А. П."),
        ("Автомобиль", "Kia Rio (IV), А123ВС77"),
        ("Работы", "ТО-1"),
        ("Стоимость", "8 478,50 ₽"),
        ("Адрес", "Москва, ул. Моторная, 1"),
    ];

    public BookingEmailTemplateTests() => Services.AddLocalization(options => options.ResourcesPath = "Resources");

    /// <summary>Renders in a reader's culture, as the site's renderer does for each recipient.</summary>
    private IRenderedComponent<TEmail> RenderIn<TEmail>(string culture, Action<ComponentParameterCollectionBuilder<TEmail>> parameters)
        where TEmail : IComponent
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return Render(parameters);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    private IRenderedComponent<TEmail> RenderRussian<TEmail>(Action<ComponentParameterCollectionBuilder<TEmail>> parameters)
        where TEmail : IComponent => RenderIn("ru-RU", parameters);

    /// <summary>The visit's facts as (label, value) pairs, in the order the email shows them.</summary>
    private static List<(string Label, string Value)> Facts<TEmail>(IRenderedComponent<TEmail> email)
        where TEmail : IComponent => Facts(email.Find("table"));

    private static List<(string Label, string Value)> Facts(IElement table) =>
        [.. table.QuerySelectorAll("tr").Select(row => (row.Children[0].TextContent.Trim(), row.Children[1].TextContent.Trim()))];

    private static string Greeting<TEmail>(IRenderedComponent<TEmail> email)
        where TEmail : IComponent => email.Find("p").TextContent.Trim();

    private static void AssertActionLink<TEmail>(IRenderedComponent<TEmail> email, string href, string text)
        where TEmail : IComponent
    {
        var action = email.Find("[data-testid=email-action]");
        Assert.Equal((href, text), (action.GetAttribute("href"), action.TextContent.Trim()));
        // Written out as well, for mail clients that hide buttons.
        Assert.Equal(2, email.FindAll($"a[href='{href}']").Count);
    }

    [Fact]
    public void The_confirmation_greets_the_client_and_shows_every_fact_of_the_visit_and_a_link_to_their_bookings()
    {
        var email = RenderRussian<BookingConfirmedEmail>(p => p.Add(c => c.Visit, Visit));

        Assert.Equal("Здравствуйте, Иван Сергеевич!", Greeting(email));
        Assert.Equal("Вы записаны", email.Find("h1").TextContent.Trim());
        Assert.Equal(AllFacts, Facts(email));
        Assert.Contains("файлом календаря", email.Markup, StringComparison.Ordinal);
        AssertActionLink(email, BookingsLink, "Открыть мои записи");
    }

    [Fact]
    public void The_confirmation_speaks_english_to_an_english_reader()
    {
        var email = RenderIn<BookingConfirmedEmail>("en-GB", p => p.Add(c => c.Visit, Visit with { When = "15.03.2026 at 10:30" }));

        Assert.Equal("en", email.Find("html").GetAttribute("lang"));
        Assert.Equal("Hello, Иван Сергеевич!", Greeting(email));
        Assert.Equal("You are booked in", email.Find("h1").TextContent.Trim());
        Assert.Equal(
            ["When", "Service advisor", "Car", "Work", "Price", "Address"],
            Facts(email).Select(f => f.Label));
        Assert.Equal("15.03.2026 at 10:30", email.Find("[data-testid=visit-when]").TextContent.Trim());
        AssertActionLink(email, BookingsLink, "Open my bookings");
    }

    [Fact]
    public void The_confirmation_is_in_russian_for_a_russian_reader()
    {
        var email = RenderRussian<BookingConfirmedEmail>(p => p.Add(c => c.Visit, Visit));

        Assert.Equal("ru", email.Find("html").GetAttribute("lang"));
        Assert.Equal("Ждём вас:", email.FindAll("p")[1].TextContent.Trim());
    }

    [Fact]
    public void The_reminder_greets_the_client_shows_the_visit_and_asks_to_cancel_when_they_cannot_come()
    {
        var email = RenderRussian<BookingReminderEmail>(p => p.Add(c => c.Visit, Visit));

        Assert.Equal("Здравствуйте, Иван Сергеевич!", Greeting(email));
        Assert.Equal("До встречи завтра", email.Find("h1").TextContent.Trim());
        Assert.Equal(AllFacts, Facts(email));
        Assert.Contains("Если вы не сможете приехать, отмените запись", email.Markup, StringComparison.Ordinal);
        AssertActionLink(email, BookingsLink, "Открыть мои записи");
    }

    [Fact]
    public void The_cancellation_shows_the_visit_and_the_reason_given()
    {
        var email = RenderRussian<BookingCancelledEmail>(p => p
            .Add(c => c.Visit, Visit with { Price = null, Address = null })
            .Add(c => c.Reason, "Приёмщик заболел"));

        Assert.Equal("Здравствуйте, Иван Сергеевич!", Greeting(email));
        Assert.Equal("Запись отменена", email.Find("h1").TextContent.Trim());
        Assert.Equal(AllFacts[..4], Facts(email));
        Assert.Equal("Причина: Приёмщик заболел", email.Find("[data-testid=email-reason]").TextContent.Trim());
        Assert.Equal("Приёмщик заболел", email.Find("[data-testid=email-reason] strong").TextContent);
        AssertActionLink(email, BookingsLink, "Открыть мои записи");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void The_cancellation_has_no_reason_line_when_none_is_given(string? reason)
    {
        var email = RenderRussian<BookingCancelledEmail>(p => p.Add(c => c.Visit, Visit).Add(c => c.Reason, reason));

        Assert.Empty(email.FindAll("[data-testid=email-reason]"));
        Assert.DoesNotContain("Причина", email.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cancellation_shows_what_the_manager_typed_as_text()
    {
        var email = RenderRussian<BookingCancelledEmail>(p => p.Add(c => c.Visit, Visit).Add(c => c.Reason, "<script>alert(1)</script>"));

        Assert.Empty(email.FindAll("script"));
        Assert.Equal("<script>alert(1)</script>", email.Find("[data-testid=email-reason] strong").TextContent);
    }

    [Fact]
    public void The_visit_details_show_price_and_address_only_when_given()
    {
        var full = Render<VisitDetails>(p => p
            .Add(c => c.When, Visit.When).Add(c => c.Advisor, Visit.Advisor).Add(c => c.Car, Visit.Car).Add(c => c.Work, Visit.Work)
            .Add(c => c.Price, Visit.Price).Add(c => c.Address, Visit.Address));
        var bare = Render<VisitDetails>(p => p
            .Add(c => c.When, Visit.When).Add(c => c.Advisor, Visit.Advisor).Add(c => c.Car, Visit.Car).Add(c => c.Work, Visit.Work)
            .Add(c => c.Price, null).Add(c => c.Address, "  "));

        Assert.Equal(AllFacts, Facts(full.Find("table")));
        Assert.Equal("8 478,50 ₽", full.Find("[data-testid=visit-price]").TextContent);
        Assert.Equal(AllFacts[..4], Facts(bare.Find("table")));
        Assert.Empty(bare.FindAll("[data-testid=visit-price]"));
    }

    [Fact]
    public void The_maintenance_reminder_names_the_car_and_the_date_and_links_to_booking()
    {
        const string link = "https://service.example/Booking";
        var email = RenderRussian<MaintenanceReminderEmail>(p => p
            .Add(c => c.Name, "Иван Сергеевич")
            .Add(c => c.Car, "Kia Rio (IV), А123ВС77")
            .Add(c => c.Since, "15.03.2025")
            .Add(c => c.BookingLink, link));

        Assert.Equal("Здравствуйте, Иван Сергеевич!", Greeting(email));
        Assert.Equal("Пора на ТО", email.Find("h1").TextContent.Trim());
        Assert.Equal("Для Kia Rio (IV), А123ВС77 подошло время ежегодного технического обслуживания: последнее ТО или покупка — 15.03.2025.",
            email.FindAll("p")[1].TextContent.Trim());
        AssertActionLink(email, link, "Записаться");
    }

    [Fact]
    public void A_campaign_shows_its_body_as_markup_and_an_unsubscribe_link()
    {
        const string unsubscribe = "https://service.example/Unsubscribe?token=abc.def";
        var email = RenderRussian<CampaignEmail>(p => p
            .Add(c => c.Subject, "Весенняя скидка")
            .Add(c => c.Name, "Иван Сергеевич")
            .Add(c => c.BodyHtml, "<p>Скидка <strong>20%</strong> на замену масла.</p><ul><li>до 31 марта</li></ul>")
            .Add(c => c.UnsubscribeLink, unsubscribe));

        Assert.Equal("Здравствуйте, Иван Сергеевич!", Greeting(email));
        Assert.Equal(("Весенняя скидка", "Весенняя скидка"), (email.Find("title").TextContent, email.Find("h1").TextContent.Trim()));
        var body = email.Find("[data-testid=campaign-body]");
        Assert.Equal("20%", body.QuerySelector("p > strong")!.TextContent);
        Assert.Equal("до 31 марта", body.QuerySelector("ul > li")!.TextContent);
        Assert.DoesNotContain("&lt;strong&gt;", email.Markup, StringComparison.Ordinal);
        var link = email.Find("[data-testid=email-unsubscribe]");
        Assert.Equal((unsubscribe, "Отписаться от рекламных писем"), (link.GetAttribute("href"), link.TextContent.Trim()));
    }
}
