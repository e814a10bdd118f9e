using PhoneNumbers;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Web.Platform.Validation;

/// <summary>
/// Phone numbers typed by staff for people who call or walk in, checked with libphonenumber (Google's metadata of every
/// country's numbering plan) and kept in E.164, "+79001234567", so that one person's number is one string however it was
/// typed. A number without "+" is read as Russian: "8 (900) 123-45-67", "900 123 45 67" and "+7 900 1234567" are one.
/// </summary>
/// <remarks>
/// Outside the Domain because the metadata is a library's, not a rule of ours; the Domain keeps what this gives
/// (<c>WorkOrder.Phone</c>, <c>BlacklistEntry.Phone</c>). Account phones use the Domain's simpler <c>PhoneNumber</c>, which
/// gives the same E.164 for every valid Russian mobile number, so the two compare.
/// </remarks>
public static class Phones
{
    public const string DefaultRegion = "RU";

    /// <summary>The longest E.164 number: "+" and 15 digits.</summary>
    public const int MaxLength = 16;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>E.164 for a valid number; throws <c>Phone.Required</c> or <c>Phone.Invalid</c> (messages of the Domain's codes).</summary>
    public static string Normalise(string? input)
    {
        var typed = (input ?? string.Empty).Trim();
        if (typed.Length == 0)
        {
            throw new DomainException("Phone.Required");
        }

        return TryParse(typed) is { } number ? Util.Format(number, PhoneNumberFormat.E164) : throw new DomainException("Phone.Invalid");
    }

    /// <summary>E.164, or null when the input is empty or not a valid number (for checks while someone types).</summary>
    public static string? TryNormalise(string? input) =>
        string.IsNullOrWhiteSpace(input) ? null : TryParse(input.Trim()) is { } number ? Util.Format(number, PhoneNumberFormat.E164) : null;

    /// <summary>"+7 900 123-45-67": the international form to read; a stored value it cannot read is shown as it is.</summary>
    public static string Display(string? e164) =>
        string.IsNullOrEmpty(e164) ? string.Empty : TryParse(e164) is { } number ? Util.Format(number, PhoneNumberFormat.INTERNATIONAL) : e164;

    private static PhoneNumber? TryParse(string typed)
    {
        try
        {
            var number = Util.Parse(typed, DefaultRegion);
            return Util.IsValidNumber(number) ? number : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
