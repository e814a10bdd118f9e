using System.Net;
using ServiceBooking.Domain.Api;
using ServiceBooking.Tests.Bookings;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Modules.Api;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Api;

/// <summary>A site whose API allows each credential 3 calls, then one every 20 s.</summary>
public sealed class ApiLimitFixture : BookingFixture
{
    protected override void Configure(SiteFactory site)
    {
        base.Configure(site);
        site.Settings["RateLimits:ApiPerCredential:Permits"] = "3";
        site.Settings["RateLimits:ApiPerCredential:WindowSeconds"] = "60";
    }
}

/// <summary>The API's limit is per credential, answered with 429, <c>Retry-After</c> and problem details.</summary>
public sealed class ApiRateLimitTests(ApiLimitFixture fixture) : BookingTest<ApiLimitFixture>(fixture)
{
    private async Task<HttpClient> TokenAsync(string actsAs)
    {
        var admin = await CreateUserAsync(new UserBuilder("boss-" + Guid.NewGuid().ToString("N")[..6]).InRole(Roles.Admin));
        var issued = await WithServicesAsync(services => services.GetRequiredService<ApiTokens>()
            .IssueAsync(admin.Id, "Бот", [ApiScopes.Read], actsAs, CancellationToken.None));
        return ApiTest.Client(Fixture.Site, issued.Token);
    }

    [Fact]
    public async Task A_token_past_its_limit_is_told_to_wait_while_another_token_goes_on()
    {
        var desk = (await CreateUserAsync(new UserBuilder("desk").InRole(Roles.Manager))).Id;
        var busy = await TokenAsync(desk);
        var other = await TokenAsync(desk);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/districts")).StatusCode);
        }

        using var refused = await busy.GetAsync("/api/v1/districts");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 20);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Api.TooManyRequests", (await ApiTest.JsonAsync(refused)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/districts")).StatusCode);
    }
}
