using System.ComponentModel.DataAnnotations;

namespace ServiceBooking.Web.Platform.Hosting;

/// <summary>Configuration section <c>ServiceCentre</c>: facts about the workshop the site runs.</summary>
public sealed class ServiceCentreOptions : IValidatableObject
{
    public const string Section = "ServiceCentre";

    /// <summary>IANA time zone of the workshop; every booking time is in this zone.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Moscow";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>How the workshop signs its emails and calendar entries.</summary>
    public string Name { get; set; } = "ServiceBooking";

    /// <summary>Where the visits happen (shown in emails and in the calendar entry).</summary>
    public string Address { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Unknown time zone '{TimeZone}'.", [nameof(TimeZone)]);
        }
    }
}
