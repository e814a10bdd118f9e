using System.Globalization;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Web.Platform.Localization;

/// <summary>How amounts, dates and times read in the reader's culture (ru-RU: "1 250,00 ₽", "24.11.2026", "14:30").</summary>
public static class Formats
{
    public static string Roubles(this Money money) => money.Amount.ToString("N2", CultureInfo.CurrentCulture) + " ₽";

    public static string Roubles(this decimal amount) => amount.ToString("N2", CultureInfo.CurrentCulture) + " ₽";

    public static string Day(this DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string Time(this TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A quantity such as litres or hours: "4,4" in Russian, "4.4" in English, no trailing zeros.</summary>
    public static string Quantity(this decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture);
}
