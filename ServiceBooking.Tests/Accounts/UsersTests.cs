using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Accounts;

public sealed class UsersTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private static readonly UserBuilder Boss = new UserBuilder("boss").WithName("Начальников", "Борис").InRole(Roles.Admin);

    private Task<HtmlClient> AdminAsync() => SignedInAsync(Boss);

    private static List<string> Nicknames(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("[data-testid=user-nickname]").Select(e => e.TextContent.Trim())];

    private static string Row(string id) => $"[data-testid=user-row][data-id='{id}']";

    private Task<T> WithUsersAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> action) =>
        WithServicesAsync(services => action(services.GetRequiredService<UserManager<ApplicationUser>>()));

    private Task<bool> IsInRoleAsync(string nickname, string role) =>
        WithUsersAsync(async users => await users.IsInRoleAsync((await users.FindByNameAsync(nickname))!, role));

    private async Task<HtmlClient> AdminWithPeopleAsync()
    {
        await CreateUserAsync(new UserBuilder("ivan").WithName("Петров", "Иван").WithPhone("+79001234567"));
        await CreateUserAsync(new UserBuilder("maria").WithName("Сидорова", "Мария", "Олеговна").WithEmail("m.sidorova@post.example").Unconfirmed());
        await CreateUserAsync(new UserBuilder("oleg").WithName("Кузнецов", "Олег").WithPhone("+79115550011"));
        return await AdminAsync();
    }

    [Theory]
    [InlineData("IVA", "ivan")]
    [InlineData("sidorova@post", "maria")]
    [InlineData("сиДОРОВА", "maria")]
    [InlineData("8 900 123-45-67", "ivan")]
    [InlineData("555-00", "oleg")]
    [InlineData("Кузнецов Олег", "oleg")]
    public async Task The_search_finds_people_by_any_of_their_details(string query, string nickname)
    {
        var admin = await AdminWithPeopleAsync();

        var page = await admin.GetAsync("/Admin/Users?q=" + Uri.EscapeDataString(query));

        Assert.Equal([nickname], Nicknames(page));
        Assert.Equal(query, page.Document.QuerySelector("[data-testid=user-query]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Wildcards_typed_in_the_search_are_taken_literally()
    {
        var admin = await AdminWithPeopleAsync();

        Assert.Empty(Nicknames(await admin.GetAsync("/Admin/Users?q=%25")));
        Assert.Empty(Nicknames(await admin.GetAsync("/Admin/Users?q=_")));
        Assert.Equal(4, Nicknames(await admin.GetAsync("/Admin/Users?q=")).Count);
    }

    [Fact]
    public async Task A_row_shows_the_details_an_admin_needs()
    {
        var admin = await AdminWithPeopleAsync();

        var page = await admin.GetAsync("/Admin/Users");
        var maria = page.Document.QuerySelectorAll("[data-testid=user-row]").Single(r => r.TextContent.Contains("maria", StringComparison.Ordinal));
        var ivan = page.Document.QuerySelectorAll("[data-testid=user-row]").Single(r => r.TextContent.Contains("ivan", StringComparison.Ordinal));

        Assert.Equal(["oleg", "boss", "ivan", "maria"], Nicknames(page)); // by last name: Кузнецов, Начальников, Петров, Сидорова
        Assert.Equal("Сидорова Мария Олеговна", maria.QuerySelector("[data-testid=user-name]")!.TextContent.Trim());
        Assert.Equal("не подтверждён", maria.QuerySelector("[data-testid=user-unconfirmed]")!.TextContent.Trim());
        Assert.Null(ivan.QuerySelector("[data-testid=user-unconfirmed]"));
        Assert.Equal("+7 900 123-45-67", ivan.QuerySelector("[data-testid=user-phone]")!.TextContent.Trim());
        Assert.Equal("Клиент", ivan.QuerySelector("[data-testid=user-roles]")!.TextContent.Trim());
    }

    [Fact]
    public async Task With_htmx_the_search_returns_only_the_results()
    {
        var admin = await AdminWithPeopleAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Admin/Users?q=maria");
        request.Headers.Add("HX-Request", "true");

        using var response = await admin.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("HX-Request", response.Headers.Vary);
        Assert.StartsWith("<div id=\"user-results\"", html.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("m.sidorova@post.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ivan@example.ru", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_come_twenty_to_a_page()
    {
        await WithUsersAsync(async users =>
        {
            for (var i = 1; i <= 24; i++)
            {
                var person = new UserBuilder($"client{i:00}").WithName("Клиентов", "Иван").Build();
                Assert.True((await users.CreateAsync(person)).Succeeded);
            }

            return 0;
        });
        var admin = await AdminAsync();

        var first = await admin.GetAsync("/Admin/Users?q=client");
        var second = await admin.GetAsync(first.Document.QuerySelector("[data-testid=user-next]")!.GetAttribute("href")!);

        Assert.Equal(20, Nicknames(first).Count);
        Assert.Equal(["client21", "client22", "client23", "client24"], Nicknames(second));
        Assert.Equal("Страница 2 из 2", second.TestId("user-page"));
        Assert.False(second.Has("user-next"));
    }

    [Fact]
    public async Task Granting_manager_puts_the_role_in_the_database_and_the_row()
    {
        var admin = await AdminWithPeopleAsync();
        var ivan = await WithUsersAsync(users => users.FindByNameAsync("ivan"));
        var list = await admin.GetAsync("/Admin/Users?q=ivan");

        var page = await admin.SubmitAsync(list, $"{Row(ivan!.Id)} form[data-testid=grant-Manager]");

        Assert.True(await IsInRoleAsync("ivan", Roles.Manager));
        Assert.Equal("Пользователю ivan выдана роль «Менеджер».", page.TestId("status-message"));
        Assert.Equal("/Admin/Users", page.Url.AbsolutePath);
        Assert.Equal("?q=ivan", page.Url.Query);
        var roles = page.Document.QuerySelector($"{Row(ivan.Id)} [data-testid=user-roles]")!;
        Assert.Contains(roles.QuerySelectorAll("[data-role]"), badge => badge.GetAttribute("data-role") == Roles.Manager);
        Assert.NotNull(page.Document.QuerySelector($"{Row(ivan.Id)} form[data-testid=revoke-Manager]"));
    }

    [Fact]
    public async Task Revoking_a_role_removes_it_and_renews_the_security_stamp()
    {
        var anna = await CreateUserAsync(new UserBuilder("anna").InRole(Roles.Manager));
        var stamp = await WithUsersAsync(async users => await users.GetSecurityStampAsync((await users.FindByIdAsync(anna.Id))!));
        var admin = await AdminAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/Users"), $"{Row(anna.Id)} form[data-testid=revoke-Manager]");

        Assert.False(await IsInRoleAsync("anna", Roles.Manager));
        Assert.Equal("С пользователя anna снята роль «Менеджер».", page.TestId("status-message"));
        Assert.NotEqual(stamp, await WithUsersAsync(async users => await users.GetSecurityStampAsync((await users.FindByIdAsync(anna.Id))!)));
    }

    [Fact]
    public async Task An_admin_cannot_revoke_their_own_admin_role()
    {
        var admin = await AdminAsync();
        var boss = await WithUsersAsync(users => users.FindByNameAsync("boss"));

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/Users"), $"{Row(boss!.Id)} form[data-testid=revoke-Admin]");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Нельзя снять роль администратора с самого себя", page.TestId("error-message"), StringComparison.Ordinal);
        Assert.False(page.Has("status-message"));
        Assert.True(await IsInRoleAsync("boss", Roles.Admin));
    }

    [Fact]
    public async Task The_last_admin_keeps_the_role_even_against_a_stale_admin_cookie()
    {
        var anna = await CreateUserAsync(new UserBuilder("anna").InRole(Roles.Admin));
        var admin = await AdminAsync();
        var list = await admin.GetAsync("/Admin/Users");
        // Someone took boss's Admin role; boss's cookie still says Admin until its next validation.
        await WithUsersAsync(async users => await users.RemoveFromRoleAsync((await users.FindByNameAsync("boss"))!, Roles.Admin));

        var page = await admin.SubmitAsync(list, $"{Row(anna.Id)} form[data-testid=revoke-Admin]");

        Assert.Equal("anna — последний администратор; сначала выдайте эту роль кому-нибудь ещё.", page.TestId("error-message"));
        Assert.True(await IsInRoleAsync("anna", Roles.Admin));
    }

    [Theory]
    [InlineData("Supervisor")]
    [InlineData("Client")]
    public async Task A_role_outside_the_grantable_ones_is_refused(string role)
    {
        var admin = await AdminWithPeopleAsync();
        var ivan = await WithUsersAsync(users => users.FindByNameAsync("ivan"));
        var boss = await WithUsersAsync(users => users.FindByNameAsync("boss"));
        var list = await admin.GetAsync("/Admin/Users");

        var grant = await admin.SubmitAsync(list, $"{Row(ivan!.Id)} form[data-testid=grant-Manager]", new Dictionary<string, string> { ["role"] = role });
        var revoke = await admin.SubmitAsync(list, $"{Row(boss!.Id)} form[data-testid=revoke-Admin]", new Dictionary<string, string> { ["role"] = role });

        Assert.Equal(HttpStatusCode.BadRequest, grant.Status);
        Assert.Equal(HttpStatusCode.BadRequest, revoke.Status);
        Assert.False(await IsInRoleAsync("ivan", Roles.Manager));
        Assert.True(await IsInRoleAsync("boss", Roles.Client));
    }

    [Fact]
    public async Task An_unknown_user_is_a_404()
    {
        var admin = await AdminWithPeopleAsync();
        var ivan = await WithUsersAsync(users => users.FindByNameAsync("ivan"));
        var list = await admin.GetAsync("/Admin/Users");

        var page = await admin.SubmitAsync(list, $"{Row(ivan!.Id)} form[data-testid=grant-Manager]", new Dictionary<string, string> { ["id"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task Managers_cannot_open_the_users_page()
    {
        var manager = await SignedInAsync(new UserBuilder("anna").InRole(Roles.Manager));

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/Admin/Users")).Status);
    }
}
