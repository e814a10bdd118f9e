using Microsoft.EntityFrameworkCore;
using Npgsql;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Web.Modules.WorkOrders;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.WorkOrders;

/// <summary>Opening and assigning orders through the service, as the pages call it, on the real database.</summary>
public sealed class WorkOrderServiceTests(BookingFixture fixture) : WorkOrdersTest(fixture)
{
    [Fact]
    public async Task An_order_for_a_caller_keeps_the_phone_in_e164_and_numbers_run_through_the_year()
    {
        var operatorId = await StaffAsync("olga", Roles.Operator);

        var first = Assert.IsType<OrderOpened.Opened>(await OpenAsync(
            new OrderDraft("  Кузнецова   Анна ", "8 (916) 123-45-67", "ул. Белорусская, д. 34, кв. 3", "Стучит подвеска", null, null, null), operatorId)).Order;
        var second = Assert.IsType<OrderOpened.Opened>(await OpenAsync(new OrderDraft("Орлов Олег", "+7 916 765 43 21", null, null, null, null, null), operatorId)).Order;

        Assert.Equal(("2026-00001", "+79161234567", "Кузнецова Анна", WorkOrderStatus.NotAssigned), (first.Number.ToString(), first.Phone, first.ClientName, first.Status));
        Assert.Equal("2026-00002", second.Number.ToString());
        Assert.Null(first.ClientId);
    }

    [Theory]
    [InlineData("", "Кузнецова Анна", "Phone.Required")]
    [InlineData("12345", "Кузнецова Анна", "Phone.Invalid")]
    [InlineData("+7 916 123-45-6", "Кузнецова Анна", "Phone.Invalid")]
    [InlineData("8 916 123-45-67", "  ", "WorkOrder.ClientNameRequired")]
    public async Task A_wrong_phone_or_a_missing_name_is_refused_and_uses_up_no_number(string phone, string name, string code)
    {
        var operatorId = await StaffAsync("olga", Roles.Operator);

        var refused = Assert.IsType<OrderOpened.Refused>(await OpenAsync(new OrderDraft(name, phone, null, null, null, null, null), operatorId));

        Assert.Equal(code, refused.Error.Code);
        Assert.Equal(0, await DbAsync(db => db.WorkOrders.CountAsync()));
        var next = await OpenForCallerAsync(operatorId);
        Assert.Equal("2026-00001", (await DbAsync(db => db.WorkOrders.SingleAsync(o => o.Id == next))).Number.ToString());
    }

