using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Campaigns;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Modules.Campaigns;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Platform.Hosting;

/// <summary>A site that answers to any host (as behind a careless proxy), with its public URL configured.</summary>
public sealed class AnyHostFixture : BookingFixture
{
    public const string PublicUrl = "https://service.example/";

    protected override void Configure(SiteFactory site)
    {
        base.Configure(site);
        site.Settings["AllowedHosts"] = "*";
        site.Settings["Site:PublicUrl"] = "https://service.example";
    }
}

/// <summary>
/// No emailed link can be pointed elsewhere: every request that makes the site send a link is sent with a forged
/// <c>Host</c> and <c>X-Forwarded-Host</c>, and every link in every email must start with the configured public URL.
/// </summary>
public sealed partial class EmailLinkHostTests(AnyHostFixture fixture) : BookingTest<AnyHostFixture>(fixture)
{
    private const string Evil = "evil.example";

    private HtmlClient Forged()
    {
        var client = HtmlClient.For(Fixture.Site);
        client.Http.DefaultRequestHeaders.Host = Evil;
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", Evil);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "http");
        return client;
    }

    private async Task<HtmlPage> SubmitAsync(HtmlClient client, string url, string form, Dictionary<string, string> fields) =>
        await client.SubmitAsync(await client.GetAsync(url), form, fields);

    [Fact]
    public async Task Every_link_in_every_email_caused_by_a_forged_host_request_points_at_the_public_url()
    {
        await CreateUserAsync(new UserBuilder("ivan"));
        var (anna, car) = await ClientWithRioAsync("anna");
        var manager = await SignedInAsync(new UserBuilder("marina").InRole(Roles.Manager));
        var stranger = Forged();

        // Registration, a new confirmation link, a password reset: strangers' requests.
        await SubmitAsync(stranger, "/Account/Register", "[data-testid=register-form]", new()
        {
            ["Input.Nickname"] = "zoya", ["Input.Email"] = "zoya@example.ru", ["Input.LastName"] = "Зуева", ["Input.FirstName"] = "Зоя",
            ["Input.Password"] = UserBuilder.DefaultPassword, ["Input.ConfirmPassword"] = UserBuilder.DefaultPassword,
        });
        await SubmitAsync(stranger, "/Account/ResendConfirmation", "[data-testid=resend-form]", new() { ["Input.Email"] = "zoya@example.ru" });
        await SubmitAsync(stranger, "/Account/ForgotPassword", "[data-testid=forgot-form]", new() { ["Input.Login"] = "ivan" });

        // A change of email, signed in through the forged host.
        var ivan = Forged();
        await SubmitAsync(ivan, "/Account/Login", "[data-testid=login-form]", new() { ["Input.Login"] = "ivan", ["Input.Password"] = UserBuilder.DefaultPassword });
        await SubmitAsync(ivan, "/Profile/Email", "[data-testid=email-form]", new()
        {
            ["Input.NewEmail"] = "ivan.new@example.ru", ["Input.CurrentPassword"] = UserBuilder.DefaultPassword,
        });

        // A booking and its cancellation by the desk, each request with the forged headers.
        foreach (var client in new[] { anna, manager })
        {
            client.Http.DefaultRequestHeaders.Host = Evil;
            client.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", Evil);
        }

        var booked = await BookAsync(anna, BookForm(Today, "15:00", await AdvisorIdAsync("Кузнецов"), car, await RepairTypeIdAsync("Диагностика", null)));
        Assert.True(booked.Has("booking-done"), "the booking was not made");
        var bookingId = await DbAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());
        var desk = await manager.GetAsync("/Manager/Calendar");
        await manager.HtmxAsync($"/Manager/Calendar?handler=Delete&id={bookingId}", desk, new Dictionary<string, string> { ["reason"] = "Мастер заболел" });

        // A campaign (queued by a job, no request at all): its unsubscribe link.
        await WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<ApplicationDbContext>();
            var author = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("marina");
            db.Campaigns.Add(Campaign.Create("Скидка", "Текст.", AudienceKind.AllClients, [], [], author!.Id, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        await Fixture.RunAsync<CampaignJob, int?>(job => job.EnqueueNextAsync(CancellationToken.None));

        var expected = new[]
        {
            ("zoya@example.ru", "/Account/ConfirmEmail"), ("ivan@example.ru", "/Account/ResetPassword"),
            ("ivan.new@example.ru", "/Account/ConfirmEmailChange"), ("ivan@example.ru", "/Profile"),
            ("anna@example.ru", "/Booking/My"), ("anna@example.ru", "/Unsubscribe"),
        };
        foreach (var (to, path) in expected)
        {
            var mail = await Smtp.WaitForAsync(m => m.To == to && m.Html.Contains(path, StringComparison.Ordinal));
            Assert.StartsWith(AnyHostFixture.PublicUrl + path.TrimStart('/'), mail.Link(path), StringComparison.Ordinal);
        }

        await Smtp.WaitForAsync(m => m.To == "anna@example.ru" && (m.Message.Subject ?? string.Empty).Contains("отмен", StringComparison.OrdinalIgnoreCase));
        var links = Smtp.Received.SelectMany(mail => Links(mail).Select(link => (mail.Message.Subject, link))).ToList();
        Assert.True(links.Count >= 10, $"only {links.Count} links were found");
        Assert.All(links, found => Assert.True(found.link.StartsWith(AnyHostFixture.PublicUrl, StringComparison.Ordinal),
            $"'{found.Subject}' links to {found.link}"));
        Assert.DoesNotContain(Smtp.Received, mail => mail.Html.Contains(Evil, StringComparison.Ordinal) || mail.Text.Contains(Evil, StringComparison.Ordinal));
    }

    /// <summary>Every web address in the HTML part's links and in the plain-text part.</summary>
    private static IEnumerable<string> Links(ReceivedMail mail)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.Html);
        var html = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(href => !href.StartsWith("mailto:", StringComparison.Ordinal) && !href.StartsWith("tel:", StringComparison.Ordinal));
        var text = WebAddress().Matches(mail.Text).Select(match => match.Value);
        var headers = mail.Message.Headers.Where(h => h.Field == "List-Unsubscribe").SelectMany(h => WebAddress().Matches(h.Value ?? string.Empty).Select(m => m.Value));
        return html.Concat(text).Concat(headers);
    }

    [GeneratedRegex(@"https?://[^\s<>""\]]+")]
    private static partial Regex WebAddress();
}

/// <summary>Outside Development the site answers only to its public URL's host: a forged Host is refused outright.</summary>
public sealed class HostFilteringTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    [Theory]
    [InlineData("evil.example")]
    [InlineData("localhost.evil.example")]
    public async Task A_request_for_another_host_is_refused_before_anything_runs(string host)
    {
        await CreateUserAsync(new UserBuilder("ivan"));
        var client = HtmlClient.For(Fixture.Site);
        var form = await client.GetAsync("/Account/ForgotPassword");
        client.Http.DefaultRequestHeaders.Host = host;

        var forged = await client.SubmitAsync(form, "[data-testid=forgot-form]", new Dictionary<string, string> { ["Input.Login"] = "ivan" });

        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal(0, await WithServicesAsync(services => services.GetRequiredService<ApplicationDbContext>().Outbox.CountAsync()));
    }
}
