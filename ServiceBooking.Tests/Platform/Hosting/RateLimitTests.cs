using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Platform.Hosting;

/// <summary>The limits as configured for a real site (sign-in per address) or lowered so a test can reach them.</summary>
public sealed class RateLimitFixture : BookingFixture
{
    protected override void Configure(SiteFactory site)
    {
        base.Configure(site);
        var configure = site.ConfigureTestServices;
        site.ConfigureTestServices = services =>
        {
            configure?.Invoke(services);
            TestClientAddress.AddTo(services);
        };
        Limit(site, "SignInPerAddress", 5, 900);
        Limit(site, "SignInPerLogin", 8, 3600);
        Limit(site, "RegisterPerAddress", 3, 3600);
        Limit(site, "RegisterPerEmail", 2, 3600);
        Limit(site, "ResendConfirmationPerAddress", 3, 3600);
        Limit(site, "ResendConfirmationPerEmail", 2, 3600);
        Limit(site, "ForgotPasswordPerAddress", 3, 3600);
        Limit(site, "ForgotPasswordPerEmail", 2, 3600);
        Limit(site, "BookingPerUser", 2, 4);
    }

    private static void Limit(SiteFactory site, string name, int permits, int seconds)
    {
        site.Settings[$"RateLimits:{name}:Permits"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        site.Settings[$"RateLimits:{name}:WindowSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Floods are refused politely: 429 with a <c>Retry-After</c> that holds and the site's own page saying how long to
/// wait, per client address and per login or target email; a stranger's flood slows the stranger, not the owner.
/// Each test plays its own addresses, so the limits of one test do not reach another.
/// </summary>
public sealed class RateLimitTests(RateLimitFixture fixture) : BookingTest<RateLimitFixture>(fixture)
{
    private HtmlClient From(string address)
    {
        var client = HtmlClient.For(Fixture.Site);
        client.Http.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }

    private static async Task<HtmlPage> SignInAsync(HtmlClient client, string login, string password) =>
        await client.SubmitAsync(await client.GetAsync("/Account/Login"), "[data-testid=login-form]",
            new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = password });

    private static void AssertRefusedPolitely(HtmlPage page, int maxSeconds, string wait)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        var retryAfter = page.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("429 without Retry-After");
        Assert.InRange(retryAfter.TotalSeconds, 1, maxSeconds);
        Assert.Equal("429", page.Document.QuerySelector("[data-testid=error-page]")?.GetAttribute("data-status"));
        Assert.Equal("Слишком много попыток", page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains($"Подождите {wait}", page.TestId("error-text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_flooding_sign_in_is_slowed_before_the_account_locks_while_the_owner_signs_in_and_resets_from_elsewhere()
    {
        await CreateUserAsync(new UserBuilder("ivan"));
        var stranger = From("10.1.0.1");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(stranger, "ivan", $"guess-number{attempt}")).Status);
        }

        var slowed = await SignInAsync(stranger, "ivan", "guess-number6");
        AssertRefusedPolitely(slowed, 180, "3 мин");
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync("/Account/Login")).Status);

        var user = await WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var ivan = (await users.FindByNameAsync("ivan"))!;
            return (Locked: await users.IsLockedOutAsync(ivan), Failed: await users.GetAccessFailedCountAsync(ivan));
        });
        Assert.False(user.Locked);
        Assert.Equal(5, user.Failed);

