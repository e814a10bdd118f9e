using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Catalog.Domain;

public class CostCalculatorTests
{
    [Fact]
    public void The_worked_example_is_priced_to_the_kopeck()
    {
        // labour = 1.5 h × 2 500.00 ₽ × 1.15          = 4 312.50
        // oil    = 4.2 l × 890.00 ₽                    = 3 738.00
        // parts  = 2 × 450.50 + 1 × 1 200.00 = 901.00 + 1 200.00 = 2 101.00
        // total  = 4 312.50 + 2 101.00 + 3 738.00      = 10 151.50
        var oil = NewOil(brand: "Lukoil Genesis", viscosity: "5W-30", pricePerLitre: 890m);
        var rio = NewModel(name: "Kia Rio (IV)", coefficient: 1.15m, engine: NewEngine(oil: oil, oilVolumeLitres: 4.2m));
        var filter = NewPart(name: "Масляный фильтр", price: 450.5m, fits: [rio]);
        var pads = NewPart(name: "Колодки", price: 1200m, fits: [rio]);
        var type = NewRepairType(
            name: "ТО-1",
            normHours: 1.5m,
            rate: NewRate(pricePerHour: 2500m),
            model: rio,
            includesOilChange: true,
            parts: [(filter, 2), (pads, 1)]);

        var quote = CostCalculator.Calculate(type, rio);

        Assert.Equal("ТО-1", quote.RepairTypeName);
        Assert.Equal(1.5m, quote.NormHours);
        Assert.Equal(Rub(2500m), quote.LabourRate);
        Assert.Equal(1.15m, quote.Coefficient);
        Assert.Equal(4312.50m, quote.Labour.Amount);

        Assert.Collection(
            quote.Parts,
            line => Assert.Equal(new QuotePart("Масляный фильтр", 2, Rub(450.5m), Rub(901m)), line),
            line => Assert.Equal(new QuotePart("Колодки", 1, Rub(1200m), Rub(1200m)), line));
        Assert.Equal(2101.00m, quote.PartsTotal.Amount);

        Assert.Equal(new QuoteOil("Lukoil Genesis 5W-30", 4.2m, Rub(890m), Rub(3738m)), quote.Oil);
        Assert.Equal(10151.50m, quote.Total.Amount);
        Assert.Equal("10151.50", quote.Total.ToString());
    }

    [Fact]
    public void A_type_without_an_oil_change_has_no_oil_line_and_no_oil_in_the_total()
    {
        // labour = 1.0 h × 1 800.00 × 1.15 = 2 070.00; parts = 4 × 390.00 = 1 560.00; total = 3 630.00
        var rio = NewModel(coefficient: 1.15m, engine: NewEngine(oil: NewOil(pricePerLitre: 890m), oilVolumeLitres: 4.2m));
        var type = NewRepairType(
            normHours: 1m,
            rate: NewRate(pricePerHour: 1800m),
            model: rio,
            includesOilChange: false,
            parts: [(NewPart(name: "Свеча зажигания", price: 390m, fits: [rio]), 4)]);

        var quote = CostCalculator.Calculate(type, rio);

        Assert.Null(quote.Oil);
        Assert.Equal(2070m, quote.Labour.Amount);
        Assert.Equal(1560m, quote.PartsTotal.Amount);
        Assert.Equal(3630m, quote.Total.Amount);
    }

    [Fact]
    public void A_type_without_parts_costs_labour_and_oil_only()
    {
        // labour = 0.5 h × 2 000.00 × 1.00 = 1 000.00; oil = 4.0 l × 700.00 = 2 800.00; total = 3 800.00
        var model = NewModel(coefficient: 1m, engine: NewEngine(oil: NewOil(pricePerLitre: 700m), oilVolumeLitres: 4m));
        var type = NewRepairType(normHours: 0.5m, rate: NewRate(pricePerHour: 2000m), model: null, includesOilChange: true);

        var quote = CostCalculator.Calculate(type, model);

        Assert.Empty(quote.Parts);
        Assert.Equal(Money.Zero, quote.PartsTotal);
        Assert.Equal(2800m, quote.Oil!.Amount.Amount);
        Assert.Equal(3800m, quote.Total.Amount);
    }

