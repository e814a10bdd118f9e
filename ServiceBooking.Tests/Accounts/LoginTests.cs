using System.Net;
using ServiceBooking.Tests.Infrastructure;

namespace ServiceBooking.Tests.Accounts;

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

    [Theory]
    [InlineData("/Account/Login?returnUrl=%2FBooking", "/Account/Login?returnUrl=%2FBooking")]
    [InlineData("/Account/Login?returnUrl=%2FAccount%2FLogin%3FreturnUrl%3D%252FBooking", "/Account/Login")]
    [InlineData("/Account/Register", "/Account/Login")]
    [InlineData("/Account/ForgotPassword?returnUrl=https%3A%2F%2Fevil.example", "/Account/Login")]
    [InlineData("/Garage", "/Account/Login?returnUrl=%2FGarage")]
    public async Task The_sign_in_link_keeps_the_page_first_asked_for_instead_of_nesting_the_sign_in_page(string from, string link)
    {
        var page = await HtmlClient.For(Fixture.Site).GetAsync(from);

        Assert.Equal(link, page.Document.QuerySelector("[data-testid=nav-login]")!.GetAttribute("href"));
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
    public async Task An_unconfirmed_account_is_told_to_confirm_and_offered_a_new_link_only_after_the_right_password()
    {
        await CreateUserAsync(new UserBuilder("ivan").Unconfirmed());

        var wrong = await SignInAsync(HtmlClient.For(Fixture.Site), "ivan", "not-the-password1");
        var right = await SignInAsync(HtmlClient.For(Fixture.Site), "ivan", UserBuilder.DefaultPassword);

        Assert.False(wrong.Has("not-confirmed-message"));
        Assert.Equal("Неверный ник, адрес эл. почты или пароль.", wrong.FormErrors);
        Assert.True(right.Has("not-confirmed-message"));
        Assert.True(right.Has("resend-confirmation"));
        Assert.False(right.Has("nav-profile"));
    }

    [Fact]
    public async Task After_ten_wrong_passwords_the_lockout_is_told_only_to_whoever_types_the_right_password()
    {
        await CreateUserAsync(new UserBuilder("ivan"));
        var client = HtmlClient.For(Fixture.Site);

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var wrong = await SignInAsync(client, "ivan", $"wrong-password{attempt}");
            Assert.False(wrong.Has("lockout-message"), $"attempt {attempt} told that the account is locked");
            Assert.Equal("Неверный ник, адрес эл. почты или пароль.", wrong.FormErrors);
        }

        var wrongWhileLocked = await SignInAsync(client, "ivan", "wrong-password11");
        var rightWhileLocked = await SignInAsync(client, "ivan", UserBuilder.DefaultPassword);

        Assert.False(wrongWhileLocked.Has("lockout-message"));
        Assert.Equal("Неверный ник, адрес эл. почты или пароль.", wrongWhileLocked.FormErrors);
        Assert.StartsWith("Слишком много неверных паролей: вход заблокирован на 15 мин.", rightWhileLocked.TestId("lockout-message"));
        Assert.False(rightWhileLocked.Has("nav-profile"));
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
