using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;

namespace ServiceBooking.Tests.Platform.Email;

/// <summary>
/// The booking site with nothing delivered on its own: tests run the dispatcher and the jobs themselves, with the
/// clock they hold. Three attempts at most, 30 s before the second.
/// </summary>
public sealed class OutboxFixture : BookingFixture
{
    protected override void Configure(SiteFactory site)
    {
        base.Configure(site);
        site.Settings["Jobs:Outbox"] = "false";
        site.Settings["Outbox:MaxAttempts"] = "3";
        site.Settings["Outbox:FirstRetrySeconds"] = "30";
        site.Settings["Outbox:BatchSize"] = "20";
        site.Settings["Site:PublicUrl"] = "https://service.example";
        // Links go to the public host; the test client still knocks at localhost.
        site.Settings["AllowedHosts"] = "service.example;localhost";
    }
}
