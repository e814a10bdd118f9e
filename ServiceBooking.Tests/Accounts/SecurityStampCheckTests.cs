using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Modules.Accounts;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Accounts;

/// <summary>
/// The sign-in cookie's security-stamp check (<see cref="SecurityStampCheck"/>) keeps Identity's rule: a session whose
/// stamp changed (a password or role change elsewhere) ends at the first request after the interval, and not before.
/// </summary>
public sealed class SecurityStampCheckTests(BookingFixture fixture) : SiteTest<BookingFixture>(fixture)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public override Task InitializeAsync()
    {
        Fixture.Clock.SetUtcNow(BookingFixture.DefaultNow);
        return base.InitializeAsync();
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(0, false)]
    [InlineData(60, false)]
    [InlineData(61, true)]
    public void It_is_due_for_a_cookie_without_an_issue_time_or_older_than_the_interval(int? secondsAgo, bool due)
    {
        var now = BookingFixture.DefaultNow;
        Assert.Equal(due, SecurityStampCheck.IsDue(secondsAgo is { } s ? now.AddSeconds(-s) : null, now, Interval));
    }

    [Fact]
    public async Task A_changed_stamp_ends_the_session_at_the_first_request_after_the_interval()
    {
        var client = await SignedInAsync(new UserBuilder("ivan"));
        await WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            return await users.UpdateSecurityStampAsync((await users.FindByNameAsync("ivan"))!);
        });

        Fixture.Clock.Advance(TimeSpan.FromSeconds(50));
        Assert.True((await client.GetAsync("/Profile")).Has("nav-profile"));

        Fixture.Clock.Advance(TimeSpan.FromSeconds(20));
        var page = await client.GetAsync("/Profile");
        Assert.False(page.Has("nav-profile"));
        Assert.Equal("/Account/Login", page.Url.AbsolutePath);
    }

    [Fact]
    public async Task An_unchanged_stamp_keeps_the_session_through_every_check()
    {
        var client = await SignedInAsync(new UserBuilder("ivan"));

        for (var check = 0; check < 3; check++)
        {
            Fixture.Clock.Advance(Interval + TimeSpan.FromSeconds(1));
            Assert.True((await client.GetAsync("/Profile")).Has("nav-profile"));
        }
    }

    [Fact]
    public async Task A_cookie_sent_again_instead_of_its_renewal_is_checked_once_an_interval_and_trusted_no_longer()
    {
        var user = await CreateUserAsync(new UserBuilder("ivan"));
        var cookie = await WithServicesAsync(services => SignInCookieAsync(services, user));
        using var http = Fixture.Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://localhost") });

        // Overdue: checked and renewed. A client that keeps the cookie it had sends the old one again.
        Fixture.Clock.Advance(Interval + TimeSpan.FromSeconds(1));
        using (var checkedNow = await ProfileAsync(http, cookie))
        {
            Assert.Equal(HttpStatusCode.OK, checkedNow.StatusCode);
            Assert.True(Renews(checkedNow));
        }

        await WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            return await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id))!);
        });

        // Within the interval of that check the old cookie is trusted as the renewed one would be: not checked again.
        Fixture.Clock.Advance(TimeSpan.FromSeconds(40));
        using (var trusted = await ProfileAsync(http, cookie))
        {
            Assert.Equal(HttpStatusCode.OK, trusted.StatusCode);
            Assert.False(Renews(trusted));
        }

        // Past it, checked again: the stamp changed, the session ends.
        Fixture.Clock.Advance(TimeSpan.FromSeconds(21));
        using var ended = await ProfileAsync(http, cookie);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var location = ended.Headers.Location!;
        Assert.Equal("/Account/Login", (location.IsAbsoluteUri ? location : new Uri(http.BaseAddress!, location)).AbsolutePath);
    }

    private static bool Renews(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("sb.auth=", StringComparison.Ordinal));

    private static Task<HttpResponseMessage> ProfileAsync(HttpClient http, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/Profile");
        request.Headers.Add("Cookie", cookie);
        return http.SendAsync(request);
    }

    /// <summary>The sign-in cookie the site would issue to <paramref name="user"/> now (its name=value).</summary>
    private static async Task<string> SignInCookieAsync(IServiceProvider services, ApplicationUser user)
    {
        var principal = await services.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddDays(1) }, IdentityConstants.ApplicationScheme);
        var value = options.TicketDataFormat.Protect(ticket);
        Assert.True(value.Length < 4000, "the cookie would be chunked");
        return $"{options.Cookie.Name}={value}";
    }
}
