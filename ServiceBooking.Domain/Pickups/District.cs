using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Pickups;

/// <summary>
/// A district of the city the workshop collects cars from (PRODUCT.md section H). Drivers serve districts; a request
/// names one, and only a driver of it is sent. The Admin renames or deactivates a district rather than deleting it while
/// requests refer to it; names are unique (the database's index, ignoring case).
/// </summary>
public sealed class District : Entity, IActivatable
{
    public const int MaxNameLength = 100;

    private District()
    {
    }

    public string Name { get; private set; } = string.Empty;

    public bool IsActive { get; private set; } = true;

    public static District Create(string? name) => new() { Name = Text.Required(name, MaxNameLength, "District.Name") };

    public void Rename(string? name) => Name = Text.Required(name, MaxNameLength, "District.Name");

    public void Activate() => IsActive = true;

    public void Deactivate() => IsActive = false;
}
