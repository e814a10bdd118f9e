using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Tests.Infrastructure.Browser;
using ServiceBooking.Tests.Infrastructure.Browser.PageObjects;
using ServiceBooking.Web.Platform.Data;
using static Microsoft.Playwright.Assertions;

namespace ServiceBooking.Tests.Accounts;

[Collection(BrowserCollection.Name)]
public sealed class AccountJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<IdentityResult> CreateUserAsync(UserBuilder user) => fixture.WithScopeAsync(services =>
        services.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user.Build(), user.Password));

    [Fact]
    public async Task A_newcomer_registers_confirms_by_email_edits_the_profile_changes_the_password_and_signs_back_in()
    {
        var page = await fixture.NewPageAsync();
        var account = new AccountPages(page);
        await page.GotoAsync("/");
        await page.GetByTestId("home-register").ClickAsync();

        // Bad input first: every message sits at its field and what was typed stays.
        await account.RegisterAsync(new RegistrationForm(Password: "abc1", ConfirmPassword: "abc1"));
        await Expect(account.FieldError("Password")).ToHaveTextAsync("Пароль должен быть не короче 8 символов.");
        await Expect(account.Field("Nickname")).ToHaveValueAsync("anna.k");
        await Expect(account.Field("Patronymic")).ToHaveValueAsync("Олеговна");

        await account.RegisterAsync(new RegistrationForm(Email: "anna.k@example"));
        await Expect(account.FieldError("Email")).ToContainTextAsync("Это не похоже на адрес эл. почты");
        await Expect(account.Field("Email")).ToHaveValueAsync("anna.k@example");

        await account.RegisterAsync(new RegistrationForm(ConfirmPassword: "garage-key-78"));
        await Expect(account.FieldError("ConfirmPassword")).ToHaveTextAsync("Пароли не совпадают.");

        await account.RegisterAsync(new RegistrationForm());
        await Expect(page.GetByTestId("confirmation-sent")).ToContainTextAsync("anna.k@example.ru");

        // Signing in before confirming is refused with a way forward.
        await account.SignInAsync("anna.k", "garage-key-77");
        await Expect(page.GetByTestId("not-confirmed-message")).ToBeVisibleAsync();

        // The confirmation email, opened from the inbox.
        var mail = await fixture.Smtp.WaitForAsync("anna.k@example.ru");
        await page.GotoAsync(mail.Link("/Account/ConfirmEmail"));
        await Expect(page.GetByTestId("email-confirmed")).ToBeVisibleAsync();
        await page.GetByTestId("confirmed-sign-in").ClickAsync();

        await account.SignInAsync("anna.k", "garage-key-77");
        await Expect(page.GetByTestId("nav-profile")).ToHaveTextAsync("anna.k");

        await account.EditProfileAsync("Аннушка", "+7 (912) 345 67 89");
        await Expect(page.GetByTestId("status-message")).ToHaveTextAsync("Данные сохранены.");
        await Expect(account.Field("FirstName")).ToHaveValueAsync("Аннушка");
        await Expect(account.Field("Phone")).ToHaveValueAsync("+7 912 345-67-89");

        await account.ChangePasswordAsync("garage-key-77", "new-garage-key-88");
        await Expect(page.GetByTestId("status-message")).ToHaveTextAsync("Пароль изменён.");

        await account.SignOutAsync();
        await Expect(page.GetByTestId("nav-login")).ToBeVisibleAsync();

        await account.SignInAsync("anna.k@example.ru", "garage-key-77");
        await Expect(page.GetByTestId("form-errors")).ToHaveTextAsync("Неверный ник, адрес эл. почты или пароль.");
        await account.SignInAsync("anna.k@example.ru", "new-garage-key-88");
        await Expect(page.GetByTestId("nav-profile")).ToHaveTextAsync("anna.k");
    }

    [Fact]
    public async Task A_taken_nickname_is_refused_in_the_form()
    {
        await CreateUserAsync(new UserBuilder("anna.k").WithEmail("first@example.ru"));
        var page = await fixture.NewPageAsync();
        var account = new AccountPages(page);

        await account.RegisterAsync(new RegistrationForm());

        await Expect(account.FieldError("Nickname")).ToHaveTextAsync("Ник «anna.k» уже занят.");
        await Expect(account.Field("Email")).ToHaveValueAsync("anna.k@example.ru");
    }

    [Fact]
    public async Task After_ten_wrong_passwords_the_owner_typing_the_right_one_meets_the_lockout_message()
    {
        await CreateUserAsync(new UserBuilder("victim"));
        var page = await fixture.NewPageAsync();
        var account = new AccountPages(page);

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            await account.SignInAsync("victim", $"wrong-guess-{attempt}");
            await Expect(page.GetByTestId("form-errors")).ToContainTextAsync("Неверный ник, адрес эл. почты или пароль.");
        }

        await account.SignInAsync("victim", UserBuilder.DefaultPassword);

        await Expect(page.GetByTestId("lockout-message")).ToContainTextAsync("вход заблокирован на 15 мин.");
        await Expect(page.GetByTestId("nav-profile")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task On_a_phone_the_menu_folds_and_nothing_scrolls_sideways()
    {
        var page = await fixture.NewPageAsync(phone: true);

        await page.GotoAsync("/Account/Register");

        await Expect(page.GetByTestId("nav-register")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Открыть или закрыть меню" }).ClickAsync();
        await Expect(page.GetByTestId("nav-register")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => window.innerWidth > 375 || document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page is wider than the phone");
    }
}
