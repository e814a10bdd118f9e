using System.Net;
using ServiceBooking.Tests.Infrastructure;

namespace ServiceBooking.Tests.Pages.Account;

public sealed class LoginTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private static Dictionary<string, string> Credentials(string login, string password) => new()
    {
        ["Input.Login"] = login,
        ["Input.Password"] = password,
    };

    private async Task<HtmlPage> SignInAsync(HtmlClient client, string login, string password, string? returnUrl = null)
    {
        var form = await client.GetAsync("/Account/Login" + (returnUrl is null ? string.Empty : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        return await client.SubmitAsync(form, "[data-testid=login-form]", Credentials(login, password));
    }

    [Theory]
    [InlineData("ivan")]
    [InlineData("IVAN")]
    [InlineData("ivan@example.ru")]
    [InlineData("Ivan@Example.RU")]
    public async Task A_client_signs_in_by_nickname_or_email_in_any_case(string login)
    {
        await CreateUserAsync(new UserBuilder("ivan"));
        var client = HtmlClient.For(Fixture.Site);

        var page = await SignInAsync(client, login, UserBuilder.DefaultPassword);

        Assert.Equal("/", page.Url.AbsolutePath);
        Assert.Equal("ivan", page.TestId("nav-profile"));
    }

    [Fact]
    public async Task Signing_in_returns_to_the_page_that_asked_for_it_but_never_to_another_site()
    {
        await CreateUserAsync(new UserBuilder("ivan"));

        var local = await SignInAsync(HtmlClient.For(Fixture.Site), "ivan", UserBuilder.DefaultPassword, "/Profile/Password");
        var foreign = await SignInAsync(HtmlClient.For(Fixture.Site), "ivan", UserBuilder.DefaultPassword, "https://evil.example/steal");

        Assert.Equal("/Profile/Password", local.Url.AbsolutePath);
        Assert.Equal("localhost", foreign.Url.Host);
        Assert.Equal("/", foreign.Url.AbsolutePath);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_account_get_the_same_message()
    {
        await CreateUserAsync(new UserBuilder("ivan"));

        var wrongPassword = await SignInAsync(HtmlClient.For(Fixture.Site), "ivan", "not-the-password1");
        var unknown = await SignInAsync(HtmlClient.For(Fixture.Site), "nobody", "not-the-password1");

        Assert.Equal("Неверный ник, адрес эл. почты или пароль.", wrongPassword.FormErrors);
        Assert.Equal(wrongPassword.FormErrors, unknown.FormErrors);
        Assert.False(wrongPassword.Has("nav-profile"));
        Assert.Equal("ivan", wrongPassword.FieldValue("Login"));
    }

    [Fact]
    public async Task An_unconfirmed_account_is_told_to_confirm_and_offered_a_new_link()
    {
        await CreateUserAsync(new UserBuilder("ivan").Unconfirmed());

        var page = await SignInAsync(HtmlClient.For(Fixture.Site), "ivan", UserBuilder.DefaultPassword);

        Assert.True(page.Has("not-confirmed-message"));
        Assert.True(page.Has("resend-confirmation"));
        Assert.False(page.Has("nav-profile"));
    }

    [Fact]
    public async Task After_five_wrong_passwords_the_sixth_attempt_meets_the_lockout_even_with_the_right_password()
    {
        await CreateUserAsync(new UserBuilder("ivan"));
        var client = HtmlClient.For(Fixture.Site);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await SignInAsync(client, "ivan", $"wrong-password{attempt}");
            Assert.False(wrong.Has("lockout-message"), $"locked out after only {attempt} attempts");
        }

        var fifth = await SignInAsync(client, "ivan", "wrong-password5");
        var sixth = await SignInAsync(client, "ivan", UserBuilder.DefaultPassword);

        Assert.True(fifth.Has("lockout-message"));
        Assert.StartsWith("Слишком много неверных паролей: вход заблокирован на 15 мин.", sixth.TestId("lockout-message"));
        Assert.False(sixth.Has("nav-profile"));
    }

    [Fact]
    public async Task Signing_out_needs_a_post_and_ends_the_session()
    {
        await CreateUserAsync(new UserBuilder("ivan"));
        var client = HtmlClient.For(Fixture.Site);
        var home = await SignInAsync(client, "ivan", UserBuilder.DefaultPassword);

        var get = await client.GetAsync("/Account/Logout");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Profile")).Status);

        var after = await client.SubmitAsync(home, "form[action='/Account/Logout']");
        Assert.Equal("/", after.Url.AbsolutePath);
        Assert.True(after.Has("nav-login"));
        Assert.True(get.Has("nav-logout"));
        var profile = await client.GetAsync("/Profile");
        Assert.Equal("/Account/Login", profile.Url.AbsolutePath);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        await CreateUserAsync(new UserBuilder("ivan"));
        var client = HtmlClient.For(Fixture.Site);

        using var response = await client.PostRawAsync("/Account/Login", Credentials("ivan", UserBuilder.DefaultPassword));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
