using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Modules.Pickups;

namespace ServiceBooking.Tests.Pickups;

/// <summary>
/// Issue 14, item 7: requests agreed at the same moment in one district go one to each free driver, the rest wait, none
/// is lost or given twice; a driver freed takes the oldest waiting one exactly once. The database decides the races.
/// </summary>
public sealed class DispatchRaceTests(BookingFixture fixture) : BookingTest<BookingFixture>(fixture)
{
    private Task<T> DispatcherAsync<T>(Func<PickupDispatcher, Task<T>> work) =>
        WithServicesAsync(services => work(services.GetRequiredService<PickupDispatcher>()));

    private Task<PickupChange> JobsAsync(Func<DriverJobs, Task<PickupChange>> work) =>
        WithServicesAsync(services => work(services.GetRequiredService<DriverJobs>()));

    /// <summary>
    /// Requests waiting for the client's answer, the last <paramref name="inOther"/> of them in a second district, and
    /// drivers of the first district; the first driver, idle longest, serves the second district too.
    /// </summary>
    private async Task<(string ClientId, int District, List<int> Requests, List<string> Drivers)> WaitingForAnswerAsync(int requests, int drivers, int inOther = 0)
    {
        var (_, carId) = await ClientWithRioAsync("ivan");
        var clientId = await DbAsync(db => db.Users.Where(u => u.UserName == "ivan").Select(u => u.Id).SingleAsync());
        var driverIds = new List<string>();
        for (var i = 0; i < drivers; i++)
        {
            driverIds.Add((await CreateUserAsync(new UserBuilder($"driver{i}").WithName("Водителев", $"Пётр{(char)('а' + i)}"))).Id);
        }

        return await DbAsync(async db =>
        {
            var district = District.Create("Центральный");
            var other = District.Create("Северный");
            db.Districts.AddRange(district, other);
            await db.SaveChangesAsync();
            var now = DateTimeOffset.UtcNow;
            db.Drivers.AddRange(driverIds.Select((id, i) => Driver.Create(id, i == 0 ? [district.Id, other.Id] : [district.Id], now.AddMinutes(-100 + i))));
            var today = DateOnly.FromDateTime(DateTime.Today);
            var made = Enumerable.Range(0, requests).Select(i =>
            {
                var request = PickupRequest.Request(clientId, carId, $"ул. Ленина, {i + 1}", i >= requests - inOther ? other.Id : district.Id, today.AddDays(1), new TimeOnly(10, 0),
                    new TimeOnly(12, 0), null, today, now);
                request.Confirm("manager", DateTime.Now.AddDays(1), Money.FromRoubles(1500m), DateTime.Now, now);
                return request;
            }).ToList();
            db.PickupRequests.AddRange(made);
            await db.SaveChangesAsync();
            return (clientId, district.Id, made.Select(r => r.Id).ToList(), driverIds);
        });
    }

    private Task<List<PickupRequest>> RequestsAsync() => DbAsync(db => db.PickupRequests.AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    [Fact]
    public async Task Twenty_requests_agreed_at_once_with_five_free_drivers_give_one_to_each_and_queue_fifteen()
    {
        var (clientId, _, requests, drivers) = await WaitingForAnswerAsync(requests: 20, drivers: 5);

        await Task.WhenAll(requests.Select(id => Task.Run(() => DispatcherAsync(d => d.AgreeAsync(id, clientId, CancellationToken.None)))));

        var after = await RequestsAsync();
        Assert.All(after, r => Assert.Equal(PickupStatus.InProgress, r.Status));
        var given = after.Where(r => r.DriverId is not null).ToList();
        Assert.Equal(5, given.Count);
        Assert.Equal(drivers.Order(StringComparer.Ordinal), given.Select(r => r.DriverId!).Order(StringComparer.Ordinal));
        Assert.Equal(15, after.Count(r => r.WaitsForDriver));
    }

    [Fact]
    public async Task A_driver_freed_takes_the_oldest_waiting_request_once_and_a_second_finish_gives_nothing_twice()
    {
        var (clientId, _, requests, drivers) = await WaitingForAnswerAsync(requests: 4, drivers: 2);
        foreach (var id in requests)
        {
            await DispatcherAsync(d => d.AgreeAsync(id, clientId, CancellationToken.None));
        }

        var before = await RequestsAsync();
        // The two oldest agreements went to the two drivers, the driver idle longest first.
        Assert.Equal([drivers[0], drivers[1], null, null], before.Select(r => r.DriverId));

        var finished = before[0];
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
            JobsAsync(j => j.CompleteAsync(drivers[0], finished.Id, "Забрал", CancellationToken.None)))));

        // One finish stands; the others are told the job moved on, and the client is invoiced once.
        Assert.Single(outcomes.OfType<PickupChange.Done>());
        Assert.All(outcomes.Where(o => o is not PickupChange.Done), o => Assert.IsType<PickupChange.Refused>(o));
        Assert.Equal(1, await DbAsync(db => db.Outbox.CountAsync(m => m.Kind == ServiceBooking.Web.Platform.Notifications.NoticeKind.PickupInvoice)));
        var after = await RequestsAsync();
        Assert.Equal(PickupStatus.AwaitingPayment, after[0].Status);
        Assert.Equal([drivers[0], drivers[1], drivers[0], null], after.Select(r => r.DriverId));
        Assert.Equal(1, after.Count(r => r.WaitsForDriver));
    }

    [Fact]
    public async Task A_driver_freed_takes_the_oldest_waiting_request_of_any_district_they_serve()
    {
        // Requests 0–2 in the first district, 3 in the second, which only the first driver serves.
        var (clientId, _, requests, drivers) = await WaitingForAnswerAsync(requests: 4, drivers: 2, inOther: 1);
        foreach (var id in new[] { requests[0], requests[1], requests[3], requests[2] })
        {
            Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            await DispatcherAsync(d => d.AgreeAsync(id, clientId, CancellationToken.None));
        }

        Assert.Equal([drivers[0], drivers[1], null, null], (await RequestsAsync()).Select(r => r.DriverId));
        Fixture.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.IsType<PickupChange.Done>(await JobsAsync(j => j.CompleteAsync(drivers[0], requests[0], null, CancellationToken.None)));

        // The second district's request was agreed before the first district's last one: the freed driver takes it.
        Assert.Equal([drivers[0], drivers[1], null, drivers[0]], (await RequestsAsync()).Select(r => r.DriverId));
    }

    [Fact]
    public async Task Agreeing_answers_the_request_as_the_dispatch_left_it()
    {
        var (clientId, _, requests, drivers) = await WaitingForAnswerAsync(requests: 2, drivers: 1);

        var first = await DispatcherAsync(d => d.AgreeAsync(requests[0], clientId, CancellationToken.None));
        var second = await DispatcherAsync(d => d.AgreeAsync(requests[1], clientId, CancellationToken.None));

        Assert.Equal((drivers[0], false), (first?.DriverId, first?.WaitsForDriver));
        Assert.Equal((null, true), (second?.DriverId, second?.WaitsForDriver));
    }
}
