using Microsoft.Playwright;

namespace ServiceBooking.Tests.Infrastructure.Browser.PageObjects;

/// <summary>The account pages as a user meets them: one method per thing the user does.</summary>
public sealed class AccountPages(IPage page)
{
    public IPage Page => page;

    public ILocator FieldError(string field) => page.GetByTestId($"{field}-error");

    public ILocator Field(string field) => page.GetByTestId(field);

    public async Task RegisterAsync(RegistrationForm form)
    {
        if (!page.Url.Contains("/Account/Register", StringComparison.Ordinal))
        {
            await page.GotoAsync("/Account/Register");
        }

        await page.GetByTestId("Nickname").FillAsync(form.Nickname);
        await page.GetByTestId("Email").FillAsync(form.Email);
        await page.GetByTestId("LastName").FillAsync(form.LastName);
        await page.GetByTestId("FirstName").FillAsync(form.FirstName);
        await page.GetByTestId("Patronymic").FillAsync(form.Patronymic);
        await page.GetByTestId("Password").FillAsync(form.Password);
        await page.GetByTestId("ConfirmPassword").FillAsync(form.ConfirmPassword ?? form.Password);
        await page.GetByTestId("register-submit").ClickAsync();
    }

    public async Task SignInAsync(string login, string password)
    {
        if (!page.Url.Contains("/Account/Login", StringComparison.Ordinal))
        {
            await page.GotoAsync("/Account/Login");
        }

        await page.GetByTestId("Login").FillAsync(login);
        await page.GetByTestId("Password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
    }

    public async Task SignOutAsync() => await page.GetByTestId("nav-logout").ClickAsync();

    public async Task EditProfileAsync(string firstName, string phone)
    {
        await page.GetByTestId("nav-profile").ClickAsync();
        await page.GetByTestId("FirstName").FillAsync(firstName);
        await page.GetByTestId("Phone").FillAsync(phone);
        await page.GetByTestId("profile-submit").ClickAsync();
    }

    public async Task ChangePasswordAsync(string current, string next)
    {
        await page.GetByTestId("nav-profile").ClickAsync();
        await page.GetByTestId("profile-tab-password").ClickAsync();
        await page.GetByTestId("CurrentPassword").FillAsync(current);
        await page.GetByTestId("NewPassword").FillAsync(next);
        await page.GetByTestId("ConfirmPassword").FillAsync(next);
        await page.GetByTestId("password-submit").ClickAsync();
    }
}

public sealed record RegistrationForm(
    string Nickname = "anna.k",
    string Email = "anna.k@example.ru",
    string LastName = "Кузнецова",
    string FirstName = "Анна",
    string Patronymic = "Олеговна",
    string Password = "garage-key-77",
    string? ConfirmPassword = null);
