using ServiceBooking.Domain.Pickups;

namespace ServiceBooking.Tests.Pickups.Domain;

/// <summary>The dispatcher's rule: who of a district's drivers takes a request, and which waiting request a freed driver takes.</summary>
public sealed class DispatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(3));

    private static DriverCandidate Driver(string id, int[] districts, bool active = true, bool busy = false, int idleMinutes = 10) =>
        new(id, active, districts, busy, Now.AddMinutes(-idleMinutes));

    private static PickupRequest Waiting(int district, int agreedMinutesAgo)
    {
        var request = PickupRequest.Request("client-1", 7, "ул. Ленина, 5", district, new DateOnly(2026, 12, 2), new TimeOnly(10, 0),
            new TimeOnly(12, 0), null, new DateOnly(2026, 12, 1), Now);
        request.Confirm("manager-1", new DateTime(2026, 12, 2, 11, 0, 0), new DateTime(2026, 12, 1, 9, 0, 0), Now);
        request.Agree(Now.AddMinutes(-agreedMinutesAgo));
        return request;
    }

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

    [Fact]
    public void A_freed_driver_takes_the_oldest_agreed_request_of_a_district_they_serve()
    {
        var newer = Waiting(district: 1, agreedMinutesAgo: 5);
        var older = Waiting(district: 1, agreedMinutesAgo: 30);
        var elsewhere = Waiting(district: 4, agreedMinutesAgo: 90);
        var taken = Waiting(district: 1, agreedMinutesAgo: 60);
        taken.AssignTo("someone", Now);

        Assert.Same(older, Dispatch.NextFor(Driver("d", [1]), [newer, elsewhere, taken, older]));
        Assert.Same(elsewhere, Dispatch.NextFor(Driver("d", [1, 4]), [newer, elsewhere, taken, older]));
        Assert.Null(Dispatch.NextFor(Driver("d", [1], busy: true), [older]));
        Assert.Null(Dispatch.NextFor(Driver("d", [1], active: false), [older]));
        Assert.Null(Dispatch.NextFor(Driver("d", [2]), [older]));
    }
}
