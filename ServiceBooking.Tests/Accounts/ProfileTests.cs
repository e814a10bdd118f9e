using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Accounts;

public sealed class ProfileTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private Task<ApplicationUser> ReloadAsync(string nickname) => WithServicesAsync(async services =>
        (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(nickname))!);

    [Theory]
    [InlineData("/Profile")]
    [InlineData("/Profile/Password")]
    [InlineData("/Profile/Email")]
    public async Task Profile_pages_send_a_stranger_to_sign_in(string url)
    {
        var page = await HtmlClient.For(Fixture.Site).GetAsync(url);

        Assert.Equal("/Account/Login", page.Url.AbsolutePath);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(url), page.Url.Query, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_owner_edits_names_and_phone_and_sees_them_saved()
    {
        var client = await SignedInAsync(new UserBuilder("ivan"));

        var page = await client.SubmitAsync(await client.GetAsync("/Profile"), "[data-testid=profile-form]", new Dictionary<string, string>
        {
            ["Input.LastName"] = "Сидоров-Рябов",
            ["Input.FirstName"] = "Пётр",
            ["Input.Patronymic"] = "",
            ["Input.Phone"] = "8 (900) 123-45-67",
        });

        Assert.Equal("Данные сохранены.", page.TestId("status-message"));
        Assert.Equal("+7 900 123-45-67", page.FieldValue("Phone"));
        var user = await ReloadAsync("ivan");
        Assert.Equal(("Сидоров-Рябов", "Пётр", null, "+79001234567"), (user.LastName, user.FirstName, user.Patronymic, user.PhoneNumber));
        Assert.NotNull(user.UpdatedAt);
    }

    [Fact]
    public async Task Bad_profile_input_is_refused_at_the_fields_and_nothing_is_saved()
    {
        var client = await SignedInAsync(new UserBuilder("ivan"));

        var page = await client.SubmitAsync(await client.GetAsync("/Profile"), "[data-testid=profile-form]", new Dictionary<string, string>
        {
            ["Input.LastName"] = "Петров1",
            ["Input.FirstName"] = "Иван",
            ["Input.Phone"] = "12345",
        });

        Assert.StartsWith("Фамилия состоит из букв", page.FieldError("LastName"));
        Assert.StartsWith("Укажите номер в виде", page.FieldError("Phone"));
        Assert.Equal("Петров1", page.FieldValue("LastName"));
        Assert.Equal("12345", page.FieldValue("Phone"));
        Assert.Equal("Петров", (await ReloadAsync("ivan")).LastName);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        var client = await SignedInAsync(new UserBuilder("ivan"));
        var form = await client.GetAsync("/Profile/Password");

        var wrong = await client.SubmitAsync(form, "[data-testid=password-form]", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not-my-password1",
            ["Input.NewPassword"] = "another-pass9",
            ["Input.ConfirmPassword"] = "another-pass9",
        });
        Assert.Equal("Текущий пароль указан неверно.", wrong.FieldError("CurrentPassword"));

        var done = await client.SubmitAsync(wrong, "[data-testid=password-form]", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = UserBuilder.DefaultPassword,
            ["Input.NewPassword"] = "another-pass9",
            ["Input.ConfirmPassword"] = "another-pass9",
        });
        Assert.Equal("Пароль изменён.", done.TestId("status-message"));
        Assert.True(done.Has("nav-profile"), "the owner stays signed in after the change");
        var user = await ReloadAsync("ivan");
        var check = await WithServicesAsync(services =>
            services.GetRequiredService<UserManager<ApplicationUser>>().CheckPasswordAsync(user, "another-pass9"));
        Assert.True(check);
    }

    [Fact]
    public async Task A_new_email_needs_the_password_tells_the_old_address_and_takes_effect_only_when_its_link_is_opened()
    {
        await CreateUserAsync(new UserBuilder("olga"));
        var client = await SignedInAsync(new UserBuilder("ivan"));
        var form = await client.GetAsync("/Profile/Email");

        var taken = await client.SubmitAsync(form, "[data-testid=email-form]",
            new Dictionary<string, string> { ["Input.NewEmail"] = "olga@example.ru", ["Input.CurrentPassword"] = UserBuilder.DefaultPassword });
        var noPassword = await client.SubmitAsync(form, "[data-testid=email-form]", new Dictionary<string, string> { ["Input.NewEmail"] = "ivan.new@example.ru" });
        var wrongPassword = await client.SubmitAsync(form, "[data-testid=email-form]",
            new Dictionary<string, string> { ["Input.NewEmail"] = "ivan.new@example.ru", ["Input.CurrentPassword"] = "not-the-password1" });
        Assert.Equal("Адрес olga@example.ru уже зарегистрирован.", taken.FieldError("NewEmail"));
        Assert.Equal("Заполните поле «Текущий пароль».", noPassword.FieldError("CurrentPassword"));
        Assert.Equal("Текущий пароль указан неверно.", wrongPassword.FieldError("CurrentPassword"));
        Assert.Equal("ivan.new@example.ru", wrongPassword.FieldValue("NewEmail"));
        Assert.Empty(Smtp.Received);

        var sent = await client.SubmitAsync(form, "[data-testid=email-form]",
            new Dictionary<string, string> { ["Input.NewEmail"] = "ivan.new@example.ru", ["Input.CurrentPassword"] = UserBuilder.DefaultPassword });
        Assert.Contains("ivan.new@example.ru", sent.TestId("status-message"));
        Assert.Equal("ivan@example.ru", (await ReloadAsync("ivan")).Email);

        var notice = await Smtp.WaitForAsync("ivan@example.ru");
        Assert.Contains("ivan.new@example.ru", notice.Text, StringComparison.Ordinal);
        Assert.Equal("http://localhost/Profile", notice.Link("/Profile"));
        Assert.DoesNotContain("ConfirmEmailChange", notice.Html, StringComparison.Ordinal);

        var link = new Uri((await Smtp.WaitForAsync("ivan.new@example.ru")).Link("/Account/ConfirmEmailChange")).PathAndQuery;
        var confirmed = await client.GetAsync(link);
        Assert.True(confirmed.Has("email-changed"));
        Assert.Equal("ivan.new@example.ru", (await ReloadAsync("ivan")).Email);
    }
}