    [Fact]
    public void A_type_for_any_model_is_priced_with_each_models_coefficient_and_engine()
    {
        // Диагностика, 1.2 h at 2 000.00 ₽, with an oil change:
        //   Kia Rio (IV), k = 1.00:    labour 1.2 × 2 000.00 × 1.00 = 2 400.00; oil 4.2 × 890.00 = 3 738.00; total 6 138.00
        //   Toyota Land Cruiser, k = 1.80: labour 1.2 × 2 000.00 × 1.80 = 4 320.00; oil 9.0 × 1 100.00 = 9 900.00; total 14 220.00
        var rio = NewModel(name: "Kia Rio (IV)", coefficient: 1m, engine: NewEngine(oil: NewOil(pricePerLitre: 890m), oilVolumeLitres: 4.2m));
        var cruiser = NewModel(
            name: "Toyota Land Cruiser (200)",
            coefficient: 1.8m,
            engine: NewEngine(code: "1VD-FTV", oil: NewOil(brand: "Toyota", viscosity: "0W-30", pricePerLitre: 1100m), oilVolumeLitres: 9m, displacementLitres: 4.5m));
        var type = NewRepairType(name: "Диагностика", normHours: 1.2m, rate: NewRate(pricePerHour: 2000m), model: null, includesOilChange: true);

        var rioQuote = CostCalculator.Calculate(type, rio);
        var cruiserQuote = CostCalculator.Calculate(type, cruiser);

        Assert.Equal(1m, rioQuote.Coefficient);
        Assert.Equal(2400m, rioQuote.Labour.Amount);
        Assert.Equal(6138m, rioQuote.Total.Amount);

        Assert.Equal(1.8m, cruiserQuote.Coefficient);
        Assert.Equal(4320m, cruiserQuote.Labour.Amount);
        Assert.Equal("Toyota 0W-30", cruiserQuote.Oil!.Name);
        Assert.Equal(9900m, cruiserQuote.Oil.Amount.Amount);
        Assert.Equal(14220m, cruiserQuote.Total.Amount);
    }

    [Theory]
    [InlineData("0.3", "1234.55", "1", "370.37")] // 370.365: half a kopeck rounds up
    [InlineData("0.3", "1234.54", "1", "370.36")] // 370.362 rounds down
    [InlineData("0.3", "1234.56", "1", "370.37")] // 370.368 rounds up
    [InlineData("0.1", "0.05", "1", "0.01")] // 0.005: half a kopeck rounds up
    [InlineData("0.1", "0.04", "1", "0.00")] // 0.004 rounds down to nothing
    [InlineData("1.5", "2500", "1.15", "4312.50")]
    [InlineData("100", "100000", "5", "50000000.00")] // the largest possible line is still a valid amount
    public void Labour_is_rounded_to_the_kopeck_half_away_from_zero(string hours, string rate, string coefficient, string expected)
    {
        var model = NewModel(coefficient: Dec(coefficient));
        var type = NewRepairType(normHours: Dec(hours), rate: NewRate(pricePerHour: Dec(rate)), model: model, includesOilChange: false);

        Assert.Equal(Dec(expected), CostCalculator.Calculate(type, model).Labour.Amount);
    }

    [Fact]
    public void Labour_is_rounded_once_not_after_each_multiplication()
    {
        // 0.3 h × 1 234.55 × 1.15 = 425.919 75 → 425.92.
        // Rounding 0.3 × 1 234.55 = 370.365 → 370.37 first would give 370.37 × 1.15 = 425.925 5 → 425.93.
        var model = NewModel(coefficient: 1.15m);
        var type = NewRepairType(normHours: 0.3m, rate: NewRate(pricePerHour: 1234.55m), model: model, includesOilChange: false);

        Assert.Equal(425.92m, CostCalculator.Calculate(type, model).Labour.Amount);
    }

