using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Tests.Platform.Email;
using ServiceBooking.Web.Modules.WorkOrders;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Tests.WorkOrders;

/// <summary>
/// The client's two emails about a work order (car taken in, car ready): queued with the change that causes them, only to
/// an account with a confirmed email, in its language, through the real outbox and a real SMTP server.
/// </summary>
public sealed class OrderEmailsTests(OutboxFixture fixture) : WorkOrdersTest<OutboxFixture>(fixture)
{
    private Task DispatchAsync() => Fixture.RunAsync<OutboxDispatcher, int>(d => d.DispatchBatchAsync(CancellationToken.None));

    private Task<List<OutboxMessage>> QueuedAsync(NoticeKind kind) =>
        DbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Kind == kind).OrderBy(m => m.Id).ToListAsync());

    private static string Plain(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    [Fact]
    public async Task Taking_in_a_booked_car_queues_the_accepted_email_once_with_the_order()
    {
        var (clientId, bookingId, _) = await BookedClientAsync();
        var managerId = await StaffAsync("marina", Roles.Manager, "Менеджерова");
        var draft = new OrderDraft("Петров Иван Сергеевич", "+79001234567", null, "Стучит подвеска", null, 31_250, bookingId);

        Assert.IsType<OrderOpened.Opened>(await OpenAsync(draft, managerId));
        Assert.IsType<OrderOpened.AlreadyOpened>(await OpenAsync(draft, managerId));

        var queued = Assert.Single(await QueuedAsync(NoticeKind.OrderAccepted));
        Assert.Equal(("OrderAccepted:2026-00001", "ivan@example.ru", clientId, OutboxStatus.Pending),
            (queued.DedupKey, queued.Recipient, queued.UserId, queued.Status));
        await DispatchAsync();
        var mail = await Smtp.WaitForAsync(m => m.Message.Subject == "Ваш автомобиль принят в сервис");
        Assert.Equal("ivan@example.ru", mail.To);
        Assert.Contains("Здравствуйте, Иван Сергеевич!", mail.Text, StringComparison.Ordinal);
        Assert.Contains("2026-00001", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Kia Rio (IV), В 001 ОР 77", Plain(mail.Text), StringComparison.Ordinal);
        Assert.Contains("01.12.2026 в 09:10", mail.Text, StringComparison.Ordinal);
        Assert.Equal("https://service.example/Booking/My", mail.Link("/Booking/My"));
        foreach (var internalWord in new[] { "₽", "Менеджерова", "Стучит подвеска", "31 250", "31250" })
        {
            Assert.DoesNotContain(internalWord, Plain(mail.Html), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_caller_with_an_account_is_told_too_and_nobody_is_told_without_an_account_or_a_confirmed_email()
    {
        var operatorId = await StaffAsync("oper", Roles.Operator, "Операторова");
        await CreateUserAsync(new UserBuilder("olga").WithPhone("+79005550000").WithName("Смирнова", "Ольга"));
        var olgasCar = await AddCarAsync("olga", "Kia Rio (IV)", "Z94C241BBJR000002", "В002ОР77");
        await CreateUserAsync(new UserBuilder("petr").WithPhone("+79005550001").WithName("Сидоров", "Пётр").Unconfirmed());
        var petrsCar = await AddCarAsync("petr", "Kia Rio (IV)", "Z94C241BBJR000003", "В003ОР77");

        await OpenForCallerAsync(operatorId, "Кузнецова Анна", "+7 916 000-00-01");
        Assert.IsType<OrderOpened.Opened>(await OpenAsync(new OrderDraft("Смирнова Ольга", "8 900 555-00-00", null, null, olgasCar, null, null), operatorId));
        Assert.IsType<OrderOpened.Opened>(await OpenAsync(new OrderDraft("Сидоров Пётр", "8 900 555-00-01", null, null, petrsCar, null, null), operatorId));

        var queued = Assert.Single(await QueuedAsync(NoticeKind.OrderAccepted));
        Assert.Equal(("olga@example.ru", "OrderAccepted:2026-00002"), (queued.Recipient, queued.DedupKey));
        Assert.Equal(3, await DbAsync(db => db.WorkOrders.CountAsync()));
    }

    [Fact]
    public async Task The_ready_email_speaks_the_clients_language_links_to_the_public_url_and_carries_no_sums()
    {
        var (clientId, bookingId, _) = await BookedClientAsync("john");
        await DbAsync(db => db.Users.Where(u => u.Id == clientId).ExecuteUpdateAsync(set => set.SetProperty(u => u.PreferredCulture, "en-GB")));
        var managerId = await StaffAsync("marina", Roles.Manager, "Менеджерова");
        var mechanic = await StaffAsync("misha", Roles.Mechanic, "Механиков");
        var supervisor = await StaffAsync("sveta", Roles.Supervisor, "Кураторова");
        var orderId = Assert.IsType<OrderOpened.Opened>(await OpenAsync(new OrderDraft("Петров Иван", "+79001234567", null, null, null, null, bookingId), managerId)).Order.Id;
        var now = Fixture.Clock.GetUtcNow();
        await DbAsync(db => OrderSteps.ChangeAsync(db, orderId, o =>
        {
            o.Assign(mechanic, mechanicOnShift: true, mechanicHasOtherOrder: false, now);
            o.Agree(mechanic, 18_765.43m, now);
            o.Approve(supervisor, now);
            o.SubmitPrepayment(mechanic, OrderSteps.Rub(5_000m), now);
            o.Approve(supervisor, now);
        }));
        Fixture.Clock.Advance(TimeSpan.FromHours(6)); // 15:10 in Moscow
        now = Fixture.Clock.GetUtcNow();
        await DbAsync(db => OrderSteps.ChangeAsync(db, orderId, o =>
        {
            o.SubmitFinalReport(mechanic, OrderSteps.Rub(18_765.43m), OrderSteps.Rub(18_765.43m), "contract.jpg", now);
            o.Approve(supervisor, now);
        }));

        // As the approval of the final report will: the email queued through the outbox with the change, and saved.
        var ready = await WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<ApplicationDbContext>();
            var order = await db.WorkOrders.Include(o => o.Submissions).SingleAsync(o => o.Id == orderId);
            var entry = await services.GetRequiredService<OrderEmails>().CarReadyAsync(order, CancellationToken.None);
            services.GetRequiredService<OutboxWriter>().Add(entry!);
            await db.SaveChangesAsync();
            return entry!;
        });

        Assert.Equal(("OrderReady:2026-00001", "john@example.ru", NoticeKind.OrderReady), (ready.DedupKey, ready.Message.To, ready.Kind));
        await DispatchAsync();
        var mail = await Smtp.WaitForAsync(m => m.To == "john@example.ru" && m.Message.Subject == "Your car is ready");
        Assert.Contains("Hello, Иван Сергеевич!", mail.Text, StringComparison.Ordinal);
        Assert.Contains("you can collect your car", mail.Text, StringComparison.Ordinal);
        Assert.Contains("2026-00001", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Kia Rio (IV), В 001 ОР 77", Plain(mail.Text), StringComparison.Ordinal);
        Assert.Contains("01.12.2026 at 15:10", mail.Text, StringComparison.Ordinal);
        Assert.Equal("https://service.example/Booking/My", mail.Link("/Booking/My"));
        Assert.DoesNotContain("localhost", mail.Html, StringComparison.Ordinal);
        foreach (var internalWord in new[] { "₽", "18,765", "18 765", "765.43", "765,43", "5,000", "Механиков", "Кураторова", "contract.jpg" })
        {
            Assert.DoesNotContain(internalWord, Plain(mail.Html), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task No_ready_email_for_an_order_without_an_account()
    {
        var operatorId = await StaffAsync("oper", Roles.Operator, "Операторова");
        var orderId = await OpenForCallerAsync(operatorId);

        var entry = await WithServicesAsync(async services =>
            await services.GetRequiredService<OrderEmails>().CarReadyAsync(
                await services.GetRequiredService<ApplicationDbContext>().WorkOrders.SingleAsync(o => o.Id == orderId), CancellationToken.None));

        Assert.Null(entry);
    }
}
