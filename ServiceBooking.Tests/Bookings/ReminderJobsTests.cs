using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Tests.Platform.Email;
using ServiceBooking.Web.Modules.Bookings;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Tests.Bookings;

public sealed class ReminderJobsTests(OutboxFixture fixture) : BookingTest<OutboxFixture>(fixture)
{
    private static readonly DateOnly Tomorrow = Today.AddDays(1);

    private Task<int> RemindersAsync() => Fixture.RunAsync<ReminderJob, int>(job => job.QueueDayBeforeAsync(CancellationToken.None));

    private Task<int> MaintenanceAsync() => Fixture.RunAsync<MaintenanceJob, int>(job => job.QueueDueAsync(CancellationToken.None));

    private Task DispatchAsync() => Fixture.RunAsync<OutboxDispatcher, int>(d => d.DispatchBatchAsync(CancellationToken.None));

    /// <summary>Moves the clock to a local time of the service centre (Moscow, UTC+3) on <see cref="BookingTest{T}.Today"/>.</summary>
    private void At(int hour, int minute = 0) => Fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, hour - 3, minute, 0, TimeSpan.Zero));

    private async Task<(int Booking, string Client)> BookTomorrowAsync(string nickname, int number, string time)
    {
        var (client, carId) = await ClientWithRioAsync(nickname, number);
        var result = await BookAsync(client, BookForm(Tomorrow, time, await AdvisorIdAsync("Волков"), carId, await RepairTypeIdAsync("ТО-1", "Kia Rio (IV)")));
        Assert.True(result.Has("booking-done"));
        return (await DbAsync(db => db.Bookings.Where(b => b.Date == Tomorrow && b.Start == TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)).Select(b => b.Id).SingleAsync()),
            $"{nickname}@example.ru");
    }

    private Task<List<string>> QueuedAsync(NoticeKind kind) =>
        DbAsync(db => db.Outbox.Where(m => m.Kind == kind && m.Status != OutboxStatus.Dropped).OrderBy(m => m.Recipient).Select(m => m.Recipient).ToListAsync());

    [Fact]
    public async Task Reminders_for_tomorrow_are_queued_from_six_in_the_evening_once_however_often_the_job_runs()
    {
        await BookTomorrowAsync("ivan", 1, "10:00");
        await BookTomorrowAsync("olga", 2, "11:00");
        var (_, _) = await ClientWithRioAsync("petr", 3);
        await BookAsync(await SignInAsync(new Infrastructure.UserBuilder("petr")),
            BookForm(Today.AddDays(2), "10:00", await AdvisorIdAsync("Волков"), await DbAsync(db => db.Cars.Where(c => c.Plate == PlateNumber.Parse("В003ОР77")).Select(c => c.Id).SingleAsync()), await RepairTypeIdAsync("ТО-1", "Kia Rio (IV)")));

        At(17, 59);
        Assert.Equal(0, await RemindersAsync());
        At(18, 0);
        Assert.Equal(2, await RemindersAsync());
        Assert.Equal(0, await RemindersAsync());
        At(21, 30);
        Assert.Equal(0, await RemindersAsync());

        Assert.Equal(["ivan@example.ru", "olga@example.ru"], await QueuedAsync(NoticeKind.BookingReminder));
        await DispatchAsync();
        var reminders = Smtp.Received.Where(m => m.Message.Subject == "Напоминание: завтра ваш визит в сервис").ToList();
        Assert.Equal(["ivan@example.ru", "olga@example.ru"], reminders.Select(m => m.To).Order());
        Assert.Contains("02.12.2026 в 10:00", reminders.Single(m => m.To == "ivan@example.ru").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_booking_made_after_six_still_gets_its_reminder_at_the_next_run()
    {
        await BookTomorrowAsync("ivan", 1, "10:00");
        At(18, 5);
        Assert.Equal(1, await RemindersAsync());

        await BookTomorrowAsync("olga", 2, "12:00");
        Assert.Equal(1, await RemindersAsync());

        Assert.Equal(["ivan@example.ru", "olga@example.ru"], await QueuedAsync(NoticeKind.BookingReminder));
    }

    [Fact]
    public async Task Cancelling_a_booking_drops_its_waiting_reminder()
    {
        var (booking, _) = await BookTomorrowAsync("ivan", 1, "10:00");
        At(18, 0);
        await RemindersAsync();

        var ivan = await SignInAsync(new Infrastructure.UserBuilder("ivan"));
        await ivan.SubmitAsync(await ivan.GetAsync("/Booking/My"), "[data-testid=upcoming] form");

        var reminder = await DbAsync(db => db.Outbox.SingleAsync(m => m.Kind == NoticeKind.BookingReminder));
        Assert.Equal((booking, OutboxStatus.Dropped), (reminder.BookingId!.Value, reminder.Status));
        await DispatchAsync();
        Assert.DoesNotContain(Smtp.Received, m => m.Message.Subject!.StartsWith("Напоминание", StringComparison.Ordinal));
    }

    private Task<int> CarAsync(string nickname, int number, DateOnly saleDate) => WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<ApplicationDbContext>();
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var builder = new Infrastructure.UserBuilder(nickname);
        if (await users.FindByNameAsync(nickname) is null)
        {
            var created = builder.Build();
            await users.CreateAsync(created, builder.Password);
            await users.AddToRoleAsync(created, Roles.Client);
        }

        var owner = await users.FindByNameAsync(nickname);
        var car = Car.Register(owner!.Id, new CarDetails(
            Vin.Parse($"XTAGFL110KY{number:D6}"), PlateNumber.Parse($"Х{number:D3}КХ197"),
            RegistrationCertificateNumber.Parse("77 УА 123456"), saleDate, Mileage.FromKilometres(10000),
            await db.CarModels.SingleAsync(m => m.Name == "Lada Vesta")), Today);
        db.Cars.Add(car);
        await db.SaveChangesAsync();
        return car.Id;
    });

    [Fact]
    public async Task A_car_a_year_past_its_sale_gets_one_maintenance_reminder_and_one_with_a_visit_to_come_gets_none()
    {
        await CarAsync("ivan", 1, new DateOnly(2024, 11, 20));
        await CarAsync("olga", 2, new DateOnly(2026, 3, 1));
        var (_, _) = await ClientWithRioAsync("petr", 3);
        await DbAsync(db => db.Cars.Where(c => c.Plate == PlateNumber.Parse("В003ОР77"))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.SaleDate, new DateOnly(2020, 5, 5))));
        await BookAsync(await SignInAsync(new Infrastructure.UserBuilder("petr")),
            BookForm(Today.AddDays(3), "10:00", await AdvisorIdAsync("Волков"), await DbAsync(db => db.Cars.Where(c => c.Plate == PlateNumber.Parse("В003ОР77")).Select(c => c.Id).SingleAsync()), await RepairTypeIdAsync("Диагностика", null)));
        At(10, 0);

        Assert.Equal(1, await MaintenanceAsync());
        Assert.Equal(0, await MaintenanceAsync());

        var queued = await DbAsync(db => db.Outbox.SingleAsync(m => m.Kind == NoticeKind.MaintenanceReminder));
        Assert.Equal("ivan@example.ru", queued.Recipient);
        Assert.EndsWith(":2026-11-20", queued.DedupKey, StringComparison.Ordinal);
        await DispatchAsync();
        var mail = Smtp.Received.Single(m => m.Message.Subject == "Пора на ежегодное ТО");
        Assert.Contains("Для Lada Vesta, Х 001 КХ 197 подошло время ежегодного технического обслуживания: последнее ТО или покупка — 20.11.2024.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_maintenance_visit_restarts_the_year()
    {
        var carId = await CarAsync("ivan", 1, new DateOnly(2023, 6, 1));
        // A ТО-2 visit three months ago, then none since.
        await WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<ApplicationDbContext>();
            var car = await db.Cars.Include(c => c.Model).ThenInclude(m => m.Engine).ThenInclude(e => e.Oil).SingleAsync(c => c.Id == carId);
            var type = await db.RepairTypes.Include(t => t.LabourRate).Include(t => t.CarModel).Include(t => t.Parts).ThenInclude(p => p.Part)
                .SingleAsync(t => t.Name == "ТО-2" && t.CarModel!.Name == "Lada Vesta");
            var advisor = await db.ServiceAdvisors.FirstAsync();
            var booking = BookingRules.Book(
                new BookingRequest(TimeSlot.Create(new DateOnly(2026, 9, 1), new TimeOnly(10, 0)), advisor, car, type, car.OwnerId, car.OwnerId),
                new BookingCircumstances(new DateTime(2026, 8, 30, 9, 0, 0), BookingFixture.DefaultNow.AddMonths(-3), new DateOnly(2026, 10, 30), false, false, false));
            db.Bookings.Add(booking);
            return await db.SaveChangesAsync();
        });
        At(10, 0);

        Assert.Equal(0, await MaintenanceAsync());
    }
}
