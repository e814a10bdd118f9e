using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Tests.Catalog;

public sealed class RepairTypesTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private const string Form = "[data-testid=repair-type-form]";
    private const string KiaFilter = "Масляный фильтр Hyundai/Kia", KiaPlug = "Свеча зажигания Hyundai/Kia",
        LadaFilter = "Масляный фильтр LADA", OldKiaFilter = "Масляный фильтр Kia (снят с продажи)";

    private sealed record Catalog(int Rio, int Vesta, int Rate, int OldRate, Dictionary<string, int> Parts);

    private Task<HtmlClient> AdminAsync() => SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));

    /// <summary>Kia Rio (IV) and Lada Vesta with their engines and oils, an active and a deactivated labour rate, and parts for each.</summary>
    private Task<Catalog> SeedAsync() => WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<ApplicationDbContext>();
        var rio = new CarModel("Kia Rio (IV)", 1.05m, new Engine("G4FG", new Oil("Shell Helix HX8", "5W-30", Money.FromRoubles(950m)), 3.6m, 1.6m));
        var vesta = new CarModel("Lada Vesta", 1m, new Engine("VAZ-21129", new Oil("Лукойл Genesis", "5W-40", Money.FromRoubles(780m)), 4.4m, 1.6m));
        var rate = new LabourRate("Техническое обслуживание", LabourKind.Maintenance, Money.FromRoubles(2600m));
        var oldRate = new LabourRate("Старый нормочас", LabourKind.Maintenance, Money.FromRoubles(1000m));
        oldRate.Deactivate();
        var oldFilter = new Part(OldKiaFilter, null, Money.FromRoubles(500m), [rio]);
        oldFilter.Deactivate();
        db.AddRange(rio, vesta, rate, oldRate, oldFilter,
            new Part(KiaFilter, "26300-35505", Money.FromRoubles(650m), [rio]),
            new Part(KiaPlug, "18846-11070", Money.FromRoubles(750m), [rio]),
            new Part(LadaFilter, "21080-1012005-08", Money.FromRoubles(350m), [vesta]));
        await db.SaveChangesAsync();
        return new Catalog(rio.Id, vesta.Id, rate.Id, oldRate.Id, await db.Parts.ToDictionaryAsync(p => p.Name, p => p.Id));
    });

    private Task<int> SeedTypeAsync(string name, string? model, bool oil, params (string Part, int Quantity)[] parts) => WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<ApplicationDbContext>();
        var carModel = model is null ? null : await db.CarModels.SingleAsync(m => m.Name == model);
        var type = new RepairType(name, 1.5m, await db.LabourRates.SingleAsync(r => r.IsActive), carModel, oil);
        var names = parts.Select(p => p.Part).ToList();
        var found = await db.Parts.Include(p => p.CompatibleModels).Where(p => names.Contains(p.Name)).ToListAsync();
        type.SetParts(parts.Select(p => (found.Single(f => f.Name == p.Part), p.Quantity)));
        db.Add(type);
        await db.SaveChangesAsync();
        return type.Id;
    });

    private Task<List<RepairType>> TypesAsync() => WithServicesAsync(services =>
        services.GetRequiredService<ApplicationDbContext>().RepairTypes.AsNoTracking()
            .Include(r => r.LabourRate)
            .Include(r => r.CarModel!).ThenInclude(m => m.Engine).ThenInclude(e => e.Oil)
            .Include(r => r.Parts).ThenInclude(p => p.Part)
            .OrderBy(r => r.Id).ToListAsync());

    private static Dictionary<string, int> Parts(RepairType type) => type.Parts.ToDictionary(p => p.Part.Name, p => p.Quantity);

    private static List<string> Texts(HtmlPage page, string testId) =>
        [.. page.Document.QuerySelectorAll($"[data-testid='{testId}']").Select(e => e.TextContent.Trim().Replace('\u00A0', ' '))];

    private static string Quantity(HtmlPage page, int partId) =>
        page.Document.QuerySelector<IHtmlInputElement>($"input[name='Input.Quantities[{partId}]']")!.Value;

    private static string Selected(HtmlPage page, string testId) =>
        page.Document.QuerySelector<IHtmlSelectElement>($"[data-testid='{testId}']")!.Value ?? string.Empty;

    [Fact]
    public async Task An_admin_creates_a_repair_type_for_a_model_with_its_parts()
    {
        var catalog = await SeedAsync();
        var admin = await AdminAsync();
        var form = await admin.GetAsync("/Admin/RepairTypes/Edit");

        var page = await admin.SubmitAsync(form, Form, new Dictionary<string, string>
        {
            ["Input.Name"] = "ТО-2",
            ["Input.NormHours"] = "1,5",
            ["Input.LabourRateId"] = $"{catalog.Rate}",
            ["Input.CarModelId"] = $"{catalog.Rio}",
            ["Input.IncludesOilChange"] = "true",
            [$"Input.Quantities[{catalog.Parts[KiaFilter]}]"] = "1",
            [$"Input.Quantities[{catalog.Parts[KiaPlug]}]"] = "4",
            [$"Input.Quantities[{catalog.Parts[LadaFilter]}]"] = "0",
        });

        var rates = form.Document.QuerySelectorAll("[data-testid=LabourRateId] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", $"{catalog.Rate}"], rates);
        Assert.Equal(("", "Любая модель"), (Selected(form, "CarModelId"), form.Document.QuerySelector("[data-testid=CarModelId] option")!.TextContent));
        Assert.Equal([KiaFilter, LadaFilter, KiaPlug], Texts(form, "part-name").Order());
        Assert.Equal("/Admin/RepairTypes", page.Url.AbsolutePath);
        var type = Assert.Single(await TypesAsync());
        Assert.Equal(("ТО-2", 1.5m, "Kia Rio (IV)", true, true), (type.Name, type.NormHours, type.CarModel?.Name, type.IncludesOilChange, type.IsActive));
        Assert.Equal(new Dictionary<string, int> { [KiaFilter] = 1, [KiaPlug] = 4 }, Parts(type));
        Assert.Equal(["Kia Rio (IV)"], Texts(page, "repair-type-model"));
        Assert.Equal(["да"], Texts(page, "repair-type-oil"));
        Assert.Equal(["2"], Texts(page, "repair-type-parts"));
    }

    [Fact]
    public async Task An_admin_moves_a_type_to_another_model_with_that_models_parts()
    {
        var catalog = await SeedAsync();
        var id = await SeedTypeAsync("ТО-1", "Kia Rio (IV)", oil: true, (KiaFilter, 1));
        var admin = await AdminAsync();
        var form = await admin.GetAsync($"/Admin/RepairTypes/Edit/{id}");

        var page = await admin.SubmitAsync(form, Form, new Dictionary<string, string>
        {
            ["Input.NormHours"] = "2",
            ["Input.CarModelId"] = $"{catalog.Vesta}",
            ["Input.IncludesOilChange"] = "false",
            [$"Input.Quantities[{catalog.Parts[KiaFilter]}]"] = "",
            [$"Input.Quantities[{catalog.Parts[LadaFilter]}]"] = "2",
        });

        Assert.Equal(($"{catalog.Rio}", "1", "1.5"), (Selected(form, "CarModelId"), Quantity(form, catalog.Parts[KiaFilter]), form.FieldValue("NormHours")));
        Assert.Equal([KiaFilter, KiaPlug], Texts(form, "part-name").Order());
        Assert.Equal($"/Admin/RepairTypes/Edit/{id}?handler=Parts", form.Document.QuerySelector("[data-testid=CarModelId]")!.GetAttribute("hx-get"));
        Assert.Equal("/Admin/RepairTypes", page.Url.AbsolutePath);
        var type = Assert.Single(await TypesAsync());
        Assert.Equal((2m, "Lada Vesta", false), (type.NormHours, type.CarModel?.Name, type.IncludesOilChange));
        Assert.Equal(new Dictionary<string, int> { [LadaFilter] = 2 }, Parts(type));
    }

    [Fact]
    public async Task Changing_a_quantity_keeps_the_other_parts_as_they_were()
    {
        var catalog = await SeedAsync();
        var id = await SeedTypeAsync("ТО-4", "Kia Rio (IV)", oil: true, (KiaFilter, 1), (KiaPlug, 4));
        var admin = await AdminAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync($"/Admin/RepairTypes/Edit/{id}"), Form,
            new Dictionary<string, string> { [$"Input.Quantities[{catalog.Parts[KiaFilter]}]"] = "2" });

        Assert.Equal("/Admin/RepairTypes", page.Url.AbsolutePath);
        var type = Assert.Single(await TypesAsync());
        Assert.Equal(new Dictionary<string, int> { [KiaFilter] = 2, [KiaPlug] = 4 }, Parts(type));
    }

    [Fact]
    public async Task The_parts_handler_offers_only_active_parts_that_fit_the_model_and_keeps_typed_quantities()
    {
        var catalog = await SeedAsync();
        var admin = await AdminAsync();
        var form = await admin.GetAsync("/Admin/RepairTypes/Edit");
        string Url(string model) => "/Admin/RepairTypes/Edit?handler=Parts&Input.CarModelId=" + model
            + $"&{Uri.EscapeDataString($"Input.Quantities[{catalog.Parts[KiaFilter]}]")}=3"
            + $"&{Uri.EscapeDataString($"Input.Quantities[{catalog.Parts[LadaFilter]}]")}=2";

        var forRio = await admin.GetAsync(Url($"{catalog.Rio}"));
        var forAny = await admin.GetAsync(Url(""));

        Assert.Equal([KiaFilter, KiaPlug], Texts(forRio, "part-name").Order());
        Assert.Equal(("3", ""), (Quantity(forRio, catalog.Parts[KiaFilter]), Quantity(forRio, catalog.Parts[KiaPlug])));
        Assert.False(forRio.Has("admin-nav"));
        Assert.NotNull(forRio.Document.QuerySelector("fieldset#parts-block"));
        Assert.Equal([KiaFilter, LadaFilter, KiaPlug], Texts(forAny, "part-name").Order());
        Assert.Equal("2", Quantity(forAny, catalog.Parts[LadaFilter]));
        var select = form.Document.QuerySelector("[data-testid=CarModelId]")!;
        Assert.Equal(("/Admin/RepairTypes/Edit?handler=Parts", "closest form", "#parts-block"),
            (select.GetAttribute("hx-get"), select.GetAttribute("hx-include"), select.GetAttribute("hx-target")));
    }

    [Fact]
    public async Task A_part_that_does_not_fit_the_chosen_model_is_refused_next_to_the_parts()
    {
        var catalog = await SeedAsync();
        var admin = await AdminAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/RepairTypes/Edit"), Form, new Dictionary<string, string>
        {
            ["Input.Name"] = "ТО-1",
            ["Input.NormHours"] = "1",
            ["Input.LabourRateId"] = $"{catalog.Rate}",
            ["Input.CarModelId"] = $"{catalog.Rio}",
            [$"Input.Quantities[{catalog.Parts[KiaFilter]}]"] = "1",
            [$"Input.Quantities[{catalog.Parts[LadaFilter]}]"] = "1",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Расходник «Масляный фильтр LADA» не подходит к Kia Rio (IV).", page.FieldError("Parts"));
        Assert.Equal(("1", "1"), (Quantity(page, catalog.Parts[LadaFilter]), Quantity(page, catalog.Parts[KiaFilter])));
        Assert.Equal($"{catalog.Rio}", Selected(page, "CarModelId"));
        Assert.Empty(await TypesAsync());
    }

    [Fact]
    public async Task Bad_input_is_shown_at_each_field_and_kept()
    {
        var catalog = await SeedAsync();
        var admin = await AdminAsync();
        var filter = $"Input.Quantities[{catalog.Parts[KiaFilter]}]";

        var first = await admin.SubmitAsync(await admin.GetAsync("/Admin/RepairTypes/Edit"), Form, new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.NormHours"] = "полтора",
            [filter] = "два",
        });
        var second = await admin.SubmitAsync(first, Form, new Dictionary<string, string>
        {
            ["Input.Name"] = "ТО-3",
            ["Input.NormHours"] = "0,05",
            ["Input.LabourRateId"] = $"{catalog.OldRate}",
            [filter] = "1",
        });
        var third = await admin.SubmitAsync(second, Form, new Dictionary<string, string> { ["Input.LabourRateId"] = $"{catalog.Rate}" });
        var fourth = await admin.SubmitAsync(third, Form, new Dictionary<string, string> { ["Input.NormHours"] = "1", [filter] = "101" });

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("Заполните поле «Название».", first.FieldError("Name"));
        Assert.Equal("Значение «полтора» не подходит для поля «Нормо-часы».", first.FieldError("NormHours"));
        Assert.Equal("Заполните поле «Нормочас».", first.FieldError("LabourRateId"));
        Assert.Equal("Введите целое число.", first.Document.QuerySelector($"input[name='{filter}'] + [data-testid=quantity-error]")!.TextContent);
        Assert.Equal(("полтора", "два"), (first.FieldValue("NormHours"), Quantity(first, catalog.Parts[KiaFilter])));
        Assert.Equal("Выберите значение из списка.", second.FieldError("LabourRateId"));
        Assert.StartsWith("Нормо-часы должны быть от 0,1 до 100", third.FieldError("NormHours"));
        Assert.Equal(("ТО-3", "0,05"), (third.FieldValue("Name"), third.FieldValue("NormHours")));
        Assert.Equal("Количество должно быть от 1 до 100.", fourth.FieldError("Parts"));
        Assert.Equal("101", Quantity(fourth, catalog.Parts[KiaFilter]));
        Assert.Empty(await TypesAsync());
    }

    [Fact]
    public async Task The_same_name_twice_for_a_model_or_for_any_model_is_refused_at_the_name()
    {
        var catalog = await SeedAsync();
        await SeedTypeAsync("ТО-1", "Kia Rio (IV)", oil: true);
        await SeedTypeAsync("Диагностика", null, oil: false);
        var admin = await AdminAsync();
        async Task<HtmlPage> CreateAsync(string name, int? model) => await admin.SubmitAsync(await admin.GetAsync("/Admin/RepairTypes/Edit"), Form,
            new Dictionary<string, string>
            {
                ["Input.Name"] = name,
                ["Input.NormHours"] = "1",
                ["Input.LabourRateId"] = $"{catalog.Rate}",
                ["Input.CarModelId"] = $"{model}",
            });

        var sameModel = await CreateAsync("ТО-1", catalog.Rio);
        var anyModel = await CreateAsync("Диагностика", null);
        var otherModel = await CreateAsync("ТО-1", catalog.Vesta);

        Assert.Equal("«ТО-1» для Kia Rio (IV) уже есть.", sameModel.FieldError("Name"));
        Assert.Equal("«Диагностика» для любой модели уже есть.", anyModel.FieldError("Name"));
        Assert.Equal("/Admin/RepairTypes", otherModel.Url.AbsolutePath);
        Assert.Equal(3, (await TypesAsync()).Count);
    }

    [Fact]
    public async Task The_edit_page_shows_the_current_quote_of_a_type_for_a_model_as_the_calculator_gives_it()
    {
        await SeedAsync();
        var id = await SeedTypeAsync("ТО-2", "Kia Rio (IV)", oil: true, (KiaFilter, 1), (KiaPlug, 4));
        var anyId = await SeedTypeAsync("Диагностика", null, oil: false);
        var admin = await AdminAsync();

        var page = await admin.GetAsync($"/Admin/RepairTypes/Edit/{id}");
        var any = await admin.GetAsync($"/Admin/RepairTypes/Edit/{anyId}");

        var type = (await TypesAsync()).Single(t => t.Id == id);
        var quote = CostCalculator.Calculate(type, type.CarModel!);
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ru-RU");
        try
        {
            var lines = new[] { quote.Labour }.Concat(quote.Parts.Select(p => p.Amount)).Append(quote.Oil!.Amount);
            Assert.Equal(lines.Select(m => m.Roubles().Replace('\u00A0', ' ')), Texts(page, "quote-amount"));
            Assert.Equal(quote.Total.Roubles().Replace('\u00A0', ' '), Texts(page, "quote-total").Single());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        // 1,5 h × 2 600 ₽ × 1,05 + 650 ₽ + 4 × 750 ₽ + 3,6 l × 950 ₽
        Assert.Equal("11 165,00 ₽", Texts(page, "quote-total").Single());
        Assert.Single(Texts(page, "quote-oil"));
        Assert.False(any.Has("quote"));
    }

    [Fact]
    public async Task An_unused_type_is_deleted_and_the_list_filters_by_model()
    {
        var catalog = await SeedAsync();
        var diagnostics = await SeedTypeAsync("Диагностика", null, oil: false);
        await SeedTypeAsync("ТО-1", "Kia Rio (IV)", oil: true, (KiaFilter, 1));
        await SeedTypeAsync("ТО-1", "Lada Vesta", oil: true);
        var admin = await AdminAsync();

        var all = await admin.GetAsync("/Admin/RepairTypes");
        var anyModel = await admin.GetAsync("/Admin/RepairTypes?model=any");
        var rio = await admin.GetAsync($"/Admin/RepairTypes?model={catalog.Rio}");
        var table = await admin.GetAsync($"/Admin/RepairTypes?handler=Table&model={catalog.Vesta}");
        var deleted = await admin.SubmitAsync(anyModel, $"form[action*='id={diagnostics}&'][action*='handler=Delete']");

        Assert.Equal(3, Texts(all, "repair-type-name").Count);
        Assert.Equal(["Диагностика"], Texts(anyModel, "repair-type-name"));
        Assert.Equal(["Любая модель"], Texts(anyModel, "repair-type-model"));
        Assert.Equal(["ТО-1"], Texts(rio, "repair-type-name"));
        Assert.Equal(["Kia Rio (IV)"], Texts(rio, "repair-type-model"));
        Assert.Equal(["1"], Texts(rio, "repair-type-parts"));
        Assert.Equal(["Lada Vesta"], Texts(table, "repair-type-model"));
        Assert.False(table.Has("admin-nav"));
        Assert.Equal("«Диагностика» удалено.", deleted.TestId("status-message"));
        Assert.Equal("Ничего не найдено.", deleted.TestId("repair-type-none"));
        Assert.Equal(2, (await TypesAsync()).Count);
    }

    [Fact]
    public async Task An_unknown_repair_type_is_a_404()
    {
        var admin = await AdminAsync();
        var list = await admin.GetAsync("/Admin/RepairTypes");

        var delete = await admin.PostRawAsync("/Admin/RepairTypes?id=999999&handler=Delete", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = list.Document.QuerySelector("meta[name=csrf-token]")!.GetAttribute("content")!,
        });

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/RepairTypes/Edit/999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/RepairTypes/Edit/999999?handler=Parts")).Status);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }
}
