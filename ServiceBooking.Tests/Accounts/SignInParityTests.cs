using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Accounts;

/// <summary>The site's own password hasher, counting the hashes it checks.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> _inner = new();
    private int _verified;

    public int Verified => Volatile.Read(ref _verified);

    public void Reset() => Interlocked.Exchange(ref _verified, 0);

    public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verified);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class SignInParityFixture : SiteFixture
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void Configure(SiteFactory site) =>
        site.ConfigureTestServices = services => services.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher);
}

/// <summary>
/// A stranger trying logins learns nothing: an unknown login, a wrong password, an unconfirmed account and a locked
/// account all get the same message, and each costs one password hash (a dummy one for an unknown login), so the
/// time of the answer does not tell them apart either.
/// </summary>
public sealed class SignInParityTests(SignInParityFixture fixture) : SiteTest<SignInParityFixture>(fixture)
{
    [Fact]
    public async Task Every_failure_before_the_right_password_gives_the_same_page_and_checks_one_hash()
    {
        await CreateUserAsync(new UserBuilder("ivan"));
        await CreateUserAsync(new UserBuilder("zoya").Unconfirmed());
        await CreateUserAsync(new UserBuilder("lena"));
        await WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            return await users.SetLockoutEndDateAsync((await users.FindByNameAsync("lena"))!, DateTimeOffset.UtcNow.AddMinutes(15));
        });

        var answers = new Dictionary<string, (string Errors, int Hashes, bool Told)>();
        foreach (var login in new[] { "nobody", "ivan", "zoya", "lena" })
        {
            var client = HtmlClient.For(Fixture.Site);
            var form = await client.GetAsync("/Account/Login");
            Fixture.Hasher.Reset();
            var page = await client.SubmitAsync(form, "[data-testid=login-form]",
                new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = "not-the-password1" });
            answers[login] = (page.FormErrors, Fixture.Hasher.Verified, page.Has("lockout-message") || page.Has("not-confirmed-message"));
        }

        Assert.All(answers, answer =>
        {
            Assert.Equal("Неверный ник, адрес эл. почты или пароль.", answer.Value.Errors);
            Assert.Equal(1, answer.Value.Hashes);
            Assert.False(answer.Value.Told, $"{answer.Key}: the page told more than 'wrong login or password'");
        });
    }
}
