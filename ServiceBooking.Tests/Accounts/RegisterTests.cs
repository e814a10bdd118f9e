using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Accounts;

public sealed class RegisterTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private static Dictionary<string, string> Form(string nickname = "ivan.petrov", string email = "ivan@example.ru",
        string password = "motor-oil-42", string? confirm = null) => new()
    {
        ["Input.Nickname"] = nickname,
        ["Input.Email"] = email,
        ["Input.LastName"] = "Петров",
        ["Input.FirstName"] = "Иван",
        ["Input.Patronymic"] = "Сергеевич",
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
    };

    [Fact]
    public async Task Registering_creates_an_unconfirmed_client_and_emails_a_confirmation_link()
    {
        var client = HtmlClient.For(Fixture.Site);
        var form = await client.GetAsync("/Account/Register");

        var page = await client.SubmitAsync(form, "[data-testid=register-form]", Form());

        Assert.Equal("/Account/RegisterConfirmation", page.Url.AbsolutePath);
        Assert.Contains("ivan@example.ru", page.TestId("confirmation-sent"));
        var (confirmed, roles) = await WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByNameAsync("ivan.petrov");
            Assert.NotNull(user);
            Assert.Equal(("Петров", "Иван", "Сергеевич"), (user.LastName, user.FirstName, user.Patronymic));
            return (user.EmailConfirmed, await users.GetRolesAsync(user));
        });
        Assert.False(confirmed);
        Assert.Equal([Roles.Client], roles);

        var mail = await Smtp.WaitForAsync("ivan@example.ru");
        Assert.Equal("Подтвердите адрес эл. почты для ServiceBooking", mail.Message.Subject);
        Assert.Contains("Иван Сергеевич", mail.Text);
        Assert.Contains("/Account/ConfirmEmail?userId=", mail.Link("/Account/ConfirmEmail"));
    }

    [Fact]
    public async Task The_confirmation_link_confirms_the_email_once_and_a_tampered_link_does_not()
    {
        var client = HtmlClient.For(Fixture.Site);
        await client.SubmitAsync(await client.GetAsync("/Account/Register"), "[data-testid=register-form]", Form());
        var link = new Uri((await Smtp.WaitForAsync("ivan@example.ru")).Link("/Account/ConfirmEmail"));

        var tampered = await client.GetAsync(link.PathAndQuery.Replace("code=", "code=x", StringComparison.Ordinal));
        Assert.True(tampered.Has("email-not-confirmed"));

        var page = await client.GetAsync(link.PathAndQuery);
        Assert.True(page.Has("email-confirmed"));
        var confirmed = await WithServicesAsync(async services =>
            (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("ivan.petrov"))!.EmailConfirmed);
        Assert.True(confirmed);
    }

    [Fact]
    public async Task A_short_password_is_refused_at_the_field_and_the_rest_is_kept()
    {
        var client = HtmlClient.For(Fixture.Site);
        var page = await client.SubmitAsync(await client.GetAsync("/Account/Register"), "[data-testid=register-form]",
            Form(password: "a1", confirm: "a1"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Пароль должен быть не короче 8 символов.", page.FieldError("Password"));
        Assert.Equal("ivan.petrov", page.FieldValue("Nickname"));
        Assert.Equal("ivan@example.ru", page.FieldValue("Email"));
        Assert.Equal("Сергеевич", page.FieldValue("Patronymic"));
        Assert.Empty(Smtp.Received);
    }

    [Fact]
    public async Task A_taken_nickname_is_refused_whatever_its_case()
    {
        await CreateUserAsync(new UserBuilder("Ivan.Petrov"));
        var client = HtmlClient.For(Fixture.Site);

        var page = await client.SubmitAsync(await client.GetAsync("/Account/Register"), "[data-testid=register-form]",
            Form(nickname: "ivan.petrov", email: "other@example.ru"));

        Assert.Equal("Ник «ivan.petrov» уже занят.", page.FieldError("Nickname"));
        Assert.Equal("other@example.ru", page.FieldValue("Email"));
    }

    [Fact]
    public async Task A_taken_email_is_refused_at_the_email_field()
    {
        await CreateUserAsync(new UserBuilder("someone").WithEmail("ivan@example.ru"));
        var client = HtmlClient.For(Fixture.Site);

        var page = await client.SubmitAsync(await client.GetAsync("/Account/Register"), "[data-testid=register-form]", Form());

        Assert.Equal("Адрес ivan@example.ru уже зарегистрирован.", page.FieldError("Email"));
        Assert.Equal("ivan.petrov", page.FieldValue("Nickname"));
    }

    [Theory]
    [InlineData("ivan@")]
    [InlineData("ivan@example")]
    [InlineData("ivan example.ru")]
    public async Task A_malformed_email_is_refused_and_kept_for_correction(string email)
    {
        var client = HtmlClient.For(Fixture.Site);

        var page = await client.SubmitAsync(await client.GetAsync("/Account/Register"), "[data-testid=register-form]", Form(email: email));

        Assert.StartsWith("Это не похоже на адрес эл. почты", page.FieldError("Email"));
        Assert.Equal(email, page.FieldValue("Email"));
        Assert.Equal("ivan.petrov", page.FieldValue("Nickname"));
    }

    [Fact]
    public async Task A_mismatched_confirmation_is_refused_at_the_confirmation_field()
    {
        var client = HtmlClient.For(Fixture.Site);

        var page = await client.SubmitAsync(await client.GetAsync("/Account/Register"), "[data-testid=register-form]",
            Form(password: "motor-oil-42", confirm: "motor-oil-43"));

        Assert.Equal("Пароли не совпадают.", page.FieldError("ConfirmPassword"));
        Assert.Equal(string.Empty, page.FieldError("Password"));
        Assert.Equal("Петров", page.FieldValue("LastName"));
    }

    [Fact]
    public async Task Empty_required_fields_each_get_their_own_message()
    {
        var client = HtmlClient.For(Fixture.Site);

        var page = await client.SubmitAsync(await client.GetAsync("/Account/Register"), "[data-testid=register-form]",
            new Dictionary<string, string> { ["Input.Nickname"] = "", ["Input.Email"] = "" });

        Assert.Equal("Заполните поле «Ник».", page.FieldError("Nickname"));
        Assert.Equal("Заполните поле «Эл. почта».", page.FieldError("Email"));
        Assert.Equal("Заполните поле «Имя».", page.FieldError("FirstName"));
        Assert.Equal("Заполните поле «Фамилия».", page.FieldError("LastName"));
        Assert.Equal(string.Empty, page.FieldError("Patronymic"));
    }

    [Fact]
    public async Task Registering_in_English_gets_English_messages_and_an_English_email()
    {
        var client = HtmlClient.For(Fixture.Site);
        var home = await client.GetAsync("/");
        await client.SubmitAsync(home, "[data-testid=culture-switch]", submitName: "culture", submitValue: "en-GB");

        var bad = await client.SubmitAsync(await client.GetAsync("/Account/Register"), "[data-testid=register-form]", Form(password: "a1", confirm: "a1"));
        Assert.Equal("A password needs at least 8 characters.", bad.FieldError("Password"));

        await client.SubmitAsync(bad, "[data-testid=register-form]", Form());
        var mail = await Smtp.WaitForAsync("ivan@example.ru");
        Assert.Equal("Confirm your email for ServiceBooking", mail.Message.Subject);
        var culture = await WithServicesAsync(async services =>
            (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("ivan.petrov"))!.PreferredCulture);
        Assert.Equal("en-GB", culture);
    }

    [Fact]
    public async Task Fifty_simultaneous_registrations_of_one_nickname_make_one_account_and_no_server_error()
    {
        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var client = HtmlClient.For(Fixture.Site);
            var form = await client.GetAsync("/Account/Register");
            var page = await client.SubmitAsync(form, "[data-testid=register-form]", Form(email: $"racer{i}@example.ru"));
            return (page.Status, page.Url.AbsolutePath, Error: page.FieldError("Nickname"));
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s.Status));
        Assert.Single(statuses, s => s.AbsolutePath == "/Account/RegisterConfirmation");
        Assert.All(statuses.Where(s => s.AbsolutePath != "/Account/RegisterConfirmation"),
            s => Assert.Equal("Ник «ivan.petrov» уже занят.", s.Error));
    }
}
