using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Modules.Bookings;
using ServiceBooking.Web.Modules.Bookings.Components;
using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Bookings.Components;

public sealed class QuoteViewTests : BunitContext
{
    private readonly CarModel _rio =
        NewModel(name: "Kia Rio (IV)", coefficient: 1.05m, engine: NewEngine(oil: NewOil(brand: "Lukoil Genesis", viscosity: "5W-30", pricePerLitre: 890m), oilVolumeLitres: 4.2m));

    public QuoteViewTests() => Services.AddLocalization(options => options.ResourcesPath = "Resources");

    /// <summary>
    /// labour = 1 h × 2 600.00 × 1.05 = 2 730.00; parts = 1 × 450.50 + 4 × 390.00 = 450.50 + 1 560.00;
    /// oil = 4.2 l × 890.00 = 3 738.00 (with an oil change); total 8 478.50 with oil, 4 740.50 without.
    /// </summary>
    private Quote QuoteFor(bool includesOilChange = true, bool withParts = true, string name = "ТО-1")
    {
        (Part, int)[] parts = withParts
            ? [(NewPart(name: "Масляный фильтр", price: 450.5m, fits: [_rio]), 1), (NewPart(name: "Свеча зажигания", price: 390m, fits: [_rio]), 4)]
            : [];
        var type = NewRepairType(name: name, normHours: 1m, rate: NewRate(pricePerHour: 2600m), model: _rio, includesOilChange: includesOilChange, parts: parts);
        return CostCalculator.Calculate(type, _rio);
    }

    /// <summary>The text as shown: non-breaking spaces (the ru-RU thousands separator) as spaces.</summary>
    private static string Shown(IElement element) => element.TextContent.Replace('\u00A0', ' ').Trim();

    private static (string Label, string Amount) Line(IElement row) =>
        (Shown(row.QuerySelector("th")!), Shown(row.QuerySelector("td")!));

    [Fact]
    public void The_labour_line_shows_hours_rate_and_coefficient()
    {
        var quote = Render<QuoteView>(p => p.Add(q => q.Quote, QuoteFor()));

        Assert.Equal(("Работа: 1 ч × 2 600,00 ₽ × коэффициент 1,05", "2 730,00 ₽"), Line(quote.Find("[data-testid=quote-labour]")));
    }

    [Fact]
    public void Each_part_has_its_own_line_with_quantity_and_unit_price()
    {
        var quote = Render<QuoteView>(p => p.Add(q => q.Quote, QuoteFor()));

        Assert.Equal(
            [("Масляный фильтр: 1 × 450,50 ₽", "450,50 ₽"), ("Свеча зажигания: 4 × 390,00 ₽", "1 560,00 ₽")],
            quote.FindAll("[data-testid=quote-part]").Select(Line));
    }

    [Fact]
    public void Work_with_an_oil_change_has_an_oil_line_and_the_total_includes_it()
    {
        var quote = Render<QuoteView>(p => p.Add(q => q.Quote, QuoteFor(includesOilChange: true)));

        Assert.Equal(("Масло Lukoil Genesis 5W-30: 4,2 л × 890,00 ₽", "3 738,00 ₽"), Line(quote.Find("[data-testid=quote-oil]")));
        Assert.Equal(("Итого", "8 478,50 ₽"), Line(quote.Find("[data-testid=quote-total]")));
    }

    [Fact]
    public void Work_without_an_oil_change_has_no_oil_line()
    {
        var quote = Render<QuoteView>(p => p.Add(q => q.Quote, QuoteFor(includesOilChange: false)));

        Assert.Empty(quote.FindAll("[data-testid=quote-oil]"));
        Assert.Equal(("Итого", "4 740,50 ₽"), Line(quote.Find("[data-testid=quote-total]")));
    }

    [Fact]
    public void Work_without_parts_has_no_part_lines()
    {
        var quote = Render<QuoteView>(p => p.Add(q => q.Quote, QuoteFor(withParts: false)));

        Assert.Empty(quote.FindAll("[data-testid=quote-part]"));
        Assert.Equal(3, quote.FindAll("tr").Count); // labour, oil, total
        Assert.Equal(("Итого", "6 468,00 ₽"), Line(quote.Find("[data-testid=quote-total]")));
    }

    [Fact]
    public void Every_repair_type_is_a_radio_named_repairTypeId_with_its_total_beside_it()
    {
        var choice = Render<RepairTypeChoice>(p => p
            .Add(c => c.Types, [new PricedRepairType(3, "ТО-1", QuoteFor()), new PricedRepairType(5, "Диагностика", QuoteFor(includesOilChange: false, withParts: false, name: "Диагностика"))])
            .Add(c => c.SelectedId, null));

        var radios = choice.FindAll("input[type=radio]");
        Assert.Equal(["repairTypeId", "repairTypeId"], radios.Select(r => r.GetAttribute("name")));
        Assert.Equal(["3", "5"], radios.Select(r => r.GetAttribute("value")));
        Assert.Equal("ТО-1", choice.Find("label[for=repair-type-3]").TextContent);
        Assert.Equal("Диагностика", choice.Find("label[for=repair-type-5]").TextContent);
        Assert.Equal(["8 478,50 ₽", "2 730,00 ₽"], choice.FindAll("[data-testid=repair-type-total]").Select(Shown));
        Assert.Equal(2, choice.FindAll("[data-testid=repair-type] [data-testid=quote]").Count);
        Assert.Empty(choice.FindAll("input[checked]"));
        Assert.Empty(choice.FindAll("[data-testid=RepairTypeId-error]"));
        Assert.Empty(choice.FindAll("[data-testid=repair-types-empty]"));
        Assert.Equal("Вид работ", choice.Find("legend").TextContent);
    }

    [Fact]
    public void The_selected_repair_type_is_checked()
    {
        var choice = Render<RepairTypeChoice>(p => p
            .Add(c => c.Types, [new PricedRepairType(3, "ТО-1", QuoteFor()), new PricedRepairType(5, "Диагностика", QuoteFor(name: "Диагностика"))])
            .Add(c => c.SelectedId, 5));

        Assert.Equal("5", Assert.Single(choice.FindAll("input[checked]")).GetAttribute("value"));
    }

    [Fact]
    public void The_message_is_shown_as_an_alert_above_the_choices()
    {
        var choice = Render<RepairTypeChoice>(p => p
            .Add(c => c.Types, [new PricedRepairType(3, "ТО-1", QuoteFor())])
            .Add(c => c.Message, "Выберите вид работ."));

        var message = choice.Find("[data-testid=RepairTypeId-error]");
        Assert.Equal("Выберите вид работ.", message.TextContent);
        Assert.Equal("alert", message.GetAttribute("role"));
    }

    [Fact]
    public void A_car_with_no_work_for_its_model_is_told_so_and_gets_no_radios()
    {
        var choice = Render<RepairTypeChoice>(p => p.Add(c => c.Types, []));

        Assert.Equal("Для модели этого автомобиля пока нет видов работ. Позвоните в сервис.", choice.Find("[data-testid=repair-types-empty]").TextContent);
        Assert.Empty(choice.FindAll("input[type=radio]"));
    }
}
