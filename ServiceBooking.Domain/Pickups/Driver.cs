using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Pickups;

/// <summary>
/// A driver's working profile beside their account (role Driver): the districts they serve and whether they take jobs.
/// An Admin or a manager keeps it; the dispatcher reads it (<see cref="Dispatch"/>).
/// </summary>
public sealed class Driver : Entity, IActivatable
{
    private Driver()
    {
    }

    public string UserId { get; private set; } = string.Empty;

    public bool IsActive { get; private set; } = true;

    /// <summary>When the profile was made: the idle time of a driver who never finished a job counts from here.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public List<int> DistrictIds { get; private set; } = [];

    public static Driver Create(string userId, IEnumerable<int> districtIds, DateTimeOffset now)
    {
        var driver = new Driver { UserId = userId, CreatedAt = now };
        driver.Serve(districtIds);
        return driver;
    }

    /// <summary>The districts served: at least one.</summary>
    public void Serve(IEnumerable<int> districtIds)
    {
        var districts = districtIds.Distinct().Order().ToList();
        DistrictIds = districts.Count == 0 ? throw new DomainException("Driver.NoDistrict") : districts;
    }

    public void Activate() => IsActive = true;

    public void Deactivate() => IsActive = false;
}
