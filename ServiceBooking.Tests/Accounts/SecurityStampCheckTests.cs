using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
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
}
