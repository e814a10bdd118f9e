using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Catalog;

public sealed class OilsTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private Task<HtmlClient> AdminAsync() => SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));

    private Task<Oil?> FindOilAsync(string brand) => WithServicesAsync(services =>
        services.GetRequiredService<ApplicationDbContext>().Oils.AsNoTracking().SingleOrDefaultAsync(o => o.Brand == brand));

    [Theory]
    [InlineData("/Admin")]
    [InlineData("/Admin/Oils")]
    [InlineData("/Admin/Oils/Edit")]
    public async Task Clients_and_managers_are_forbidden_the_admin_area(string url)
    {
        var client = await SignedInAsync(new UserBuilder("ivan"));
        var manager = await SignedInAsync(new UserBuilder("anna").InRole(Roles.Manager));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(url)).Status);
        Assert.Equal("/Account/Login", (await HtmlClient.For(Fixture.Site).GetAsync(url)).Url.AbsolutePath);
    }

    [Fact]
    public async Task An_admin_adds_an_oil_with_a_price_typed_the_russian_way()
    {
        var admin = await AdminAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/Oils/Edit"), "[data-testid=oil-form]", new Dictionary<string, string>
        {
            ["Input.Brand"] = "Лукойл Genesis",
            ["Input.Viscosity"] = "5w-40",
            ["Input.Price"] = "1 250,50",
        });

        Assert.Equal("/Admin/Oils", page.Url.AbsolutePath);
        var oil = await FindOilAsync("Лукойл Genesis");
        Assert.NotNull(oil);
        Assert.Equal(("5W-40", 1250.50m, true), (oil.Viscosity, oil.PricePerLitre.Amount, oil.IsActive));
        Assert.Contains("1 250,50 ₽", page.TestId("oil-price")!.Replace('\u00A0', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_oil_input_is_shown_at_each_field_and_kept()
    {
        var admin = await AdminAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/Oils/Edit"), "[data-testid=oil-form]", new Dictionary<string, string>
        {
            ["Input.Brand"] = "Shell",
            ["Input.Viscosity"] = "5W30",
            ["Input.Price"] = "дорого",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Значение «дорого» не подходит для поля «Цена за литр».", page.FieldError("Price"));
        Assert.Equal("дорого", page.FieldValue("Price"));
        Assert.Equal("Shell", page.FieldValue("Brand"));

        var second = await admin.SubmitAsync(page, "[data-testid=oil-form]", new Dictionary<string, string> { ["Input.Price"] = "900" });
        Assert.StartsWith("Укажите класс SAE", second.FieldError("Viscosity"));
        Assert.Equal("5W30", second.FieldValue("Viscosity"));
        Assert.Null(await FindOilAsync("Shell"));
    }

    [Fact]
    public async Task An_oil_in_use_is_deactivated_instead_of_deleted_and_an_unused_one_is_deleted()
    {
        await WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<ApplicationDbContext>();
            var used = new Oil("Mobil 1", "5W-30", Money.FromRoubles(1350m));
            db.AddRange(used, new Oil("Castrol", "0W-20", Money.FromRoubles(1200m)), new Engine("CZDA", used, 4m, 1.4m));
            return await db.SaveChangesAsync();
        });
        var admin = await AdminAsync();
        var list = await admin.GetAsync("/Admin/Oils");
        var usedId = (await FindOilAsync("Mobil 1"))!.Id;
        var unusedId = (await FindOilAsync("Castrol"))!.Id;

        var afterUsed = await admin.SubmitAsync(list, $"form[action='/Admin/Oils?id={usedId}&handler=Delete']");
        var afterUnused = await admin.SubmitAsync(afterUsed, $"form[action='/Admin/Oils?id={unusedId}&handler=Delete']");

        Assert.Contains("деактивировано", afterUsed.TestId("status-message"), StringComparison.Ordinal);
        Assert.False((await FindOilAsync("Mobil 1"))!.IsActive);
        Assert.Equal("«Castrol 0W-20» удалено.", afterUnused.TestId("status-message"));
        Assert.Null(await FindOilAsync("Castrol"));
    }

    [Fact]
    public async Task Editing_an_unknown_oil_is_a_404()
    {
        var admin = await AdminAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/Oils/Edit/999999")).Status);
    }

    [Fact]
    public async Task Twenty_admins_adding_the_same_oil_at_once_make_one_oil_and_no_server_error()
    {
        var admins = new List<HtmlClient> { await AdminAsync() };
        for (var i = 1; i < 20; i++)
        {
            admins.Add(await SignInAsync(new UserBuilder("boss")));
        }

        var forms = await Task.WhenAll(admins.Select(a => a.GetAsync("/Admin/Oils/Edit")));
        var pages = await Task.WhenAll(admins.Select((a, i) => a.SubmitAsync(forms[i], "[data-testid=oil-form]", new Dictionary<string, string>
        {
            ["Input.Brand"] = "Mobil 1",
            ["Input.Viscosity"] = "5w-30",
            ["Input.Price"] = "1350",
        })));

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.Single(pages, p => p.Url.AbsolutePath == "/Admin/Oils");
        Assert.All(pages.Where(p => p.Url.AbsolutePath != "/Admin/Oils"), p => Assert.Equal("Масло Mobil 1 5W-30 уже есть в каталоге.", p.FieldError("Brand")));
        Assert.Equal(1, await WithServicesAsync(services => services.GetRequiredService<ApplicationDbContext>().Oils.CountAsync()));
    }
}
