using System.Net;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Tests.Platform.Hosting;

public sealed class SiteBasicsTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var response = await Fixture.Site.CreateClient().GetAsync(url);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style_that_the_policy_would_block()
    {
        var client = HtmlClient.For(Fixture.Site);
        foreach (var url in new[] { "/", "/Account/Register", "/Account/Login", "/Account/ForgotPassword" })
        {
            var page = await client.GetAsync(url);
            Assert.All(page.Document.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"inline script on {url}"));
            Assert.Empty(page.Document.QuerySelectorAll("style"));
            Assert.Empty(page.Document.QuerySelectorAll("[style]"));
            Assert.DoesNotContain(page.Document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task The_layout_loads_htmx_and_the_css_framework_from_this_site()
    {
        var client = HtmlClient.For(Fixture.Site);
        var page = await client.GetAsync("/");
        var sources = page.Document.QuerySelectorAll("script[src], link[rel=stylesheet]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!).ToList();

        Assert.Contains(sources, s => s.StartsWith("/lib/htmx.org/dist/htmx.min", StringComparison.Ordinal));
        Assert.Contains(sources, s => s.StartsWith("/lib/bootstrap/dist/css/bootstrap.min", StringComparison.Ordinal));
        Assert.All(sources, s => Assert.StartsWith("/", s));
        foreach (var source in sources)
        {
            // As a browser asks: compressed if possible. The body must be there either way.
            using var request = new HttpRequestMessage(HttpMethod.Get, source);
            request.Headers.AcceptEncoding.ParseAdd("gzip, br");
            using var response = await client.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100, $"{source} is empty");
        }

        Assert.NotEmpty(page.Document.QuerySelector("meta[name=csrf-token]")!.GetAttribute("content")!);
    }

    [Fact]
    public async Task A_post_carrying_the_token_in_the_htmx_header_is_accepted()
    {
        // site.js copies the layout's csrf-token meta into this header for every htmx request that is not a GET.
        var client = HtmlClient.For(Fixture.Site, followRedirects: false);
        var page = await client.GetAsync("/");
        var token = page.Document.QuerySelector("meta[name=csrf-token]")!.GetAttribute("content")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Culture?culture=en-GB&returnUrl=/");
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Add("HX-Request", "true");

        using var response = await client.Http.SendAsync(request);
        using var forged = await client.Http.PostAsync("/Culture?culture=en-GB&returnUrl=/", null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task Health_checks_the_database()
    {
        using var response = await Fixture.Site.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_page_is_a_localized_404()
    {
        var page = await HtmlClient.For(Fixture.Site).GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("404", page.Document.QuerySelector("[data-testid=error-page]")!.GetAttribute("data-status"));
        Assert.Contains("Страница не найдена", page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_turns_the_site_english_and_back()
    {
        var client = HtmlClient.For(Fixture.Site);
        var russian = await client.GetAsync("/Account/Login");
        Assert.Equal("ru", russian.Lang);
        Assert.Equal("Вход", russian.Document.QuerySelector("h1")!.TextContent);

        var english = await client.SubmitAsync(russian, "[data-testid=culture-switch]", submitName: "culture", submitValue: "en-GB");
        Assert.Equal("/Account/Login", english.Url.AbsolutePath);
        Assert.Equal("en", english.Lang);
        Assert.Equal("Sign in", english.Document.QuerySelector("h1")!.TextContent);

        var back = await client.SubmitAsync(english, "[data-testid=culture-switch]", submitName: "culture", submitValue: "ru-RU");
        Assert.Equal("ru", back.Lang);
    }

    [Fact]
    public async Task The_browser_language_does_not_change_the_default_russian()
    {
        var client = Fixture.Site.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        var html = await client.GetStringAsync("/");

        Assert.Contains("<html lang=\"ru\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_development_mail_page_does_not_exist_outside_development()
    {
        using var response = await Fixture.Site.CreateClient().GetAsync("/dev/mail");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