    [Fact]
    public async Task Orders_opened_at_the_same_moment_get_consecutive_numbers_without_gaps_or_twins()
    {
        var operatorId = await StaffAsync("olga", Roles.Operator);

        var opened = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            OpenAsync(new OrderDraft($"Клиент Номер{i}", $"+7 916 000-00-{i:D2}", null, null, null, null, null), operatorId)));

        var numbers = opened.Select(o => Assert.IsType<OrderOpened.Opened>(o).Order.Number.Sequence).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 8), numbers);
    }

    [Fact]
    public async Task An_order_from_a_booking_takes_its_client_and_car_records_the_mileage_on_the_car_and_is_opened_once()
    {
        var (clientId, bookingId, carId) = await BookedClientAsync();
        var managerId = await StaffAsync("marina", Roles.Manager);

        var order = Assert.IsType<OrderOpened.Opened>(await OpenAsync(
            new OrderDraft("Петров Иван Сергеевич", "+79001234567", null, "ТО-1", CarId: 999, Mileage: 31_250, bookingId), managerId)).Order;
        var again = Assert.IsType<OrderOpened.AlreadyOpened>(await OpenAsync(
            new OrderDraft("Петров Иван", "+79001234567", null, null, null, null, bookingId), managerId));

        Assert.Equal((clientId, (int?)carId, (int?)bookingId, 31_250), (order.ClientId, order.CarId, order.BookingId, order.ArrivalMileage!.Value.Kilometres));
        Assert.Equal(31_250, await DbAsync(db => db.Cars.Where(c => c.Id == carId).Select(c => c.Mileage.Kilometres).SingleAsync()));
        Assert.Equal(order.Id, again.OrderId);
        Assert.Contains(await TrailAsync("Car", carId), e => e.Changes.Contains("31250", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lower_mileage_than_the_cars_is_refused_and_leaves_car_and_numbers_alone()
    {
        var (_, bookingId, carId) = await BookedClientAsync();
        var managerId = await StaffAsync("marina", Roles.Manager);

        var refused = Assert.IsType<OrderOpened.Refused>(await OpenAsync(new OrderDraft("Петров Иван", "+79001234567", null, null, null, 29_000, bookingId), managerId));

        Assert.Equal(("Car.MileageBelowRecorded", 30_000), (refused.Error.Code, refused.Error.Arguments[0]));
        Assert.Equal(30_000, await DbAsync(db => db.Cars.Where(c => c.Id == carId).Select(c => c.Mileage.Kilometres).SingleAsync()));
        var opened = Assert.IsType<OrderOpened.Opened>(await OpenAsync(new OrderDraft("Петров Иван", "+79001234567", null, null, null, 30_000, bookingId), managerId));
        Assert.Equal(1, opened.Order.Number.Sequence);
    }

    [Fact]
    public async Task A_caller_with_an_account_is_offered_their_cars_and_choosing_one_links_the_order_to_them()
    {
        var (clientId, _, carId) = await BookedClientAsync(phone: "+79001234567");
        var operatorId = await StaffAsync("olga", Roles.Operator);
        var stranger = await CreateUserAsync(new Infrastructure.UserBuilder("boris").WithPhone("+79005554433"));
        var strangersCar = await AddCarAsync("boris", "Kia Rio (IV)", "Z94C241BBJR000002", "В002ОР77");

        var intake = await ServiceAsync<WorkOrderService, Intake?>(s => s.IntakeAsync(null, "8 900 123 45 67", CancellationToken.None));
        var order = Assert.IsType<OrderOpened.Opened>(await OpenAsync(new OrderDraft("Петров Иван", "89001234567", null, null, carId, null, null), operatorId)).Order;
        var notTheirs = Assert.IsType<OrderOpened.Refused>(await OpenAsync(new OrderDraft("Петров Иван", "89001234567", null, null, strangersCar, null, null), operatorId));

        Assert.Equal(("Петров Иван Сергеевич", carId), (intake!.KnownClient, intake.Cars.Single().Id));
        Assert.Equal((clientId, (int?)carId), (order.ClientId, order.CarId));
        Assert.Equal("WorkOrder.CarNotClients", notTheirs.Error.Code);
        Assert.NotNull(stranger);
    }

    [Fact]
    public async Task Only_a_mechanic_on_shift_is_given_an_order_and_one_at_a_time()
    {
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor));
        var mechanicId = await StaffAsync("misha", Roles.Mechanic);
        var first = await OpenForCallerAsync(supervisor.Id);
        var second = await OpenForCallerAsync(supervisor.Id, "Орлов Олег", "+7 916 000-00-02");

        var offShift = Assert.IsType<OrderAssigned.Refused>(await AssignAsync(first, mechanicId, supervisor));
        await CheckInAsync(mechanicId);
        var done = Assert.IsType<OrderAssigned.Done>(await AssignAsync(first, mechanicId, supervisor));
        var busy = Assert.IsType<OrderAssigned.Refused>(await AssignAsync(second, mechanicId, supervisor));
        var notAMechanic = Assert.IsType<OrderAssigned.Refused>(await AssignAsync(second, supervisor.Id, supervisor));
        var byMechanic = Assert.IsType<OrderAssigned.Refused>(await AssignAsync(second, mechanicId, Mechanic(mechanicId)));

        Assert.Equal("WorkOrder.MechanicOffShift", offShift.Error.Code);
        Assert.Equal((WorkOrderStatus.Assigned, mechanicId), (done.Order.Status, done.Order.MechanicId));
        Assert.Equal("WorkOrder.MechanicBusy", busy.Error.Code);
        Assert.Equal("WorkOrder.NotAMechanic", notAMechanic.Error.Code);
        Assert.Equal("WorkOrder.NotSupervisor", byMechanic.Error.Code);
        Assert.IsType<OrderAssigned.NotFound>(await AssignAsync(99_999, mechanicId, supervisor));
    }

    [Fact]
    public async Task Two_supervisors_giving_one_mechanic_an_order_at_once_one_wins_and_the_other_is_told()
    {
        var anna = Supervisor(await StaffAsync("anna", Roles.Supervisor));
        var boris = Supervisor(await StaffAsync("boris", Roles.Supervisor));
        var mechanicId = await StaffAsync("misha", Roles.Mechanic, "Михайлов");
        await CheckInAsync(mechanicId);

        for (var round = 0; round < 5; round++)
        {
            var orders = new[] { await OpenForCallerAsync(anna.Id, "Клиент Один", "+7 916 000-00-01"), await OpenForCallerAsync(boris.Id, "Клиент Два", "+7 916 000-00-02") };

            var results = await Task.WhenAll(AssignAsync(orders[0], mechanicId, anna), AssignAsync(orders[1], mechanicId, boris));

            Assert.Single(results.OfType<OrderAssigned.Done>());
            var loser = Assert.Single(results.OfType<OrderAssigned.Refused>());
            Assert.Contains(loser.Error.Code, new[] { "WorkOrder.MechanicTaken", "WorkOrder.MechanicBusy" });
            Assert.Equal(1, await DbAsync(db => db.WorkOrders.CountAsync(o => o.MechanicId == mechanicId && o.Status == WorkOrderStatus.Assigned)));

            // Free the mechanic for the next round (part 2 closes orders through the stages; here the row is reset).
            await DbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE work_orders SET status = 'Refused', closed_at = now() WHERE status = 'Assigned'"));
        }
    }

    [Fact]
    public async Task A_supervisor_whose_check_passed_but_who_lost_the_race_at_the_database_is_told_whom_the_mechanic_went_to()
    {
        var anna = Supervisor(await StaffAsync("anna", Roles.Supervisor));
        var mechanicId = await StaffAsync("misha", Roles.Mechanic, "Михайлов");
        await CheckInAsync(mechanicId);
        var mine = await OpenForCallerAsync(anna.Id);
        var theirs = await OpenForCallerAsync(anna.Id, "Орлов Олег", "+7 916 000-00-02");

        // Another supervisor's assignment, written but not committed: our check cannot see it, the unique index can.
        await using var other = new NpgsqlConnection(Fixture.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand("UPDATE work_orders SET mechanic_id = @m, status = 'Assigned' WHERE id = @o", other, transaction))
        {
            update.Parameters.AddWithValue("m", mechanicId);
            update.Parameters.AddWithValue("o", theirs);
            await update.ExecuteNonQueryAsync();
        }

        var assigning = AssignAsync(mine, mechanicId, anna);
        await Task.Delay(500);
        Assert.False(assigning.IsCompleted, "the second assignment should wait for the first one's transaction");
        await transaction.CommitAsync();

        var lost = Assert.IsType<OrderAssigned.Refused>(await assigning);
        Assert.Equal(("WorkOrder.MechanicTaken", "Михайлов Пётр"), (lost.Error.Code, lost.Error.Arguments[0]));
        Assert.Equal(WorkOrderStatus.NotAssigned, await DbAsync(db => db.WorkOrders.Where(o => o.Id == mine).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_mechanic_sees_only_their_own_orders_and_the_intake_sees_all()
    {
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor));
        var misha = await StaffAsync("misha", Roles.Mechanic);
        var kolya = await StaffAsync("kolya", Roles.Mechanic);
        await CheckInAsync(misha);
        var mine = await OpenForCallerAsync(supervisor.Id);
        var other = await OpenForCallerAsync(supervisor.Id, "Орлов Олег", "+7 916 000-00-02");
        Assert.IsType<OrderAssigned.Done>(await AssignAsync(mine, misha, supervisor));

        var mishas = await ServiceAsync<WorkOrderService, OrderPage>(s => s.ListAsync(new OrderFilter(null, null, null), Mechanic(misha), CancellationToken.None));
        var kolyas = await ServiceAsync<WorkOrderService, OrderPage>(s => s.ListAsync(new OrderFilter(null, null, null), Mechanic(kolya), CancellationToken.None));
        var all = await ServiceAsync<WorkOrderService, OrderPage>(s => s.ListAsync(new OrderFilter(null, null, null), Operator("olga"), CancellationToken.None));
        var assigned = await ServiceAsync<WorkOrderService, OrderPage>(s => s.ListAsync(
            new OrderFilter(WorkOrderStatus.Assigned, misha, Today), supervisor, CancellationToken.None));
        var tomorrow = await ServiceAsync<WorkOrderService, OrderPage>(s => s.ListAsync(new OrderFilter(null, null, Today.AddDays(1)), supervisor, CancellationToken.None));
        // A filter change (htmx) shows only the results: neither the mechanics to filter by nor the shift are read for it.
        var supervisorsResults = await ServiceAsync<WorkOrderService, OrderPage>(s => s.ListAsync(
            new OrderFilter(null, null, null) { ResultsOnly = true }, supervisor, CancellationToken.None));
        var mishasResults = await ServiceAsync<WorkOrderService, OrderPage>(s => s.ListAsync(
            new OrderFilter(null, null, null) { ResultsOnly = true }, Mechanic(misha), CancellationToken.None));

        Assert.Equal([mine], mishas.Rows.Select(r => r.Id));
        Assert.Empty(kolyas.Rows);
        Assert.Equal([other, mine], all.Rows.Select(r => r.Id));
        Assert.Equal([mine], assigned.Rows.Select(r => r.Id));
        Assert.Empty(tomorrow.Rows);
        Assert.NotEmpty(assigned.Mechanics);
        Assert.NotNull(mishas.OnShiftSince);
        Assert.Equal([other, mine], supervisorsResults.Rows.Select(r => r.Id));
        Assert.Empty(supervisorsResults.Mechanics);
        Assert.Equal([mine], mishasResults.Rows.Select(r => r.Id));
        Assert.Null(mishasResults.OnShiftSince);
        Assert.NotNull(await ServiceAsync<WorkOrderService, OrderDetails?>(s => s.DetailsAsync(mine, Mechanic(misha), CancellationToken.None)));
        Assert.Null(await ServiceAsync<WorkOrderService, OrderDetails?>(s => s.DetailsAsync(mine, Mechanic(kolya), CancellationToken.None)));
        Assert.Null(await ServiceAsync<WorkOrderService, OrderDetails?>(s => s.DetailsAsync(99_999, supervisor, CancellationToken.None)));
    }

    [Fact]
    public async Task The_history_of_an_order_says_who_opened_it_and_to_whom_it_was_given()
    {
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor, "Светлова"));
        var misha = await StaffAsync("misha", Roles.Mechanic, "Михайлов");
        await CheckInAsync(misha);
        var order = await OpenForCallerAsync(supervisor.Id);
        Assert.IsType<OrderAssigned.Done>(await AssignAsync(order, misha, supervisor));

        var details = await ServiceAsync<WorkOrderService, OrderDetails?>(s => s.DetailsAsync(order, supervisor, CancellationToken.None));

        Assert.Equal([OrderStep.Opened, OrderStep.Assigned], details!.History.Select(h => h.Step));
        Assert.Equal("Михайлов Пётр", details.History[1].Mechanic);
        Assert.Equal("Михайлов Пётр", details.Mechanic);
    }
}
