using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;

namespace ServiceBooking.Web.Platform.Data;

/// <summary>How the Domain's value objects are stored: as their plain value, validated again when read.</summary>
internal static class Converters
{
    public static readonly ValueConverter<Money, decimal> Money = new(m => m.Amount, d => Domain.Common.Money.FromRoubles(d));
    public static readonly ValueConverter<Vin, string> Vin = new(v => v.Value, s => Domain.Garage.Vin.Parse(s));
    public static readonly ValueConverter<PlateNumber, string> Plate = new(p => p.Value, s => PlateNumber.Parse(s));
    public static readonly ValueConverter<RegistrationCertificateNumber, string> Certificate =
        new(c => c.Value, s => RegistrationCertificateNumber.Parse(s));
    public static readonly ValueConverter<Mileage, int> Mileage = new(m => m.Kilometres, k => Domain.Garage.Mileage.FromKilometres(k));

    /// <summary>Roubles with kopecks: numeric(12,2).</summary>
    public static PropertyBuilder<Money> IsMoney(this PropertyBuilder<Money> property) =>
        property.HasConversion(Money).HasPrecision(12, 2);
}
