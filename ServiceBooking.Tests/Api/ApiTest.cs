using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Tests.Pickups;
using ServiceBooking.Web.Modules.Api;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Api;

/// <summary>What the API's tests share: accounts, tokens issued through the Admin's service, and a client that speaks JSON.</summary>
public abstract class ApiTest(BookingFixture fixture) : PickupsTest(fixture)
{
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The Admin who issues tokens (made once per test).</summary>
    protected async Task<string> AdminIdAsync()
    {
        var existing = await DbAsync(db => Task.FromResult(db.Users.Where(u => u.UserName == "boss").Select(u => u.Id).SingleOrDefault()));
        return existing ?? (await CreateUserAsync(new UserBuilder("boss").WithName("Начальников", "Борис").InRole(Roles.Admin))).Id;
    }

    /// <summary>An account in <paramref name="role"/>; its id.</summary>
    protected async Task<string> StaffAsync(string nickname, string role) =>
        (await CreateUserAsync(new UserBuilder(nickname).WithName("Сотрудников", "Семён").InRole(role))).Id;

    /// <summary>A token issued by the Admin for <paramref name="actsAs"/> with <paramref name="scopes"/>.</summary>
    protected async Task<string> TokenAsync(string actsAs, params string[] scopes)
    {
        var admin = await AdminIdAsync();
        var issued = await WithServicesAsync(services =>
            services.GetRequiredService<ApiTokens>().IssueAsync(admin, "Тестовый бот " + Guid.NewGuid().ToString("N")[..6], scopes, actsAs, CancellationToken.None));
        return issued.Token;
    }

    /// <summary>A client of the API with <paramref name="bearer"/> (none: anonymous).</summary>
    protected HttpClient Api(string? bearer = null) => Client(Fixture.Site, bearer);

    /// <summary>A client of <paramref name="site"/>'s API with <paramref name="bearer"/> (none: anonymous).</summary>
    internal static HttpClient Client(SiteFactory site, string? bearer)
    {
        var http = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        if (bearer is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return http;
    }

    internal static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).Clone();

    protected static Task<HttpResponseMessage> PostAsync(HttpClient http, string url, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return http.SendAsync(request);
    }

    /// <summary>A job body for a client's car in a district, tomorrow 10:00–13:00, 1 500 ₽.</summary>
    protected static object Job(string clientId, int carId, int districtId, string address = "ул. Ленина, 5") => new
    {
        clientId,
        carId,
        address,
        districtId,
        date = Iso(Today.AddDays(1)),
        windowFrom = "10:00",
        windowTo = "13:00",
        comment = "Ключи у консьержа",
        price = 1500m,
    };
}
