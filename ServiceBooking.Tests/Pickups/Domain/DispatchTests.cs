using ServiceBooking.Domain.Pickups;

namespace ServiceBooking.Tests.Pickups.Domain;

/// <summary>The dispatcher's rule: who of a district's drivers takes a request.</summary>
public sealed class DispatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(3));

    private static DriverCandidate Driver(string id, int[] districts, bool active = true, bool busy = false, int idleMinutes = 10) =>
        new(id, active, districts, busy, Now.AddMinutes(-idleMinutes));

    [Fact]
    public void The_request_goes_to_the_free_active_driver_of_its_district_idle_longest()
    {
        var drivers = new[]
        {
            Driver("other-district", [2], idleMinutes: 500),
            Driver("inactive", [1], active: false, idleMinutes: 400),
            Driver("busy", [1], busy: true, idleMinutes: 300),
            Driver("idle-20", [1, 2], idleMinutes: 20),
            Driver("idle-90", [1], idleMinutes: 90),
        };

        Assert.Equal("idle-90", Dispatch.DriverFor(1, drivers)?.DriverId);
        Assert.Equal("other-district", Dispatch.DriverFor(2, drivers)?.DriverId);
        Assert.Null(Dispatch.DriverFor(3, drivers));
    }

    [Fact]
    public void Drivers_idle_equally_long_are_told_apart_by_id_so_every_instance_chooses_the_same()
    {
        Assert.Equal("a", Dispatch.DriverFor(1, [Driver("b", [1]), Driver("a", [1])])?.DriverId);
    }
}
