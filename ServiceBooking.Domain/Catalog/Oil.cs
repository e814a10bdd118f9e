using System.Text.RegularExpressions;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Catalog;

/// <summary>Engine oil: a brand, an SAE viscosity grade (<c>5W-30</c>) and a price per litre.</summary>
public sealed partial class Oil : Entity
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
        Brand = Text.Required(brand, MaxBrandLength, "Oil.Brand");
        var grade = Text.Required(viscosity, 16, "Oil.Viscosity").ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        Viscosity = Grade().IsMatch(grade) ? grade : throw new DomainException("Oil.ViscosityInvalid");
        PricePerLitre = pricePerLitre.Amount > 0 ? pricePerLitre : throw new DomainException("Oil.PriceRequired");
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// <summary>SAE J300 grades: multigrade "0W-20", "10W-40", "75W-90"; or single grade "SAE30".</summary>
    [GeneratedRegex(@"^(\d{1,2}W-\d{2,3}|SAE\d{2,3})$")]
    private static partial Regex Grade();
}
