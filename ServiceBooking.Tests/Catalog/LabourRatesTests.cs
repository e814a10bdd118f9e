using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Catalog;

public sealed class LabourRatesTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private Task<HtmlClient> AdminAsync() => SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));

    private Task<LabourRate?> FindRateAsync(string name) => WithServicesAsync(services =>
        services.GetRequiredService<ApplicationDbContext>().LabourRates.AsNoTracking().SingleOrDefaultAsync(r => r.Name == name));

    private Task<int> ArrangeAsync(params object[] entities) => WithServicesAsync(services =>
    {
        var db = services.GetRequiredService<ApplicationDbContext>();
        db.AddRange(entities);
        return db.SaveChangesAsync();
    });

    private static IHtmlSelectElement KindSelect(HtmlPage page) => (IHtmlSelectElement)page.Document.QuerySelector("[data-testid=Kind]")!;

    [Fact]
    public async Task An_admin_adds_a_labour_rate_choosing_its_kind_by_its_russian_name()
    {
        var admin = await AdminAsync();

        var form = await admin.GetAsync("/Admin/LabourRates/Edit");
        var kinds = KindSelect(form).Options.Where(o => o.Value.Length > 0).ToDictionary(o => o.Text.Trim(), o => o.Value);
        var page = await admin.SubmitAsync(form, "[data-testid=rate-form]", new Dictionary<string, string>
        {
            ["Input.Name"] = "Слесарные работы",
            ["Input.Kind"] = kinds["Техническое обслуживание"],
            ["Input.Price"] = "2 600,50",
        });

        Assert.Equal(["Диагностика", "Техническое обслуживание", "Установка доп. оборудования"], kinds.Keys);
        Assert.Equal("/Admin/LabourRates", page.Url.AbsolutePath);
        var rate = await FindRateAsync("Слесарные работы");
        Assert.NotNull(rate);
        Assert.Equal((LabourKind.Maintenance, 2600.50m, true), (rate.Kind, rate.PricePerHour.Amount, rate.IsActive));
        Assert.Equal("Техническое обслуживание", page.TestId("rate-kind"));
        Assert.Equal("2 600,50 ₽", page.TestId("rate-price")!.Replace('\u00A0', ' '));
    }

    [Fact]
    public async Task An_admin_changes_the_kind_and_price_of_a_labour_rate()
    {
        var rate = new LabourRate("Диагностика", LabourKind.Diagnostics, Money.FromRoubles(2200m));
        await ArrangeAsync(rate);
        var admin = await AdminAsync();

        var form = await admin.GetAsync($"/Admin/LabourRates/Edit/{rate.Id}");
        var page = await admin.SubmitAsync(form, "[data-testid=rate-form]", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(LabourKind.ExtraEquipment),
            ["Input.Price"] = "3000",
        });

        Assert.Equal(nameof(LabourKind.Diagnostics), KindSelect(form).Value);
        Assert.Equal("2200.00", form.FieldValue("Price"));
        Assert.Equal("«Диагностика» сохранено.", page.TestId("status-message"));
        var saved = await FindRateAsync("Диагностика");
        Assert.Equal((LabourKind.ExtraEquipment, 3000m), (saved!.Kind, saved.PricePerHour.Amount));
    }

    [Fact]
    public async Task Bad_labour_rate_input_is_shown_at_its_field_and_kept()
    {
        await ArrangeAsync(new LabourRate("Диагностика", LabourKind.Diagnostics, Money.FromRoubles(2200m)));
        var admin = await AdminAsync();

        var noKind = await admin.SubmitAsync(await admin.GetAsync("/Admin/LabourRates/Edit"), "[data-testid=rate-form]", new Dictionary<string, string>
        {
            ["Input.Name"] = "Шиномонтаж",
            ["Input.Kind"] = string.Empty,
            ["Input.Price"] = "0",
        });
        var zeroPrice = await admin.SubmitAsync(noKind, "[data-testid=rate-form]",
            new Dictionary<string, string> { ["Input.Kind"] = nameof(LabourKind.ExtraEquipment) });
        var duplicate = await admin.SubmitAsync(zeroPrice, "[data-testid=rate-form]",
            new Dictionary<string, string> { ["Input.Name"] = "Диагностика", ["Input.Price"] = "1500" });

        Assert.Equal(HttpStatusCode.OK, noKind.Status);
        Assert.Equal("Заполните поле «Вид работ».", noKind.FieldError("Kind"));
        Assert.Equal(("Шиномонтаж", "0"), (noKind.FieldValue("Name"), noKind.FieldValue("Price")));
        Assert.Equal("Укажите цену больше нуля.", zeroPrice.FieldError("Price"));
        Assert.Equal(nameof(LabourKind.ExtraEquipment), KindSelect(zeroPrice).Value);
        Assert.Equal("Нормочас «Диагностика» уже есть в каталоге.", duplicate.FieldError("Name"));
        Assert.Null(await FindRateAsync("Шиномонтаж"));
        Assert.Equal(1, await WithServicesAsync(services => services.GetRequiredService<ApplicationDbContext>().LabourRates.CountAsync()));
    }

    [Fact]
    public async Task A_labour_rate_in_use_is_deactivated_instead_of_deleted_and_an_unused_one_is_deleted()
    {
        var used = new LabourRate("Техническое обслуживание", LabourKind.Maintenance, Money.FromRoubles(2600m));
        var unused = new LabourRate("Установка сигнализации", LabourKind.ExtraEquipment, Money.FromRoubles(3000m));
        await ArrangeAsync(used, unused, new RepairType("ТО-1", 1.5m, used, null, includesOilChange: true));
        var admin = await AdminAsync();

        var afterUsed = await admin.SubmitAsync(await admin.GetAsync("/Admin/LabourRates"), $"form[action='/Admin/LabourRates?id={used.Id}&handler=Delete']");
        var afterUnused = await admin.SubmitAsync(afterUsed, $"form[action='/Admin/LabourRates?id={unused.Id}&handler=Delete']");

        Assert.Equal("Нормочас «Техническое обслуживание» используется типами ремонта (1), поэтому он деактивирован, а не удалён.", afterUsed.TestId("status-message"));
        Assert.False((await FindRateAsync("Техническое обслуживание"))!.IsActive);
        Assert.Equal("«Установка сигнализации» удалено.", afterUnused.TestId("status-message"));
        Assert.Null(await FindRateAsync("Установка сигнализации"));
    }

    [Fact]
    public async Task An_unknown_labour_rate_is_a_404()
    {
        var rate = new LabourRate("Диагностика", LabourKind.Diagnostics, Money.FromRoubles(2200m));
        await ArrangeAsync(rate);
        var admin = await AdminAsync();
        var list = await admin.GetAsync("/Admin/LabourRates");
        list.Document.QuerySelector($"form[action='/Admin/LabourRates?id={rate.Id}&handler=Toggle']")!.SetAttribute("action", "/Admin/LabourRates?id=999999&handler=Toggle");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/LabourRates/Edit/999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.SubmitAsync(list, "form[action='/Admin/LabourRates?id=999999&handler=Toggle']")).Status);
        Assert.True((await FindRateAsync("Диагностика"))!.IsActive);
    }
}