        var owner = From("10.1.0.2");
        var forgot = await owner.SubmitAsync(await owner.GetAsync("/Account/ForgotPassword"), "[data-testid=forgot-form]",
            new Dictionary<string, string> { ["Input.Login"] = "ivan" });
        Assert.Equal(HttpStatusCode.OK, forgot.Status);
        Assert.Contains("/Account/ResetPassword", (await Smtp.WaitForAsync("ivan@example.ru")).Link("/Account/ResetPassword"), StringComparison.Ordinal);
        Assert.True((await SignInAsync(owner, "ivan", UserBuilder.DefaultPassword)).Has("nav-profile"));
    }

    [Fact]
    public async Task Sign_ins_at_one_login_from_many_addresses_are_limited_per_login()
    {
        for (var address = 1; address <= 8; address++)
        {
            var page = await SignInAsync(From($"10.2.0.{address}"), "Ghost", "guess-number1");
            Assert.Equal(HttpStatusCode.OK, page.Status);
        }

        // The same login in another case and with spaces is the same login.
        AssertRefusedPolitely(await SignInAsync(From("10.2.0.9"), " ghost ", "guess-number1"), 450, "8 мин");
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(From("10.2.0.10"), "someone-else", "guess-number1")).Status);
    }

    public static TheoryData<string, string, string, string> Forms => new()
    {
        // page, form, the field with the target email, what the same address types for the limit per address
        { "/Account/Register", "[data-testid=register-form]", "Input.Email", "register" },
        { "/Account/ResendConfirmation", "[data-testid=resend-form]", "Input.Email", "resend" },
        { "/Account/ForgotPassword", "[data-testid=forgot-form]", "Input.Login", "forgot" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Account_emails_are_limited_per_target_email_and_per_address(string url, string form, string field, string name)
    {
        var block = name switch { "register" => 3, "resend" => 4, _ => 5 };
        Dictionary<string, string> Fields(string email) => new()
        {
            [field] = email,
            ["Input.Nickname"] = "n" + Guid.NewGuid().ToString("N")[..10],
            ["Input.LastName"] = "Петров",
            ["Input.FirstName"] = "Иван",
            ["Input.Password"] = UserBuilder.DefaultPassword,
            ["Input.ConfirmPassword"] = UserBuilder.DefaultPassword,
        };
        async Task<HtmlPage> PostAsync(HtmlClient client, string email) =>
            await client.SubmitAsync(await client.GetAsync(url), form, Fields(email));

        // Per target email: the third request for one address is refused, from wherever it comes.
        var target = $"{name}-target@example.ru";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(From($"10.{block}.1.1"), target)).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(From($"10.{block}.1.2"), target)).Status);
        AssertRefusedPolitely(await PostAsync(From($"10.{block}.1.3"), target.ToUpperInvariant()), 1800, "30 мин");

        // Per address: the fourth request from one address is refused, whatever it names.
        var flood = From($"10.{block}.2.1");
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(flood, $"{name}-{i}@example.ru")).Status);
        }

        AssertRefusedPolitely(await PostAsync(flood, $"{name}-4@example.ru"), 1200, "20 мин");
    }

    [Fact]
    public async Task Booking_posts_are_limited_per_user_and_the_retry_after_holds()
    {
        var (anna, annaCar) = await ClientWithRioAsync("anna", 1);
        var (boris, borisCar) = await ClientWithRioAsync("boris", 2);
        var page = await anna.GetAsync("/Booking");
        var diagnostics = await RepairTypeIdAsync("Диагностика", null);
        var advisor = await AdvisorIdAsync("Кузнецов");
        Task<HtmlPage> BookAsync(string time) => anna.HtmxAsync("/Booking?handler=Book", page, BookForm(Today, time, advisor, annaCar, diagnostics));

        Assert.Equal(HttpStatusCode.OK, (await BookAsync("15:00")).Status);
        Assert.Equal(HttpStatusCode.OK, (await BookAsync("15:30")).Status);
        var refused = await BookAsync("16:00");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        var wait = refused.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(wait.TotalSeconds, 1, 2);
        var borisPage = await boris.GetAsync("/Booking");
        Assert.Equal(HttpStatusCode.OK, (await boris.HtmxAsync("/Booking?handler=Book", borisPage, BookForm(Today, "17:00", advisor, borisCar, diagnostics))).Status);

        await Task.Delay(wait + TimeSpan.FromMilliseconds(200));
        Assert.Equal(HttpStatusCode.OK, (await BookAsync("16:00")).Status);
    }
}
