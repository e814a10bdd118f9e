using System.ComponentModel.DataAnnotations;

namespace ServiceBooking.Web.Hosting;

/// <summary>Configuration section <c>ServiceCentre</c>: facts about the workshop the site runs.</summary>
public sealed class ServiceCentreOptions : IValidatableObject
{
    public const string Section = "ServiceCentre";

    /// <summary>IANA time zone of the workshop; every booking time is in this zone.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Moscow";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Unknown time zone '{TimeZone}'.", [nameof(TimeZone)]);
        }
    }
}
