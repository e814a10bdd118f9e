using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Platform.Validation;

/// <summary>
/// Validates a form field with a rule of the Domain, so the page and the Domain never disagree: the rule throws a
/// <see cref="DomainException"/> and its localized message is shown next to the field.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public abstract class DomainRuleAttribute : ValidationAttribute
{
    /// <summary>When true an empty value passes (use <c>[Required]</c> for the required message).</summary>
    public bool AllowEmpty { get; set; } = true;

    protected abstract void Check(string value);

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var text = value as string;
        if (string.IsNullOrWhiteSpace(text) && AllowEmpty)
        {
            return ValidationResult.Success;
        }

        try
        {
            Check(text ?? string.Empty);
            return ValidationResult.Success;
        }
        catch (DomainException error)
        {
            var localizer = validationContext.GetService(typeof(IStringLocalizer<SharedResource>)) as IStringLocalizer;
            var message = localizer?.Message(error) ?? error.Code;
            return new ValidationResult(message, validationContext.MemberName is { } member ? [member] : null);
        }
    }
}

public sealed class NicknameAttribute : DomainRuleAttribute
{
    protected override void Check(string value) => Domain.Accounts.Nickname.Parse(value);
}

public sealed class EmailAttribute : DomainRuleAttribute
{
    protected override void Check(string value) => Domain.Accounts.EmailAddress.Parse(value);
}

/// <summary>One part of a person's name; <see cref="Part"/> is FirstName, LastName or Patronymic.</summary>
public sealed class NamePartAttribute(string part) : DomainRuleAttribute
{
    public string Part { get; } = part;

    protected override void Check(string value) => Domain.Accounts.PersonName.NamePart(value, Part);
}

public sealed class PhoneNumberAttribute : DomainRuleAttribute
{
    protected override void Check(string value) => Domain.Accounts.PhoneNumber.Parse(value);
}

public sealed class VinAttribute : DomainRuleAttribute
{
    protected override void Check(string value) => Domain.Garage.Vin.Parse(value);
}

public sealed class PlateAttribute : DomainRuleAttribute
{
    protected override void Check(string value) => Domain.Garage.PlateNumber.Parse(value);
}

public sealed class CertificateAttribute : DomainRuleAttribute
{
    protected override void Check(string value) => Domain.Garage.RegistrationCertificateNumber.Parse(value);
}
