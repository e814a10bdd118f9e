using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Catalog;

public enum LabourKind
{
    Diagnostics,
    Maintenance,
    ExtraEquipment,
}

/// <summary>A kind of labour hour (нормочас) and its price: diagnostics, maintenance, fitting extra equipment.</summary>
public sealed class LabourRate : Entity
{
    private LabourRate()
    {
    }

    public LabourRate(string name, LabourKind kind, Money pricePerHour)
    {
        Update(name, kind, pricePerHour);
        IsActive = true;
    }

    public string Name { get; private set; } = string.Empty;

    public LabourKind Kind { get; private set; }

    public Money PricePerHour { get; private set; }

    public bool IsActive { get; private set; }

    public void Update(string name, LabourKind kind, Money pricePerHour)
    {
        Name = Text.Required(name, 100, "LabourRate.Name");
        Kind = Enum.IsDefined(kind) ? kind : throw new DomainException("LabourRate.KindInvalid");
        PricePerHour = pricePerHour.Amount > 0 ? pricePerHour : throw new DomainException("LabourRate.PriceRequired");
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