    [Fact]
    public void The_total_is_the_sum_of_the_rounded_lines()
    {
        // labour = 0.3 h × 1 234.55 × 1.00 = 370.365  → 370.37
        // oil    = 4.1 l × 890.55          = 3 651.255 → 3 651.26
        // total  = 370.37 + 3 651.26 = 4 021.63 (rounding the exact sum 4 021.620 would give 4 021.62)
        var model = NewModel(coefficient: 1m, engine: NewEngine(oil: NewOil(pricePerLitre: 890.55m), oilVolumeLitres: 4.1m));
        var type = NewRepairType(normHours: 0.3m, rate: NewRate(pricePerHour: 1234.55m), model: model, includesOilChange: true);

        var quote = CostCalculator.Calculate(type, model);

        Assert.Equal(370.37m, quote.Labour.Amount);
        Assert.Equal(3651.26m, quote.Oil!.Amount.Amount);
        Assert.Equal(4021.63m, quote.Total.Amount);
        Assert.Equal(quote.Labour + quote.PartsTotal + quote.Oil.Amount, quote.Total);
    }

    [Fact]
    public void The_oil_line_is_rounded_to_the_kopeck()
    {
        // 3.5 l × 999.99 = 3 499.965 → 3 499.97
        var model = NewModel(engine: NewEngine(oil: NewOil(pricePerLitre: 999.99m), oilVolumeLitres: 3.5m));
        var type = NewRepairType(model: model, includesOilChange: true);

        var oil = CostCalculator.Calculate(type, model).Oil!;

        Assert.Equal(3.5m, oil.Litres);
        Assert.Equal(Rub(999.99m), oil.PricePerLitre);
        Assert.Equal(3499.97m, oil.Amount.Amount);
    }

    [Fact]
    public void Each_parts_line_is_quantity_times_price_and_parts_total_is_their_sum()
    {
        // 3 × 333.33 = 999.99; 100 × 0.01 = 1.00; parts total 1 000.99
        var type = NewRepairType(model: null, parts: [(NewPart(name: "Болт", price: 333.33m), 3), (NewPart(name: "Шайба", price: 0.01m), 100)]);

        var quote = CostCalculator.Calculate(type, NewModel());

        Assert.Equal([999.99m, 1m], quote.Parts.Select(p => p.Amount.Amount));
        Assert.Equal([3, 100], quote.Parts.Select(p => p.Quantity));
        Assert.Equal(1000.99m, quote.PartsTotal.Amount);
    }

    [Fact]
    public void A_type_for_another_model_is_refused_and_both_are_named()
    {
        var rio = NewModel(name: "Kia Rio (IV)");
        var solaris = NewModel(name: "Hyundai Solaris (II)");
        var type = NewRepairType(name: "ТО-2", model: rio);

        var error = Assert.Throws<DomainException>(() => CostCalculator.Calculate(type, solaris));

        Assert.Equal("RepairType.NotForModel", error.Code);
        Assert.Equal(["ТО-2", "Hyundai Solaris (II)"], error.Arguments);
    }

    [Fact]
    public void A_quote_is_a_snapshot_that_later_price_changes_do_not_touch()
    {
        var oil = NewOil(pricePerLitre: 890m);
        var rate = NewRate(pricePerHour: 2500m);
        var filter = NewPart(price: 450.5m);
        var model = NewModel(coefficient: 1.15m, engine: NewEngine(oil: oil, oilVolumeLitres: 4.2m));
        var type = NewRepairType(normHours: 1.5m, rate: rate, model: null, includesOilChange: true, parts: [(filter, 2)]);
        var quote = CostCalculator.Calculate(type, model);

        oil.Update(oil.Brand, oil.Viscosity, Rub(990m));
        rate.Update(rate.Name, rate.Kind, Rub(3000m));
        filter.Update("Фильтр (новый)", filter.Article, Rub(500m), []);
        model.Update(model.Name, 2m, model.Engine);

        Assert.Equal(Rub(890m), quote.Oil!.PricePerLitre);
        Assert.Equal(3738m, quote.Oil.Amount.Amount);
        Assert.Equal(Rub(2500m), quote.LabourRate);
        Assert.Equal(1.15m, quote.Coefficient);
        Assert.Equal(4312.5m, quote.Labour.Amount);
        Assert.Equal(new QuotePart("Масляный фильтр", 2, Rub(450.5m), Rub(901m)), Assert.Single(quote.Parts));
        Assert.Equal(8951.5m, quote.Total.Amount);

        Assert.Equal(4.2m * 990m, CostCalculator.Calculate(type, model).Oil!.Amount.Amount);
    }
}
