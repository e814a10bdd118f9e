using ServiceBooking.Domain.Catalog;

namespace ServiceBooking.Web.Modules.Catalog.Entries;

/// <summary>
/// What a repair type's form offers: the active labour rates, models and parts plus the type's own, and the saved type's
/// price for its model (null for a new type or one for any model).
/// </summary>
public sealed record RepairTypeChoices(
    IReadOnlyList<LabourRate> LabourRates, IReadOnlyList<CarModel> Models, IReadOnlyList<Part> Parts, (Quote Quote, string ModelName)? Quote)
{
    /// <summary>
    /// The parts to list for the model <paramref name="modelId"/> (null: any model, every part): those that fit it, plus
    /// <paramref name="typed"/> whatever they fit, so that a part given a quantity stays in view with its refusal.
    /// </summary>
    public IReadOnlyList<Part> PartsFor(int? modelId, IReadOnlyCollection<int> typed)
    {
        var model = Models.FirstOrDefault(m => m.Id == modelId);
        return [.. Parts.Where(p => typed.Contains(p.Id) || modelId is null || (model is not null && p.FitsModel(model)))];
    }
}
