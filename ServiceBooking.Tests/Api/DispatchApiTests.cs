using System.Net;
using System.Text.Json;
using ServiceBooking.Domain.Api;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Api;

/// <summary>Seed 003's dispatch service through the API: districts, drivers, jobs published, looked up and completed.</summary>
public sealed class DispatchApiTests(BookingFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_dispatch_service_registers_a_driver_publishes_jobs_and_the_driver_completes_them_in_turn()
    {
        var admin = Api(await TokenAsync(await AdminIdAsync(), ApiScopes.Read, ApiScopes.Dispatch));
        var desk = Api(await TokenAsync(await StaffAsync("desk", Roles.Manager), ApiScopes.Read, ApiScopes.Dispatch));
        var (_, carId) = await ClientWithRioAsync("anna");
        var clientId = await UserIdAsync("anna");

        // The Admin adds a district; the desk registers a driver serving it.
        var district = await JsonAsync(await PostAsync(admin, "/api/v1/districts", new { name = "Центральный" }));
        var districtId = district.GetProperty("id").GetInt32();
        using var registered = await PostAsync(desk, "/api/v1/drivers", new
        {
            nickname = "petya", email = "petya@example.ru", lastName = "Шофёров", firstName = "Пётр", phone = "8 916 000-00-77", districtIds = new[] { districtId },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var driverId = (await JsonAsync(registered)).GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/drivers/{driverId}", registered.Headers.Location?.OriginalString);

        // The first job goes to the free driver; the second waits in the district's queue.
        using var first = await PostAsync(desk, "/api/v1/jobs", Job(clientId, carId, districtId));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstJob = await JsonAsync(first);
        Assert.Equal(("Assigned", driverId), (firstJob.GetProperty("state").GetString(), firstJob.GetProperty("driverId").GetString()));
        var secondJob = await JsonAsync(await PostAsync(desk, "/api/v1/jobs", Job(clientId, carId, districtId, "ул. Мира, 1")));
        Assert.Equal(JsonValueKind.Null, secondJob.GetProperty("driverId").ValueKind);
        Assert.Equal("Queued", secondJob.GetProperty("state").GetString());

        // The driver's card has the active job; the list has the driver.
        var card = await JsonAsync(await desk.GetAsync($"/api/v1/drivers/{driverId}"));
        Assert.Equal(firstJob.GetProperty("id").GetInt32(), card.GetProperty("activeJob").GetProperty("id").GetInt32());
        Assert.Equal(0, card.GetProperty("completedJobs").GetInt32());
        var list = await JsonAsync(await desk.GetAsync("/api/v1/drivers"));
        Assert.Contains(list.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetString() == driverId);

        // Completed after 40 minutes: awaiting payment, and the driver takes the queued job.
        Fixture.Clock.Advance(TimeSpan.FromMinutes(40));
        using var done = await PostAsync(desk, $"/api/v1/jobs/{firstJob.GetProperty("id").GetInt32()}/complete", new { comment = "Забрал" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("AwaitingPayment", (await JsonAsync(done)).GetProperty("state").GetString());
        var next = await JsonAsync(await desk.GetAsync($"/api/v1/jobs/{secondJob.GetProperty("id").GetInt32()}"));
        Assert.Equal(("Assigned", driverId), (next.GetProperty("state").GetString(), next.GetProperty("driverId").GetString()));
        card = await JsonAsync(await desk.GetAsync($"/api/v1/drivers/{driverId}"));
        Assert.Equal((1, 40.0), (card.GetProperty("completedJobs").GetInt32(), card.GetProperty("averageCompletionMinutes").GetDouble()));

        // Completing it again is an error; so is an unknown job.
        using var again = await PostAsync(desk, $"/api/v1/jobs/{firstJob.GetProperty("id").GetInt32()}/complete", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        using var unknown = await PostAsync(desk, "/api/v1/jobs/999999/complete", new { });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_driver_signed_in_from_the_phone_sees_and_completes_only_their_own_jobs()
    {
        var desk = Api(await TokenAsync(await StaffAsync("desk", Roles.Manager), ApiScopes.Read, ApiScopes.Dispatch));
        var district = await DistrictAsync("Центральный");
        var (_, petya) = await DriverAsync("petya", district);
        var (_, dima) = await DriverAsync("dima", district);
        var (_, carId) = await ClientWithRioAsync("anna");
        var clientId = await UserIdAsync("anna");
        var jobs = new List<JsonElement>();
        for (var i = 0; i < 2; i++)
        {
            jobs.Add(await JsonAsync(await PostAsync(desk, "/api/v1/jobs", Job(clientId, carId, district, $"ул. Мира, {i + 1}"))));
        }

        var mine = jobs.Single(j => j.GetProperty("driverId").GetString() == petya).GetProperty("id").GetInt32();
        var theirs = jobs.Single(j => j.GetProperty("driverId").GetString() == dima).GetProperty("id").GetInt32();
        var signIn = await JsonAsync(await PostAsync(Api(), "/api/v1/auth/sign-in", new { userName = "petya", password = "secret-pass1", device = "Android" }));
        var phone = Api(signIn.GetProperty("accessToken").GetString());

        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/api/v1/jobs/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync($"/api/v1/jobs/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(phone, $"/api/v1/jobs/{theirs}/complete", new { })).StatusCode);
        // Publishing is the desk's: a driver's session has the scope but not the role.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(phone, "/api/v1/jobs", Job(clientId, carId, district))).StatusCode);
        using var done = await PostAsync(phone, $"/api/v1/jobs/{mine}/complete", new { comment = "Забрал" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(PickupStatus.AwaitingPayment, (await PickupAsync(mine)).Status);
    }

    [Fact]
    public async Task Publishing_with_bad_fields_names_each_of_them_and_creates_nothing()
    {
        var desk = Api(await TokenAsync(await StaffAsync("desk", Roles.Manager), ApiScopes.Dispatch));
        var district = await DistrictAsync("Центральный");
        var (_, carId) = await ClientWithRioAsync("anna");
        var clientId = await UserIdAsync("anna");

        using var missing = await PostAsync(desk, "/api/v1/jobs", new { clientId, carId });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await JsonAsync(missing)).GetProperty("errors");
        Assert.Equal(["address", "date", "districtId", "price", "windowFrom", "windowTo"], errors.EnumerateObject().Select(e => e.Name).Order());

        using var notTheirCar = await PostAsync(desk, "/api/v1/jobs", Job(clientId, carId + 1000, district));
        Assert.Equal(HttpStatusCode.BadRequest, notTheirCar.StatusCode);
        Assert.True((await JsonAsync(notTheirCar)).GetProperty("errors").TryGetProperty("carId", out _));

        using var inThePast = await PostAsync(desk, "/api/v1/jobs", new
        {
            clientId, carId, address = "ул. Ленина, 5", districtId = district, date = Iso(Today.AddDays(-1)), windowFrom = "10:00", windowTo = "13:00", price = 1500m,
        });
        Assert.Equal(HttpStatusCode.BadRequest, inThePast.StatusCode);
        Assert.True((await JsonAsync(inThePast)).GetProperty("errors").TryGetProperty("date", out _));
        Assert.Equal(0, await DbAsync(db => Task.FromResult(db.PickupRequests.Count())));
    }
}
