using ServiceBooking.Tests.Infrastructure;

namespace ServiceBooking.Tests.Accounts;

public sealed class PasswordResetTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private async Task<HtmlPage> AskForResetAsync(HtmlClient client, string login)
    {
        var form = await client.GetAsync("/Account/ForgotPassword");
        return await client.SubmitAsync(form, "[data-testid=forgot-form]", new Dictionary<string, string> { ["Input.Login"] = login });
    }

    [Fact]
    public async Task The_emailed_link_sets_a_new_password_that_signs_in_and_the_old_one_stops_working()
    {
        await CreateUserAsync(new UserBuilder("ivan"));
        var client = HtmlClient.For(Fixture.Site);

        var asked = await AskForResetAsync(client, "ivan");
        Assert.True(asked.Has("forgot-done"));
        var link = new Uri((await Smtp.WaitForAsync("ivan@example.ru")).Link("/Account/ResetPassword"));

        var reset = await client.GetAsync(link.PathAndQuery);
        var done = await client.SubmitAsync(reset, "[data-testid=reset-form]", new Dictionary<string, string>
        {
            ["Input.Password"] = "brand-new-pass7",
            ["Input.ConfirmPassword"] = "brand-new-pass7",
        });
        Assert.Equal("/Account/Login", done.Url.AbsolutePath);
        Assert.Equal("Пароль изменён. Войдите с новым паролем.", done.TestId("status-message"));

        var old = await client.SubmitAsync(done, "[data-testid=login-form]", new Dictionary<string, string>
        {
            ["Input.Login"] = "ivan", ["Input.Password"] = UserBuilder.DefaultPassword,
        });
        Assert.False(old.Has("nav-profile"));
        var fresh = await client.SubmitAsync(old, "[data-testid=login-form]", new Dictionary<string, string>
        {
            ["Input.Login"] = "ivan", ["Input.Password"] = "brand-new-pass7",
        });
        Assert.True(fresh.Has("nav-profile"));
    }

    [Fact]
    public async Task The_link_works_once()
    {
        await CreateUserAsync(new UserBuilder("ivan"));
        var client = HtmlClient.For(Fixture.Site);
        await AskForResetAsync(client, "ivan@example.ru");
        var link = new Uri((await Smtp.WaitForAsync("ivan@example.ru")).Link("/Account/ResetPassword")).PathAndQuery;
        var fields = new Dictionary<string, string> { ["Input.Password"] = "brand-new-pass7", ["Input.ConfirmPassword"] = "brand-new-pass7" };
        await client.SubmitAsync(await client.GetAsync(link), "[data-testid=reset-form]", fields);

        var again = await client.SubmitAsync(await client.GetAsync(link), "[data-testid=reset-form]", fields);

        Assert.True(again.Has("reset-link-broken"));
    }

    [Fact]
    public async Task An_unknown_account_gets_the_same_answer_and_no_email()
    {
        var page = await AskForResetAsync(HtmlClient.For(Fixture.Site), "nobody@example.ru");

        Assert.True(page.Has("forgot-done"));
        await Task.Delay(300);
        Assert.Empty(Smtp.Received);
    }

    [Fact]
    public async Task A_reset_lifts_a_lockout()
    {
        await CreateUserAsync(new UserBuilder("ivan"));
        var client = HtmlClient.For(Fixture.Site);
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitAsync(await client.GetAsync("/Account/Login"), "[data-testid=login-form]",
                new Dictionary<string, string> { ["Input.Login"] = "ivan", ["Input.Password"] = "wrong-password" + i });
        }

        await AskForResetAsync(client, "ivan");
        var link = new Uri((await Smtp.WaitForAsync("ivan@example.ru")).Link("/Account/ResetPassword")).PathAndQuery;
        var done = await client.SubmitAsync(await client.GetAsync(link), "[data-testid=reset-form]",
            new Dictionary<string, string> { ["Input.Password"] = "brand-new-pass7", ["Input.ConfirmPassword"] = "brand-new-pass7" });
        var signedIn = await client.SubmitAsync(done, "[data-testid=login-form]",
            new Dictionary<string, string> { ["Input.Login"] = "ivan", ["Input.Password"] = "brand-new-pass7" });

        Assert.True(signedIn.Has("nav-profile"));
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_at_its_field()
    {
        await CreateUserAsync(new UserBuilder("ivan"));
        var client = HtmlClient.For(Fixture.Site);
        await AskForResetAsync(client, "ivan");
        var link = new Uri((await Smtp.WaitForAsync("ivan@example.ru")).Link("/Account/ResetPassword")).PathAndQuery;

        var page = await client.SubmitAsync(await client.GetAsync(link), "[data-testid=reset-form]",
            new Dictionary<string, string> { ["Input.Password"] = "onlyletters", ["Input.ConfirmPassword"] = "onlyletters" });

        Assert.Equal("В пароле должна быть хотя бы одна цифра.", page.FieldError("Password"));
    }
}
