using System.Text.RegularExpressions;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Catalog;

/// <summary>Engine oil: a brand, an SAE viscosity grade (<c>5W-30</c>) and a price per litre.</summary>
public sealed partial class Oil : Entity, IActivatable
{
    public const int MaxBrandLength = 64;

    private Oil()
    {
    }

    public Oil(string brand, string viscosity, Money pricePerLitre)
    {
        Update(brand, viscosity, pricePerLitre);
        IsActive = true;
    }

    public string Brand { get; private set; } = string.Empty;

    public string Viscosity { get; private set; } = string.Empty;

    public Money PricePerLitre { get; private set; }

    public bool IsActive { get; private set; }

    public string Name => $"{Brand} {Viscosity}";

    public void Update(string brand, string viscosity, Money pricePerLitre)
    {
        var name = Text.Required(brand, MaxBrandLength, "Oil.Brand");
        var grade = Text.Required(viscosity, 16, "Oil.Viscosity").ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!Grade().IsMatch(grade))
        {
            throw new DomainException("Oil.ViscosityInvalid");
        }

        if (pricePerLitre.Amount <= 0)
        {
            throw new DomainException("Oil.PriceRequired");
        }

        (Brand, Viscosity, PricePerLitre) = (name, grade, pricePerLitre);
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// <summary>SAE J300 grades: multigrade "0W-20", "10W-40", "75W-90"; or single grade "SAE30".</summary>
    [GeneratedRegex("^([0-9]{1,2}W-[0-9]{2,3}|SAE[0-9]{2,3})$")]
    private static partial Regex Grade();
}
