using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Bookings;

public sealed class AdvisorsTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private Task<HtmlClient> AdminAsync() => SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));

    private Task<List<ServiceAdvisor>> AdvisorsAsync() => WithServicesAsync(services =>
        services.GetRequiredService<ApplicationDbContext>().ServiceAdvisors.AsNoTracking().OrderBy(a => a.Id).ToListAsync());

    private Task<int> AddAdvisorAsync(string last, string first, string? patronymic = null) => WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<ApplicationDbContext>();
        var advisor = new ServiceAdvisor(PersonName.Create(last, first, patronymic));
        db.ServiceAdvisors.Add(advisor);
        await db.SaveChangesAsync();
        return advisor.Id;
    });

    [Fact]
    public async Task An_admin_adds_an_advisor_who_is_active_and_listed_by_full_name()
    {
        var admin = await AdminAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/Advisors/Edit"), "[data-testid=advisor-form]", new Dictionary<string, string>
        {
            ["Input.LastName"] = "  Салтыкова-Щедрина ",
            ["Input.FirstName"] = "Мария",
            ["Input.Patronymic"] = "Петровна",
        });

        Assert.Equal("/Admin/Advisors", page.Url.AbsolutePath);
        var advisor = Assert.Single(await AdvisorsAsync());
        Assert.Equal(("Салтыкова-Щедрина", "Мария", "Петровна", true), (advisor.LastName, advisor.FirstName, advisor.Patronymic, advisor.IsActive));
        Assert.Equal("Салтыкова-Щедрина Мария Петровна", page.TestId("advisor-name"));
        Assert.Equal("работает", page.TestId("advisor-status"));
        Assert.Contains("сохранён", page.TestId("status-message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_renames_an_advisor_and_may_drop_the_patronymic()
    {
        var id = await AddAdvisorAsync("Иванов", "Иван", "Иванович");
        var admin = await AdminAsync();

        var form = await admin.GetAsync($"/Admin/Advisors/Edit/{id}");
        Assert.Equal("Иванов", form.FieldValue("LastName"));
        Assert.Equal("Иванович", form.FieldValue("Patronymic"));
        var page = await admin.SubmitAsync(form, "[data-testid=advisor-form]", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Пётр",
            ["Input.Patronymic"] = string.Empty,
        });

        Assert.Equal("Иванов Пётр", page.TestId("advisor-name"));
        var advisor = Assert.Single(await AdvisorsAsync());
        Assert.Equal((id, "Пётр", (string?)null), (advisor.Id, advisor.FirstName, advisor.Patronymic));
    }

    [Fact]
    public async Task A_bad_name_is_shown_at_its_field_typed_values_kept_and_nothing_saved()
    {
        var admin = await AdminAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/Advisors/Edit"), "[data-testid=advisor-form]", new Dictionary<string, string>
        {
            ["Input.LastName"] = "Ив@нов",
            ["Input.FirstName"] = string.Empty,
            ["Input.Patronymic"] = "Иванович-",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Фамилия состоит из букв", page.FieldError("LastName"), StringComparison.Ordinal);
        Assert.Equal("Заполните поле «Имя».", page.FieldError("FirstName"));
        Assert.StartsWith("Отчество состоит из букв", page.FieldError("Patronymic"), StringComparison.Ordinal);
        Assert.Equal("Ив@нов", page.FieldValue("LastName"));
        Assert.Empty(await AdvisorsAsync());
    }

    [Fact]
    public async Task A_second_advisor_with_the_same_full_name_is_refused()
    {
        await AddAdvisorAsync("Иванов", "Иван");
        var admin = await AdminAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/Advisors/Edit"), "[data-testid=advisor-form]", new Dictionary<string, string>
        {
            ["Input.LastName"] = "Иванов",
            ["Input.FirstName"] = "Иван",
        });

        Assert.Equal("Приёмщик Иванов Иван уже есть.", page.FieldError("LastName"));
        Assert.Single(await AdvisorsAsync());
    }

    [Fact]
    public async Task Deactivating_takes_an_advisor_out_and_activating_brings_them_back()
    {
        var id = await AddAdvisorAsync("Иванов", "Иван");
        var admin = await AdminAsync();
        var toggle = $"form[action='/Admin/Advisors?id={id}&handler=Toggle']";

        var off = await admin.SubmitAsync(await admin.GetAsync("/Admin/Advisors"), toggle);
        Assert.False(Assert.Single(await AdvisorsAsync()).IsActive);
        Assert.Equal("не работает", off.TestId("advisor-status"));
        Assert.Contains("деактивирован", off.TestId("status-message"), StringComparison.Ordinal);

        var on = await admin.SubmitAsync(off, toggle);
        Assert.True(Assert.Single(await AdvisorsAsync()).IsActive);
        Assert.Equal("работает", on.TestId("advisor-status"));
    }

    [Fact]
    public async Task An_advisor_nobody_booked_is_deleted()
    {
        var id = await AddAdvisorAsync("Иванов", "Иван");
        var admin = await AdminAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/Advisors"), $"form[action='/Admin/Advisors?id={id}&handler=Delete']");

        Assert.Equal("Приёмщик Иванов Иван удалён.", page.TestId("status-message"));
        Assert.Empty(await AdvisorsAsync());
        Assert.True(page.Has("advisor-empty"));
    }

    [Fact]
    public async Task An_unknown_advisor_is_a_404()
    {
        var id = await AddAdvisorAsync("Иванов", "Иван");
        var admin = await AdminAsync();
        var list = await admin.GetAsync("/Admin/Advisors");
        await WithServicesAsync(services =>
            services.GetRequiredService<ApplicationDbContext>().ServiceAdvisors.Where(a => a.Id == id).ExecuteDeleteAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Advisors/Edit/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.SubmitAsync(list, $"form[action='/Admin/Advisors?id={id}&handler=Toggle']")).Status);
    }
}
