using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Catalog;

public enum LabourKind
{
    Diagnostics,
    Maintenance,
    ExtraEquipment,
}

/// <summary>A kind of labour hour (нормочас) and its price: diagnostics, maintenance, fitting extra equipment.</summary>
public sealed class LabourRate : Entity, IActivatable
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
        var value = Text.Required(name, 100, "LabourRate.Name");
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("LabourRate.KindInvalid");
        }

        if (pricePerHour.Amount <= 0)
        {
            throw new DomainException("LabourRate.PriceRequired");
        }

        (Name, Kind, PricePerHour) = (value, kind, pricePerHour);
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
