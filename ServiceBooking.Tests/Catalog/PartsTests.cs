using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Catalog;

public sealed class PartsTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private Task<HtmlClient> AdminAsync() => SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));

    private Task<Part?> FindPartAsync(string name) => WithServicesAsync(services =>
        services.GetRequiredService<ApplicationDbContext>().Parts.AsNoTracking().Include(p => p.CompatibleModels)
            .SingleOrDefaultAsync(p => p.Name == name));

    /// <summary>Lada Vesta and Kia Rio (IV) active, Daewoo Nexia deactivated; returns the models' ids by name.</summary>
    private Task<Dictionary<string, int>> SeedModelsAsync() => WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<ApplicationDbContext>();
        var oil = new Oil("Лукойл Genesis", "5W-40", Money.FromRoubles(780m));
        var engine = new Engine("VAZ-21129", oil, 4.4m, 1.6m);
        var nexia = new CarModel("Daewoo Nexia", 1m, engine);
        nexia.Deactivate();
        db.AddRange(new CarModel("Lada Vesta", 1m, engine), new CarModel("Kia Rio (IV)", 1.05m, engine), nexia);
        await db.SaveChangesAsync();
        return await db.CarModels.ToDictionaryAsync(m => m.Name, m => m.Id);
    });

    private Task SeedPartsAsync(params (string Name, string? Article, decimal Price, string[] Models)[] parts) => WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<ApplicationDbContext>();
        var models = await db.CarModels.ToListAsync();
        // A part can only be made for active models: a deactivated one is as it was when the part was added.
        var inactive = models.Where(m => !m.IsActive).ToList();
        inactive.ForEach(m => m.Activate());
        db.AddRange(parts.Select(p => new Part(p.Name, p.Article, Money.FromRoubles(p.Price), models.Where(m => p.Models.Contains(m.Name)))));
        inactive.ForEach(m => m.Deactivate());
        return await db.SaveChangesAsync();
    });

    private static void Tick(HtmlPage page, int modelId, bool ticked = true) =>
        ((IHtmlInputElement)page.Document.QuerySelector($"input[name='Input.ModelIds'][value='{modelId}']")!).IsChecked = ticked;

    private static List<string> Rows(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("[data-testid=part-name]").Select(e => e.TextContent.Trim())];

    [Fact]
    public async Task An_admin_adds_a_part_for_the_models_it_fits()
    {
        var models = await SeedModelsAsync();
        var admin = await AdminAsync();
        var form = await admin.GetAsync("/Admin/Parts/Edit");
        Tick(form, models["Lada Vesta"]);
        Tick(form, models["Kia Rio (IV)"]);

        var page = await admin.SubmitAsync(form, "[data-testid=part-form]", new Dictionary<string, string>
        {
            ["Input.Name"] = "Масляный фильтр",
            ["Input.Article"] = "26300-35505",
            ["Input.Price"] = "650,50",
        });

        Assert.Equal("/Admin/Parts", page.Url.AbsolutePath);
        Assert.Null(form.Document.QuerySelector($"input[name='Input.ModelIds'][value='{models["Daewoo Nexia"]}']"));
        var part = await FindPartAsync("Масляный фильтр");
        Assert.NotNull(part);
        Assert.Equal(("26300-35505", 650.50m, true), (part.Article, part.Price.Amount, part.IsActive));
        Assert.Equal(["Kia Rio (IV)", "Lada Vesta"], part.CompatibleModels.Select(m => m.Name).Order());
        Assert.Equal("Kia Rio (IV), Lada Vesta", page.TestId("part-models"));
        Assert.Equal("«Масляный фильтр» сохранено.", page.TestId("status-message"));
    }

    [Fact]
    public async Task Editing_a_part_replaces_its_models_and_still_offers_a_deactivated_one_it_fits()
    {
        var models = await SeedModelsAsync();
        await SeedPartsAsync(("Свеча зажигания", null, 220m, ["Lada Vesta", "Daewoo Nexia"]));
        var id = (await FindPartAsync("Свеча зажигания"))!.Id;
        var admin = await AdminAsync();

        var form = await admin.GetAsync($"/Admin/Parts/Edit/{id}");
        Assert.Equal("220.00", form.FieldValue("Price"));
        Assert.True(((IHtmlInputElement)form.Document.QuerySelector($"input[value='{models["Daewoo Nexia"]}']")!).IsChecked);
        Tick(form, models["Lada Vesta"], ticked: false);
        Tick(form, models["Kia Rio (IV)"]);
        var page = await admin.SubmitAsync(form, "[data-testid=part-form]", new Dictionary<string, string> { ["Input.Price"] = "250" });

        Assert.Equal("/Admin/Parts", page.Url.AbsolutePath);
        var part = await FindPartAsync("Свеча зажигания");
        Assert.Equal(250m, part!.Price.Amount);
        Assert.Equal(["Daewoo Nexia", "Kia Rio (IV)"], part.CompatibleModels.Select(m => m.Name).Order());
    }

    [Fact]
    public async Task Bad_part_input_is_shown_at_each_field_and_kept()
    {
        var models = await SeedModelsAsync();
        var admin = await AdminAsync();
        var form = await admin.GetAsync("/Admin/Parts/Edit");
        Tick(form, models["Kia Rio (IV)"]);

        var page = await admin.SubmitAsync(form, "[data-testid=part-form]", new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.Article"] = "58101-H5A00",
            ["Input.Price"] = "дёшево",
        });
        var second = await admin.SubmitAsync(page, "[data-testid=part-form]", new Dictionary<string, string>
        {
            ["Input.Name"] = "Колодки",
            ["Input.Price"] = "0",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Заполните поле «Название».", page.FieldError("Name"));
        Assert.Equal("Значение «дёшево» не подходит для поля «Цена».", page.FieldError("Price"));
        Assert.Equal("58101-H5A00", page.FieldValue("Article"));
        Assert.True(((IHtmlInputElement)page.Document.QuerySelector($"input[value='{models["Kia Rio (IV)"]}']")!).IsChecked);
        Assert.Equal("Укажите цену больше нуля.", second.FieldError("Price"));
        Assert.Null(await FindPartAsync("Колодки"));
    }

    [Fact]
    public async Task The_list_is_filtered_by_name_or_part_number_with_and_without_htmx()
    {
        await SeedModelsAsync();
        await SeedPartsAsync(
            ("Масляный фильтр LADA", "21080-1012005-08", 350m, ["Lada Vesta"]),
            ("Воздушный фильтр Hyundai/Kia", "28113-H8100", 900m, ["Kia Rio (IV)"]),
            ("Свеча зажигания 100%", "18846-11070", 750m, ["Kia Rio (IV)"]));
        var admin = await AdminAsync();

        var all = await admin.GetAsync("/Admin/Parts");
        var byName = await admin.GetAsync("/Admin/Parts?q=" + Uri.EscapeDataString("ФИЛЬТР"));
        var byArticle = await admin.GetAsync("/Admin/Parts?q=h8100");
        var table = await admin.GetAsync("/Admin/Parts?handler=Table&q=21080");
        var percent = await admin.GetAsync("/Admin/Parts?handler=Table&q=%25");
        var none = await admin.GetAsync("/Admin/Parts?q=тормоз");

        Assert.Equal(3, Rows(all).Count);
        Assert.Equal(["Воздушный фильтр Hyundai/Kia", "Масляный фильтр LADA"], Rows(byName));
        Assert.Equal("ФИЛЬТР", byName.Document.QuerySelector<IHtmlInputElement>("[data-testid=part-query]")!.Value);
        Assert.Equal(["Воздушный фильтр Hyundai/Kia"], Rows(byArticle));
        Assert.Equal(["Масляный фильтр LADA"], Rows(table));
        Assert.False(table.Has("admin-nav"));
        Assert.NotNull(table.Document.QuerySelector("#parts-table"));
        Assert.Equal(["Свеча зажигания 100%"], Rows(percent));
        Assert.Equal("Ничего не найдено.", none.TestId("part-none"));
        var filter = all.Document.QuerySelector("[data-testid=part-query]")!;
        Assert.Equal(("/Admin/Parts?handler=Table", "#parts-table"), (filter.GetAttribute("hx-get"), filter.GetAttribute("hx-target")));
    }

    [Fact]
    public async Task A_part_a_repair_type_lists_is_deactivated_instead_of_deleted_and_an_unused_one_is_deleted()
    {
        await SeedModelsAsync();
        await SeedPartsAsync(("Масляный фильтр", null, 350m, ["Lada Vesta"]), ("Салонный фильтр", null, 550m, ["Lada Vesta"]));
        await WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<ApplicationDbContext>();
            var rate = new LabourRate("ТО", LabourKind.Maintenance, Money.FromRoubles(2600m));
            var type = new RepairType("ТО-1", 1m, rate, carModel: null, includesOilChange: true);
            type.SetParts([(await db.Parts.SingleAsync(p => p.Name == "Масляный фильтр"), 1)]);
            db.Add(type);
            return await db.SaveChangesAsync();
        });
        var usedId = (await FindPartAsync("Масляный фильтр"))!.Id;
        var unusedId = (await FindPartAsync("Салонный фильтр"))!.Id;
        var admin = await AdminAsync();
        var list = await admin.GetAsync("/Admin/Parts");

        var afterUsed = await admin.SubmitAsync(list, $"form[action='/Admin/Parts?id={usedId}&handler=Delete']");
        var afterUnused = await admin.SubmitAsync(afterUsed, $"form[action='/Admin/Parts?id={unusedId}&handler=Delete']");

        Assert.Equal("«Масляный фильтр» используется в типах ремонта (1), поэтому оно деактивировано, а не удалено.", afterUsed.TestId("status-message"));
        Assert.False((await FindPartAsync("Масляный фильтр"))!.IsActive);
        Assert.Equal("«Салонный фильтр» удалено.", afterUnused.TestId("status-message"));
        Assert.Null(await FindPartAsync("Салонный фильтр"));
    }

    [Fact]
    public async Task An_unknown_part_is_a_404()
    {
        var admin = await AdminAsync();
        var form = await admin.GetAsync("/Admin/Parts/Edit");

        var post = await admin.PostRawAsync("/Admin/Parts/Edit/999999", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.Document.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value,
            ["Input.Name"] = "Фильтр",
            ["Input.Price"] = "100",
        });

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/Parts/Edit/999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
