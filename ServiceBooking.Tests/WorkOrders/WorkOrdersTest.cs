using Microsoft.AspNetCore.Http;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Modules.Bookings;
using ServiceBooking.Web.Modules.WorkOrders;

namespace ServiceBooking.Tests.WorkOrders;

/// <summary>
/// Work orders' tests: the booking fixture's clock (Tuesday 1 December 2026, 09:10 in Moscow) and demo catalog, with
/// helpers for the workshop's staff, their shifts, and the services called as the pages call them (one scope each).
/// <typeparamref name="TFixture"/> is another booking site when a test needs one (the outbox's, for emails).
/// </summary>
public abstract class WorkOrdersTest<TFixture>(TFixture fixture) : BookingTest<TFixture>(fixture)
    where TFixture : BookingFixture
{
    protected static WorkshopActor Supervisor(string id) => new(id, IsAdmin: false, IsSupervisor: true, IsMechanic: false, IsShopMechanic: false, IsIntake: false);

    protected static WorkshopActor Admin(string id) => new(id, IsAdmin: true, IsSupervisor: false, IsMechanic: false, IsShopMechanic: false, IsIntake: false);

    protected static WorkshopActor Mechanic(string id) => new(id, IsAdmin: false, IsSupervisor: false, IsMechanic: true, IsShopMechanic: false, IsIntake: false);

    protected static WorkshopActor ShopMechanic(string id) => new(id, IsAdmin: false, IsSupervisor: false, IsMechanic: false, IsShopMechanic: true, IsIntake: false);

    /// <summary>A real 1×1 PNG, as a photo of the car, a receipt or a contract.</summary>
    protected static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>An uploaded file as the page hands it to the service.</summary>
    protected static IFormFile Upload(byte[] content, string fileName = "photo.png") =>
        new FormFile(new MemoryStream(content), 0, content.Length, "photo", fileName);

    protected Task<StageOutcome> StageAsync(Func<OrderStages, Task<StageOutcome>> action) =>
        ServiceAsync<OrderStages, StageOutcome>(action);

    protected static void Done(StageOutcome outcome) =>
        Assert.True(outcome is StageOutcome.Done, outcome is StageOutcome.Refused refused ? $"{refused.Field}: {refused.Error.Code}" : outcome.ToString());

    protected static StageOutcome.Refused Refused(StageOutcome outcome, string field, string code)
    {
        var refused = Assert.IsType<StageOutcome.Refused>(outcome);
        Assert.Equal((field, code), (refused.Field, refused.Error.Code));
        return refused;
    }

    /// <summary>An order for a caller given to a mechanic on shift; returns the order's id.</summary>
    protected async Task<int> AssignedOrderAsync(WorkshopActor supervisor, string mechanicId)
    {
        var order = await OpenForCallerAsync(supervisor.Id);
        await CheckInAsync(mechanicId);
        Assert.IsType<OrderAssigned.Done>(await AssignAsync(order, mechanicId, supervisor));
        return order;
    }

    /// <summary>The agreement (5 000 ₽ of brake pads) and a prepayment of 1 000 ₽, each submitted and approved.</summary>
    protected async Task PrepaidAsync(int order, WorkshopActor supervisor, WorkshopActor mechanic, decimal agreed = 5000m, decimal prepaid = 1000m)
    {
        Done(await StageAsync(s => s.SubmitAgreementAsync(order, Agreed(agreed, ("Замена колодок", agreed)), mechanic, default)));
        Done(await StageAsync(s => s.ApproveAsync(order, supervisor, default)));
        Done(await StageAsync(s => s.SubmitPrepaymentAsync(order, new PrepaymentForm { Amount = prepaid }, mechanic, default)));
        Done(await StageAsync(s => s.ApproveAsync(order, supervisor, default)));
    }

    protected static AgreementForm Agreed(decimal sum, params (string Description, decimal Price)[] options) => new()
    {
        Options = [.. options.Select(o => new OptionForm { Description = o.Description, Price = o.Price })],
        AgreedSum = sum,
    };

    protected static WorkshopActor Operator(string id) => new(id, IsAdmin: false, IsSupervisor: false, IsMechanic: false, IsShopMechanic: false, IsIntake: true);

    /// <summary>An account with a workshop role (and the Client role every account gets).</summary>
    protected async Task<string> StaffAsync(string nickname, string role, string lastName = "Сидоров") =>
        (await CreateUserAsync(new UserBuilder(nickname).InRole(role).WithName(lastName, "Пётр"))).Id;

    protected Task<T> ServiceAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull =>
        Fixture.RunAsync(work);

    protected Task<Shift> CheckInAsync(string mechanicId) =>
        ServiceAsync<Shifts, Shift>(shifts => shifts.CheckInAsync(mechanicId, CancellationToken.None));

    protected Task<OrderOpened> OpenAsync(OrderDraft draft, string byId) =>
        ServiceAsync<WorkOrderService, OrderOpened>(service => service.OpenAsync(draft, byId, CancellationToken.None));

    /// <summary>Opens an order for a caller and returns its id.</summary>
    protected async Task<int> OpenForCallerAsync(string byId, string name = "Кузнецова Анна", string phone = "+7 916 000-00-01")
    {
        var opened = Assert.IsType<OrderOpened.Opened>(await OpenAsync(new OrderDraft(name, phone, null, null, null, null, null), byId));
        return opened.Order.Id;
    }

    protected Task<OrderAssigned> AssignAsync(int orderId, string mechanicId, WorkshopActor by) =>
        ServiceAsync<WorkOrderService, OrderAssigned>(service => service.AssignAsync(orderId, mechanicId, by, CancellationToken.None));

    /// <summary>A client with a phone, a Kia Rio and a booking today at 12:00; returns the client's and booking's ids and the car.</summary>
    protected async Task<(string ClientId, int BookingId, int CarId)> BookedClientAsync(string nickname = "ivan", string phone = "+79001234567")
    {
        var client = await CreateUserAsync(new UserBuilder(nickname).WithPhone(phone).WithName("Петров", "Иван", "Сергеевич"));
        var carId = await AddCarAsync(nickname, "Kia Rio (IV)", "Z94C241BBJR000001", "В001ОР77");
        var draft = new BookingDraft(Today, new TimeOnly(12, 0), await AdvisorIdAsync("Волков"), carId, await RepairTypeIdAsync("ТО-1", "Kia Rio (IV)"), client.Id, client.Id);
        var booked = await ServiceAsync<BookingDesk, BookingOutcome>(desk => desk.BookAsync(draft, CancellationToken.None));
        Assert.True(booked.Succeeded, booked.Refusal?.Code);
        return (client.Id, booked.Booking!.Id, carId);
    }
}

/// <summary>Work orders' tests on the booking site (<see cref="BookingFixture"/>), which delivers its outbox by itself.</summary>
public abstract class WorkOrdersTest(BookingFixture fixture) : WorkOrdersTest<BookingFixture>(fixture);
