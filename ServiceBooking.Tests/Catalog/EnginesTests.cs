using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Catalog;

public sealed class EnginesTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private Task<HtmlClient> AdminAsync() => SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));

    private Task<Engine?> FindEngineAsync(string code) => WithServicesAsync(services =>
        services.GetRequiredService<ApplicationDbContext>().Engines.AsNoTracking().Include(e => e.Oil).SingleOrDefaultAsync(e => e.Code == code));

    private Task<int> ArrangeAsync(params object[] entities) => WithServicesAsync(services =>
    {
        var db = services.GetRequiredService<ApplicationDbContext>();
        db.AddRange(entities);
        return db.SaveChangesAsync();
    });

    private static Oil Oil(string brand, bool active = true)
    {
        var oil = new Oil(brand, "5W-30", Money.FromRoubles(950m));
        if (!active)
        {
            oil.Deactivate();
        }

        return oil;
    }

    private static IHtmlSelectElement OilSelect(HtmlPage page) => (IHtmlSelectElement)page.Document.QuerySelector("[data-testid=OilId]")!;

    private static Dictionary<string, string> Form(int oilId, string code = "G4FC", string volume = "3,3", string displacement = "1,6") => new()
    {
        ["Input.Code"] = code,
        ["Input.OilId"] = oilId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.OilVolume"] = volume,
        ["Input.Displacement"] = displacement,
    };

    [Theory]
    [InlineData("/Admin/Engines")]
    [InlineData("/Admin/Models")]
    [InlineData("/Admin/LabourRates")]
    public async Task A_manager_is_forbidden_the_catalog_sections(string url)
    {
        var manager = await SignedInAsync(new UserBuilder("anna").InRole(Roles.Manager));

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(url)).Status);
    }

    [Fact]
    public async Task An_admin_adds_an_engine_with_one_of_the_active_oils()
    {
        var shell = Oil("Shell Helix HX8");
        await ArrangeAsync(shell, Oil("Старое масло", active: false));
        var admin = await AdminAsync();

        var form = await admin.GetAsync("/Admin/Engines/Edit");
        var offered = OilSelect(form).Options.Where(o => o.Value.Length > 0).Select(o => o.Text.Trim()).ToList();
        var page = await admin.SubmitAsync(form, "[data-testid=engine-form]", Form(shell.Id, code: "g4fc", volume: "3,3", displacement: "1.6"));

        Assert.Equal(["Shell Helix HX8 5W-30"], offered);
        Assert.Equal("/Admin/Engines", page.Url.AbsolutePath);
        var engine = await FindEngineAsync("G4FC");
        Assert.NotNull(engine);
        Assert.Equal((shell.Id, 3.3m, 1.6m, true), (engine.OilId, engine.OilVolumeLitres, engine.DisplacementLitres, engine.IsActive));
        Assert.Equal(("G4FC", "Shell Helix HX8 5W-30", "3,3", "1,6"),
            (page.TestId("engine-code"), page.TestId("engine-oil"), page.TestId("engine-oil-volume"), page.TestId("engine-displacement")));
    }

    [Fact]
    public async Task Editing_an_engine_keeps_its_deactivated_oil_on_offer()
    {
        var oil = Oil("Mobil 1");
        var engine = new Engine("CZDA", oil, 4m, 1.4m);
        await ArrangeAsync(engine);
        await WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<ApplicationDbContext>();
            (await db.Oils.SingleAsync()).Deactivate();
            return await db.SaveChangesAsync();
        });
        var admin = await AdminAsync();

        var form = await admin.GetAsync($"/Admin/Engines/Edit/{engine.Id}");
        var page = await admin.SubmitAsync(form, "[data-testid=engine-form]", new Dictionary<string, string> { ["Input.OilVolume"] = "4,2" });

        Assert.Equal(oil.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), OilSelect(form).Value);
        Assert.Equal("/Admin/Engines", page.Url.AbsolutePath);
        var saved = await FindEngineAsync("CZDA");
        Assert.Equal((4.2m, oil.Id), (saved!.OilVolumeLitres, saved.OilId));
    }

    [Fact]
    public async Task Bad_engine_input_is_shown_at_its_field_and_kept()
    {
        var oil = Oil("Shell Helix HX8");
        await ArrangeAsync(new Engine("G4FC", oil, 3.3m, 1.6m));
        var admin = await AdminAsync();

        var duplicate = await admin.SubmitAsync(await admin.GetAsync("/Admin/Engines/Edit"), "[data-testid=engine-form]", Form(oil.Id, code: "g4fc"));
        var badDisplacement = await admin.SubmitAsync(duplicate, "[data-testid=engine-form]",
            new Dictionary<string, string> { ["Input.Code"] = "G4FG", ["Input.Displacement"] = "1,65" });
        var noOil = await admin.SubmitAsync(badDisplacement, "[data-testid=engine-form]",
            new Dictionary<string, string> { ["Input.OilId"] = string.Empty, ["Input.Displacement"] = "1,6" });

        Assert.Equal(HttpStatusCode.OK, duplicate.Status);
        Assert.Equal("Двигатель G4FC уже есть в каталоге.", duplicate.FieldError("Code"));
        Assert.Equal(("g4fc", "3,3"), (duplicate.FieldValue("Code"), duplicate.FieldValue("OilVolume")));
        Assert.Equal("Объём двигателя должен быть от 0,5 до 10 л (один знак после запятой).", badDisplacement.FieldError("Displacement"));
        Assert.Equal("1,65", badDisplacement.FieldValue("Displacement"));
        Assert.Equal("Заполните поле «Масло».", noOil.FieldError("OilId"));
        Assert.Equal("G4FG", noOil.FieldValue("Code"));
        Assert.Null(await FindEngineAsync("G4FG"));
    }

    [Fact]
    public async Task Twenty_admins_adding_the_same_engine_at_once_make_one_engine_and_no_server_error()
    {
        var oil = Oil("Shell Helix HX8");
        await ArrangeAsync(oil);
        var admins = new List<HtmlClient>();
        for (var i = 0; i < 20; i++)
        {
            admins.Add(await (i == 0 ? AdminAsync() : SignInAsync(new UserBuilder("boss"))));
        }

        var forms = await Task.WhenAll(admins.Select(a => a.GetAsync("/Admin/Engines/Edit")));
        var pages = await Task.WhenAll(admins.Select((a, i) => a.SubmitAsync(forms[i], "[data-testid=engine-form]", Form(oil.Id))));

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.Single(pages, p => p.Url.AbsolutePath == "/Admin/Engines");
        Assert.All(pages.Where(p => p.Url.AbsolutePath != "/Admin/Engines"), p => Assert.Equal("Двигатель G4FC уже есть в каталоге.", p.FieldError("Code")));
        Assert.Equal(1, await WithServicesAsync(services => services.GetRequiredService<ApplicationDbContext>().Engines.CountAsync()));
    }

    [Fact]
    public async Task An_engine_in_use_is_deactivated_instead_of_deleted_and_an_unused_one_is_deleted()
    {
        var oil = Oil("Shell Helix HX8");
        var used = new Engine("G4FG", oil, 3.6m, 1.6m);
        var unused = new Engine("K7M", oil, 3.4m, 1.6m);
        await ArrangeAsync(used, unused, new CarModel("Kia Rio (IV)", 1.05m, used), new CarModel("Hyundai Solaris (II)", 1.05m, used));
        var admin = await AdminAsync();

        var afterUsed = await admin.SubmitAsync(await admin.GetAsync("/Admin/Engines"), $"form[action='/Admin/Engines?id={used.Id}&handler=Delete']");
        var afterUnused = await admin.SubmitAsync(afterUsed, $"form[action='/Admin/Engines?id={unused.Id}&handler=Delete']");

        Assert.Equal("Двигатель «G4FG» используется моделями автомобилей (2), поэтому он деактивирован, а не удалён.", afterUsed.TestId("status-message"));
        Assert.False((await FindEngineAsync("G4FG"))!.IsActive);
        Assert.Equal("«K7M» удалено.", afterUnused.TestId("status-message"));
        Assert.Null(await FindEngineAsync("K7M"));
    }

    [Fact]
    public async Task A_deactivated_engine_is_activated_again()
    {
        var engine = new Engine("G4FC", Oil("Shell Helix HX8"), 3.3m, 1.6m);
        engine.Deactivate();
        await ArrangeAsync(engine);
        var admin = await AdminAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/Engines"), $"form[action='/Admin/Engines?id={engine.Id}&handler=Toggle']");

        Assert.Equal("«G4FC» снова активно.", page.TestId("status-message"));
        Assert.True((await FindEngineAsync("G4FC"))!.IsActive);
    }

    [Fact]
    public async Task An_unknown_engine_is_a_404()
    {
        var engine = new Engine("G4FC", Oil("Shell Helix HX8"), 3.3m, 1.6m);
        await ArrangeAsync(engine);
        var admin = await AdminAsync();
        var list = await admin.GetAsync("/Admin/Engines");
        list.Document.QuerySelector($"form[action='/Admin/Engines?id={engine.Id}&handler=Delete']")!.SetAttribute("action", "/Admin/Engines?id=999999&handler=Delete");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/Engines/Edit/999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.SubmitAsync(list, "form[action='/Admin/Engines?id=999999&handler=Delete']")).Status);
    }

    [Fact]
    public async Task An_engine_another_admin_gives_a_model_while_it_is_being_deleted_is_deactivated_instead()
    {
        var engine = new Engine("G4FG", Oil("Shell Helix HX8"), 3.6m, 1.6m);
        await ArrangeAsync(engine);
        var admin = await AdminAsync();
        var list = await admin.GetAsync("/Admin/Engines");

        var page = await WithServicesAsync(async services =>
        {
            // The other Admin's new model takes the engine in a transaction that has not committed yet: the delete
            // counts no model, then waits for that transaction at the engine's row.
            var db = services.GetRequiredService<ApplicationDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Add(new CarModel("Kia Rio (IV)", 1.05m, await db.Engines.SingleAsync()));
            await db.SaveChangesAsync();
            var deleting = admin.SubmitAsync(list, $"form[action='/Admin/Engines?id={engine.Id}&handler=Delete']");
            await WaitForALockAsync();
            await transaction.CommitAsync();
            return await deleting;
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Двигатель «G4FG» используется моделями автомобилей (1), поэтому он деактивирован, а не удалён.", page.TestId("status-message"));
        Assert.False((await FindEngineAsync("G4FG"))!.IsActive);
    }

    /// <summary>Returns once a statement of this test's database waits for a lock.</summary>
    private async Task WaitForALockAsync()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'", connection);
        for (var tries = 0; (long)(await waiting.ExecuteScalarAsync())! == 0; tries++)
        {
            Assert.True(tries < 200, "the delete never waited for the other transaction");
            await Task.Delay(50);
        }
    }
}
