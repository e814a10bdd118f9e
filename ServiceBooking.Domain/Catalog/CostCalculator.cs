using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Catalog;

/// <summary>
/// The preliminary cost of a repair type for a car model (PRODUCT.md section C):
/// <code>
/// labour = norm-hours × labour rate price × model coefficient
/// parts  = Σ quantity × part price
/// oil    = engine oil volume × oil price per litre   (only when the type includes an oil change)
/// total  = labour + parts + oil
/// </code>
/// Every line is rounded to kopecks half away from zero, and the total is the sum of the lines as shown, so the
/// breakdown a client sees always adds up to the total.
/// </summary>
public static class CostCalculator
{
    public static Quote Calculate(RepairType type, CarModel model)
    {
        if (!type.IsFor(model))
        {
            throw new DomainException("RepairType.NotForModel", type.Name, model.Name);
        }

        var rate = type.LabourRate.PricePerHour;
        var labour = rate.Times(type.NormHours * model.Coefficient);
        var parts = type.Parts
            .Select(p => new QuotePart(p.Part.Name, p.Quantity, p.Part.Price, p.Part.Price.Times(p.Quantity)))
            .ToList()
            .AsReadOnly();
        QuoteOil? oil = null;
        if (type.IncludesOilChange)
        {
            var engine = model.Engine;
            oil = new QuoteOil(engine.Oil.Name, engine.OilVolumeLitres, engine.Oil.PricePerLitre, engine.Oil.PricePerLitre.Times(engine.OilVolumeLitres));
        }

        var partsTotal = parts.Aggregate(Money.Zero, (sum, line) => sum + line.Amount);
        var total = labour + partsTotal + (oil?.Amount ?? Money.Zero);
        return new Quote(type.Name, type.NormHours, rate, model.Coefficient, labour, parts, partsTotal, oil, total);
    }
}

/// <summary>A priced repair type for one car model: the lines and their total.</summary>
public sealed record Quote(
    string RepairTypeName,
    decimal NormHours,
    Money LabourRate,
    decimal Coefficient,
    Money Labour,
    IReadOnlyList<QuotePart> Parts,
    Money PartsTotal,
    QuoteOil? Oil,
    Money Total)
{
    /// <summary>The hours the labour is priced for: the norm-hours times the model's coefficient.</summary>
    public decimal BilledHours => decimal.Round(NormHours * Coefficient, 2, MidpointRounding.AwayFromZero);
}

public sealed record QuotePart(string Name, int Quantity, Money UnitPrice, Money Amount);

public sealed record QuoteOil(string Name, decimal Litres, Money PricePerLitre, Money Amount);
