using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Tests.WorkOrders;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Api;

/// <summary>
/// Work orders through the API as seed 001's bots drive them: a mechanic signed in from the bot checks in, submits the
/// stages (the final report with its contract's photo as multipart), a supervisor approves or returns them; another
/// mechanic cannot reach the order; the order's history is the pages' history.
/// </summary>
public sealed class OrdersApiTests(BookingFixture fixture) : WorkOrdersTest<BookingFixture>(fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<HttpClient> SignedInAsync(string nickname)
    {
        var http = ApiTest.Client(Fixture.Site, null);
        using var signIn = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = nickname, password = UserBuilder.DefaultPassword }, Json);
        var tokens = await signIn.Content.ReadFromJsonAsync<JsonElement>(Json);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return http;
    }

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call)
    {
        using var answer = await call;
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{(int)answer.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task A_mechanic_works_an_order_from_the_bot_and_a_supervisor_decides_each_stage_there()
    {
        var supervisorId = await StaffAsync("sveta", Roles.Supervisor);
        var mechanicId = await StaffAsync("kolya", Roles.Mechanic);
        await StaffAsync("vova", Roles.Mechanic, "Вовин");
        var mechanic = await SignedInAsync("kolya");
        var supervisor = await SignedInAsync("sveta");
        var other = await SignedInAsync("vova");

        Assert.NotNull((await OkAsync(mechanic.PostAsJsonAsync("/api/v1/shifts/check-in", new { }, Json))).GetProperty("startedAt").GetString());
        var order = await OpenForCallerAsync(supervisorId);
        Assert.IsType<Web.Modules.WorkOrders.OrderAssigned.Done>(await AssignAsync(order, mechanicId, Supervisor(supervisorId)));

        // The mechanic sees it in their list; another mechanic neither sees it nor can act on it.
        var mine = await OkAsync(mechanic.GetAsync("/api/v1/orders"));
        Assert.Equal([order], mine.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/orders/{order}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/orders/{order}/stages/prepayment", new { amount = 1 }, Json)).StatusCode);

        // Agreement, approved; prepayment, returned with a comment, submitted again, approved.
        var agreement = new { options = new[] { new { description = "Замена колодок", price = 5000m } }, agreedSum = 5000m };
        var submitted = await OkAsync(mechanic.PostAsJsonAsync($"/api/v1/orders/{order}/stages/agreement", agreement, Json));
        Assert.Equal("Agreement", submitted.GetProperty("pending").GetProperty("kind").GetString());
        await OkAsync(supervisor.PostAsync($"/api/v1/orders/{order}/approve", null));
        using var missing = await mechanic.PostAsJsonAsync($"/api/v1/orders/{order}/stages/prepayment", new { }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").TryGetProperty("amount", out _));
        await OkAsync(mechanic.PostAsJsonAsync($"/api/v1/orders/{order}/stages/prepayment", new { amount = 100m }, Json));
        var returned = await OkAsync(supervisor.PostAsJsonAsync($"/api/v1/orders/{order}/return", new { comment = "Клиент платил 1000" }, Json));
        Assert.Equal("Клиент платил 1000", returned.GetProperty("stages").EnumerateArray().Last().GetProperty("comment").GetString());
        await OkAsync(mechanic.PostAsJsonAsync($"/api/v1/orders/{order}/stages/prepayment", new { amount = 1000m }, Json));
        await OkAsync(supervisor.PostAsync($"/api/v1/orders/{order}/approve", null));
        // A mechanic may not decide a stage, even their own.
        Assert.Equal(HttpStatusCode.NotFound, (await mechanic.PostAsync($"/api/v1/orders/{order}/approve", null)).StatusCode);

        // The final report with the contract's photo, as multipart; approved: the order is done.
        using var report = new MultipartFormDataContent
        {
            { new StringContent("5000"), "Total" },
            { new StringContent("5000"), "Net" },
            { new ByteArrayContent(Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "Contract", "contract.png" },
        };
        await OkAsync(mechanic.PostAsync($"/api/v1/orders/{order}/stages/final-report", report));
        var done = await OkAsync(supervisor.PostAsync($"/api/v1/orders/{order}/approve", null));
        Assert.Equal(nameof(WorkOrderStatus.Done), done.GetProperty("status").GetString());

        // The same history as the pages record: each submission and decision.
        var stages = done.GetProperty("stages").EnumerateArray().Select(s => (s.GetProperty("kind").GetString(), s.GetProperty("state").GetString())).ToList();
        Assert.Equal(
            [("Agreement", "Approved"), ("Prepayment", "Returned"), ("Prepayment", "Approved"), ("FinalReport", "Approved")], stages);
        Assert.NotNull((await OkAsync(mechanic.PostAsJsonAsync("/api/v1/shifts/check-out", new { }, Json))).GetProperty("endedAt").GetString());
    }
}
