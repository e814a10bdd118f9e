using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Catalog;

/// <summary>A part or consumable from the store (filters, plugs, pads) with its price and the models it fits.</summary>
public sealed class Part : Entity, IActivatable
{
    private readonly List<CarModel> _compatibleModels = [];

    private Part()
    {
    }

    public Part(string name, string? article, Money price, IEnumerable<CarModel> compatibleModels)
    {
        Update(name, article, price, compatibleModels);
        IsActive = true;
    }

    public string Name { get; private set; } = string.Empty;

    /// <summary>The manufacturer's part number, when known.</summary>
    public string? Article { get; private set; }

    public Money Price { get; private set; }

    public bool IsActive { get; private set; }

    public IReadOnlyCollection<CarModel> CompatibleModels => _compatibleModels;

    public void Update(string name, string? article, Money price, IEnumerable<CarModel> compatibleModels)
    {
        var value = Text.Required(name, 120, "Part.Name");
        var number = Text.Optional(article, 64, "Part.Article");
        if (price.Amount <= 0)
        {
            throw new DomainException("Part.PriceRequired");
        }

        var models = compatibleModels.ToList();
        if (models.FirstOrDefault(m => !Choices.MayChoose(m, _compatibleModels)) is { } inactive)
        {
            throw new DomainException("Part.ModelInactive", inactive.Name);
        }

        (Name, Article, Price) = (value, number, price);
        _compatibleModels.RemoveAll(existing => !models.Any(m => m.SameAs(existing)));
        _compatibleModels.AddRange(models.Where(m => !_compatibleModels.Any(existing => existing.SameAs(m))));
    }

    public bool FitsModel(CarModel model) => _compatibleModels.Any(m => m.SameAs(model));

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
