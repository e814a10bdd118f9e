using Microsoft.EntityFrameworkCore;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Bookings;

/// <summary>Catalog and calendar changes that meet existing bookings.</summary>
public sealed class BookingDependentTests(BookingFixture fixture) : BookingTest<BookingFixture>(fixture)
{
    private async Task<int> BookTomorrowAsync()
    {
        var (client, carId) = await ClientWithRioAsync("ivan");
        var advisor = await AdvisorIdAsync("Волков");
        Assert.True((await BookAsync(client, BookForm(Today.AddDays(1), "12:00", advisor, carId, await RepairTypeIdAsync("ТО-1", "Kia Rio (IV)")))).Has("booking-done"));
        return advisor;
    }

    [Fact]
    public async Task A_day_with_bookings_cannot_be_made_a_day_off_until_they_are_moved()
    {
        await BookTomorrowAsync();
        var admin = await SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/DaysOff"), "[data-testid=dayoff-form]",
            new Dictionary<string, string> { ["Input.Date"] = Iso(Today.AddDays(1)), ["Input.Reason"] = "Инвентаризация" });

        Assert.StartsWith("На 02.12.2026 есть записи (1).", page.FieldError("Date"), StringComparison.Ordinal);
        Assert.Equal(0, await DbAsync(db => db.DaysOff.CountAsync(d => d.Date == Today.AddDays(1))));
    }

    [Fact]
    public async Task An_advisor_with_bookings_is_deactivated_instead_of_deleted_and_leaves_the_grid_once_free()
    {
        var advisor = await BookTomorrowAsync();
        var admin = await SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/Advisors"), $"form[action='/Admin/Advisors?id={advisor}&handler=Delete']");

        Assert.Equal("У приёмщика Волков Дмитрий Сергеевич есть записи (1), поэтому он деактивирован, а не удалён.", page.TestId("status-message"));
        Assert.False(await DbAsync(db => db.ServiceAdvisors.Where(a => a.Id == advisor).Select(a => a.IsActive).SingleAsync()));
        var client = await SignInAsync(new UserBuilder("ivan"));
        var withBooking = await client.GetAsync($"/Booking?date={Iso(Today.AddDays(1))}");
        var without = await client.GetAsync($"/Booking?date={Iso(Today.AddDays(2))}");
        Assert.NotNull(withBooking.Document.QuerySelector($"[data-testid=advisor][data-advisor='{advisor}']"));
        Assert.Null(without.Document.QuerySelector($"[data-testid=advisor][data-advisor='{advisor}']"));
    }

    [Fact]
    public async Task A_repair_type_with_bookings_is_deactivated_instead_of_deleted()
    {
        await BookTomorrowAsync();
        var type = await RepairTypeIdAsync("ТО-1", "Kia Rio (IV)");
        var admin = await SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));

        var list = await admin.GetAsync("/Admin/RepairTypes");
        var form = list.Document.QuerySelectorAll("form").First(f => (f.GetAttribute("action") ?? string.Empty).Contains($"id={type}&", StringComparison.Ordinal)
            && (f.GetAttribute("action") ?? string.Empty).Contains("handler=Delete", StringComparison.Ordinal));
        await admin.SubmitAsync(list, $"form[action='{form.GetAttribute("action")}']");

        Assert.False(await DbAsync(db => db.RepairTypes.Where(t => t.Id == type).Select(t => t.IsActive).SingleAsync()));
        Assert.Equal(1, await DbAsync(db => db.Bookings.CountAsync(b => b.RepairTypeId == type)));
    }
}
