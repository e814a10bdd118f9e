using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Api;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Api;

/// <summary>Seed 000's requests through the API: made for a client, listed, confirmed (the client emailed), answered, paid.</summary>
public sealed class RequestsApiTests(BookingFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_desks_bot_makes_a_request_confirms_it_the_client_agrees_by_phone_and_it_is_dispatched_then_paid()
    {
        var desk = Api(await TokenAsync(await StaffAsync("desk", Roles.Manager), ApiScopes.Read, ApiScopes.Dispatch));
        var district = await DistrictAsync("Центральный");
        var (_, driver) = await DriverAsync("petya", district);
        var (_, carId) = await ClientWithRioAsync("anna");
        var clientId = await UserIdAsync("anna");

        using var created = await PostAsync(desk, "/api/v1/requests", new
        {
            clientId, carId, address = "ул. Ленина, 5", districtId = district, date = Iso(Today.AddDays(1)), windowFrom = "10:00", windowTo = "13:00",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var request = await JsonAsync(created);
        var id = request.GetProperty("id").GetInt32();
        Assert.Equal(("UnderReview", "Центральный"), (request.GetProperty("status").GetString(), request.GetProperty("district").GetString()));

        var listed = await JsonAsync(await desk.GetAsync($"/api/v1/requests?status=UnderReview&districtId={district}"));
        Assert.Equal([id], listed.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        Assert.Empty((await JsonAsync(await desk.GetAsync("/api/v1/requests?status=Done"))).GetProperty("items").EnumerateArray());

        // Confirmed: the client is emailed the proposal, as from the desk's page.
        using var confirmed = await PostAsync(desk, $"/api/v1/requests/{id}/confirm", new { proposedFor = "2026-12-02T11:00:00", price = 1500m });
        Assert.Equal("AwaitingClient", (await JsonAsync(confirmed)).GetProperty("status").GetString());
        Assert.Equal(1, await DbAsync(db => db.Outbox.CountAsync(m => m.Kind == Web.Platform.Notifications.NoticeKind.PickupProposal)));

        // The client agreed by phone: dispatched at once to the district's free driver.
        using var agreed = await PostAsync(desk, $"/api/v1/requests/{id}/status", new { status = "Agreed" });
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        Assert.Equal((PickupStatus.InProgress, driver), ((await PickupAsync(id)).Status, (await PickupAsync(id)).DriverId));

        // Paid before the driver is done: refused; a status that is not one: 400.
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(desk, $"/api/v1/requests/{id}/status", new { status = "Paid" })).StatusCode);
        using var nonsense = await PostAsync(desk, $"/api/v1/requests/{id}/status", new { status = "Lost" });
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
        Assert.True((await JsonAsync(nonsense)).GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync("/api/v1/requests/999999")).StatusCode);
    }

    [Fact]
    public async Task A_proposal_in_the_past_is_refused_next_to_its_field()
    {
        var desk = Api(await TokenAsync(await StaffAsync("desk", Roles.Manager), ApiScopes.Dispatch));
        var district = await DistrictAsync("Центральный");
        var (_, carId) = await ClientWithRioAsync("anna");
        var id = await RequestAsync("anna", carId, district);

        using var answer = await PostAsync(desk, $"/api/v1/requests/{id}/confirm", new { proposedFor = "2026-11-30T11:00:00", price = 1500m });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await JsonAsync(answer);
        Assert.Equal(JsonValueKind.Array, problem.GetProperty("errors").GetProperty("proposedFor").ValueKind);
        Assert.Equal(PickupStatus.UnderReview, (await PickupAsync(id)).Status);
    }
}
