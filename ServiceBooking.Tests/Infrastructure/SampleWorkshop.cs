using Microsoft.AspNetCore.Http;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Campaigns;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Web.Modules.Bookings;
using ServiceBooking.Web.Modules.Campaigns;
using ServiceBooking.Web.Modules.Catalog;
using ServiceBooking.Web.Modules.Pickups;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Modules.WorkOrders;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Infrastructure;

/// <summary>
/// A small working workshop for tests that walk the whole site (the access matrix, the accessibility check): the demo
/// catalog, one account per role (a client with a car and a booking, another client with a car, a manager, an
/// Admin, and a spare account for role changes; a supervisor, an operator, two mechanics on shift and a spare one), a
/// campaign and an email in the outbox, a work order from the booking given to the first mechanic, a blacklist entry.
/// <see cref="Fill"/> puts their ids into URL templates such as <c>/Garage/Edit/{car}?handler=Models</c>.
/// </summary>
public sealed class SampleWorkshop
{
    public static readonly UserBuilder Client = new UserBuilder("anna").WithName("Кузнецова", "Анна", "Олеговна");
    public static readonly UserBuilder OtherClient = new UserBuilder("boris").WithName("Борисов", "Борис");
    public static readonly UserBuilder Manager = new UserBuilder("marina").WithName("Смирнова", "Марина").InRole(Roles.Manager);
    public static readonly UserBuilder Admin = new UserBuilder("oleg").WithName("Орлов", "Олег").InRole(Roles.Admin);
    public static readonly UserBuilder Spare = new UserBuilder("spare").WithName("Запасной", "Семён");
    public static readonly UserBuilder Supervisor = new UserBuilder("sveta").WithName("Светлова", "Светлана").InRole(Roles.Supervisor);
    public static readonly UserBuilder Operator = new UserBuilder("olga").WithName("Оператова", "Ольга").InRole(Roles.Operator);
    public static readonly UserBuilder Mechanic = new UserBuilder("misha").WithName("Михайлов", "Михаил").InRole(Roles.Mechanic);
    public static readonly UserBuilder OtherMechanic = new UserBuilder("kolya").WithName("Колесников", "Николай").InRole(Roles.Mechanic);
    public static readonly UserBuilder SpareMechanic = new UserBuilder("vova").WithName("Вовин", "Владимир").InRole(Roles.Mechanic);
    public static readonly UserBuilder ShopOrderMechanic = new UserBuilder("petya").WithName("Петров", "Пётр").InRole(Roles.Mechanic);
    public static readonly UserBuilder ShopMechanic = new UserBuilder("gena").WithName("Геннадьев", "Геннадий").InRole(Roles.ShopMechanic);
    public static readonly UserBuilder Driver = new UserBuilder("dima").WithName("Водителев", "Дмитрий").InRole(Roles.Driver);

    private readonly Dictionary<string, string> _values = [];

    public string this[string name] => _values[name];

    /// <summary>Replaces every <c>{name}</c> with its value, URL-escaped.</summary>
    public string Fill(string template)
    {
        var result = template;
        foreach (var (name, value) in _values)
        {
            result = result.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return result.Contains('{', StringComparison.Ordinal)
            ? throw new InvalidOperationException($"'{template}' names a value the sample workshop does not have.")
            : result;
    }

    private static async Task<WorkOrder> ShopOrderAsync(IServiceProvider services, Dictionary<string, string> ids, WorkshopActor supervisor)
    {
        var orders = services.GetRequiredService<WorkOrderService>();
        var stages = services.GetRequiredService<OrderStages>();
        var mechanic = new WorkshopActor(ids["shopOrderMechanic"], IsAdmin: false, IsSupervisor: false, IsMechanic: true, IsShopMechanic: false, IsIntake: false);
        await services.GetRequiredService<Shifts>().CheckInAsync(mechanic.Id, CancellationToken.None);
        var opened = await orders.OpenAsync(new OrderDraft("Орлов Олег", "+7 916 000-00-03", null, null, null, null, null), ids["operator"], CancellationToken.None)
            as OrderOpened.Opened ?? throw new InvalidOperationException("The sample shop order was refused.");
        var id = opened.Order.Id;
        var photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        var today = services.GetRequiredService<WorkshopClock>().Today;
        var steps = new Func<Task<StageOutcome>>[]
        {
            async () => await orders.AssignAsync(id, mechanic.Id, supervisor, CancellationToken.None) is OrderAssigned.Done
                ? new StageOutcome.Done(opened.Order) : new StageOutcome.NotFound(),
            () => stages.SubmitAgreementAsync(id, new AgreementForm { Options = [new OptionForm { Description = "Расточка дисков", Price = 3000m }], AgreedSum = 3000m },
                mechanic, CancellationToken.None),
            () => stages.ApproveAsync(id, supervisor, CancellationToken.None),
            () => stages.SubmitPrepaymentAsync(id, new PrepaymentForm { Amount = 1000m }, mechanic, CancellationToken.None),
            () => stages.ApproveAsync(id, supervisor, CancellationToken.None),
            () => stages.SubmitInShopAsync(id, new InShopForm
            {
                Photo = new FormFile(new MemoryStream(photo), 0, photo.Length, "photo", "car.png"), DueDate = today.AddDays(1), Problem = "Расточить диски",
            }, mechanic, CancellationToken.None),
            () => stages.ApproveAsync(id, supervisor, CancellationToken.None),
        };
        WorkOrder? order = null;
        foreach (var step in steps)
        {
            order = (await step() as StageOutcome.Done ?? throw new InvalidOperationException("A stage of the sample shop order was refused.")).Order;
        }

        return order!;
    }

    public static async Task<SampleWorkshop> SeedAsync(IServiceProvider services)
    {
        var sample = new SampleWorkshop();
        var db = services.GetRequiredService<ApplicationDbContext>();
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        await services.GetRequiredService<DemoCatalog>().SeedAsync(CancellationToken.None);
        var ids = new Dictionary<string, string>();
        foreach (var (key, builder) in new[]
                 {
                     ("client", Client), ("other", OtherClient), ("manager", Manager), ("admin", Admin), ("spare", Spare), ("supervisor", Supervisor),
                     ("operator", Operator), ("mechanic", Mechanic), ("otherMechanic", OtherMechanic), ("spareMechanic", SpareMechanic),
                     ("shopOrderMechanic", ShopOrderMechanic), ("shopMechanic", ShopMechanic), ("driver", Driver),
                 })
        {
            var user = builder.Build();
            Check(await users.CreateAsync(user, builder.Password));
            foreach (var role in builder.Roles)
            {
                Check(await users.AddToRoleAsync(user, role));
            }

            ids[key] = user.Id;
        }

        var today = services.GetRequiredService<WorkshopClock>().Today;
        var rio = await db.CarModels.Include(m => m.Engine).SingleAsync(m => m.Name == "Kia Rio (IV)");
        var car = AddCar(db, ids["client"], rio, 1, today);
        var otherCar = AddCar(db, ids["other"], rio, 2, today);
        await db.SaveChangesAsync();

        var daysOff = await db.DaysOff.Select(d => d.Date).ToListAsync();
        var day = today.AddDays(1);
        while (daysOff.Contains(day))
        {
            day = day.AddDays(1);
        }

        var advisor = await db.ServiceAdvisors.OrderBy(a => a.Id).FirstAsync();
        var repairType = await db.RepairTypes.FirstAsync(t => t.Name == "ТО-1" && t.CarModelId == rio.Id);
        var booked = await services.GetRequiredService<BookingDesk>().BookAsync(
            new BookingDraft(day, new TimeOnly(12, 0), advisor.Id, car.Id, repairType.Id, ids["client"], ids["client"]), CancellationToken.None);
        var booking = booked.Booking ?? throw new InvalidOperationException("The sample booking was refused.");

        var campaign = Campaign.Create("Скидка на ТО", "Только в декабре.", AudienceKind.AllClients, [], [], ids["manager"],
            services.GetRequiredService<TimeProvider>().GetUtcNow());
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();

        // Work orders: the mechanic on shift with the client's order, the other mechanic on shift with none, a blacklisted phone.
        await services.GetRequiredService<Shifts>().CheckInAsync(ids["mechanic"], CancellationToken.None);
        await services.GetRequiredService<Shifts>().CheckInAsync(ids["otherMechanic"], CancellationToken.None);
        var orders = services.GetRequiredService<WorkOrderService>();
        var opened = await orders.OpenAsync(new OrderDraft("Кузнецова Анна Олеговна", "+7 916 000-00-01", null, null, null, null, booking.Id), ids["operator"],
            CancellationToken.None) as OrderOpened.Opened ?? throw new InvalidOperationException("The sample order was refused.");
        var supervisor = new WorkshopActor(ids["supervisor"], IsAdmin: false, IsSupervisor: true, IsMechanic: false, IsShopMechanic: false, IsIntake: false);
        if (await orders.AssignAsync(opened.Order.Id, ids["mechanic"], supervisor, CancellationToken.None) is not OrderAssigned.Done)
        {
            throw new InvalidOperationException("The sample order could not be assigned.");
        }

        // A second order, waiting in the shop with its photo, of another mechanic.
        var shopOrder = await ShopOrderAsync(services, ids, supervisor);

        var listed = await services.GetRequiredService<Blacklist>().AddAsync(ids["supervisor"], null, "+7 916 999-99-99", "Образец", CancellationToken.None)
            as Blacklisted.Added ?? throw new InvalidOperationException("The sample blacklist entry was refused.");

        await PickupsAsync(services, sample, ids, car.Id);

        sample._values["order"] = Invariant(opened.Order.Id);
        sample._values["shopOrder"] = Invariant(shopOrder.Id);
        sample._values["photo"] = shopOrder.Approved(StageKind.InShop)!.Photo!;
        sample._values["blacklistEntry"] = Invariant(listed.Entry.Id);
        sample._values["mechanicId"] = ids["mechanic"];
        sample._values["spareMechanicId"] = ids["spareMechanic"];
        sample._values["car"] = Invariant(car.Id);
        sample._values["otherCar"] = Invariant(otherCar.Id);
        sample._values["booking"] = Invariant(booking.Id);
        sample._values["day"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        sample._values["month"] = new DateOnly(day.Year, day.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        sample._values["advisor"] = Invariant(advisor.Id);
        sample._values["repairType"] = Invariant(repairType.Id);
        sample._values["model"] = Invariant(rio.Id);
        sample._values["engine"] = Invariant(rio.EngineId);
        sample._values["oil"] = Invariant(await db.Oils.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        sample._values["rate"] = Invariant(await db.LabourRates.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        sample._values["part"] = Invariant(await db.Parts.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        sample._values["dayOff"] = Invariant(await db.DaysOff.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());
        sample._values["picture"] = rio.Picture ?? throw new InvalidOperationException("The demo model has no picture.");
        sample._values["campaign"] = Invariant(campaign.Id);
        sample._values["email"] = Invariant(await db.Outbox.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        sample._values["token"] = services.GetRequiredService<UnsubscribeTokens>().For(ids["client"]);
        sample._values["clientId"] = ids["client"];
        sample._values["spareId"] = ids["spare"];
        var issued = await services.GetRequiredService<ServiceBooking.Web.Modules.Api.ApiTokens>()
            .IssueAsync(ids["admin"], "Образец", ["read"], ids["manager"], CancellationToken.None);
        sample._values["apiToken"] = Invariant(issued.Id);
        var report = await services.GetRequiredService<ServiceBooking.Web.Modules.Reports.ReportArchive>()
            .MakeManualAsync(ServiceBooking.Domain.Reports.ReportPeriod.Day(today), ids["manager"], CultureInfo.GetCultureInfo("ru-RU"), CancellationToken.None);
        sample._values["report"] = Invariant(report);
        sample._values["today"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return sample;
    }

    /// <summary>
    /// Pick-ups: a district served by the driver; the client's request collected and invoiced (awaiting payment), one in
    /// progress with the driver (their active job), one waiting for the client's answer (with its signed link's token).
    /// </summary>
    private static async Task PickupsAsync(IServiceProvider services, SampleWorkshop sample, Dictionary<string, string> ids, int carId)
    {
        var db = services.GetRequiredService<ApplicationDbContext>();
        var clock = services.GetRequiredService<WorkshopClock>();
        var district = ServiceBooking.Domain.Pickups.District.Create("Центральный");
        db.Districts.Add(district);
        await db.SaveChangesAsync();
        db.Drivers.Add(ServiceBooking.Domain.Pickups.Driver.Create(ids["driver"], [district.Id], services.GetRequiredService<TimeProvider>().GetUtcNow()));
        await db.SaveChangesAsync();

        var requests = services.GetRequiredService<PickupRequests>();
        async Task<ServiceBooking.Domain.Pickups.PickupRequest> ProposedAsync(string address)
        {
            var made = await requests.RequestAsync(ids["client"], new PickupDraft(carId, address, district.Id, clock.Today.AddDays(1), new TimeOnly(10, 0),
                new TimeOnly(13, 0), null), CancellationToken.None) as PickupChange.Done ?? throw new InvalidOperationException("The sample pick-up was refused.");
            return (await requests.ConfirmAsync(ids["manager"], made.Request.Id, clock.LocalNow.Date.AddDays(1).AddHours(11), 1500m, CancellationToken.None)
                as PickupChange.Done ?? throw new InvalidOperationException("The sample pick-up could not be confirmed.")).Request;
        }

        var invoiced = await ProposedAsync("ул. Ленина, 1");
        await requests.AnswerMineAsync(ids["client"], invoiced.Id, agree: true, AnswerTokens.Stamp(invoiced.ConfirmedAt!.Value), CancellationToken.None);
        if (await services.GetRequiredService<DriverJobs>().CompleteAsync(ids["driver"], invoiced.Id, null, CancellationToken.None) is not PickupChange.Done)
        {
            throw new InvalidOperationException("The sample pick-up could not be completed.");
        }

        var job = await ProposedAsync("ул. Ленина, 2");
        await requests.AnswerMineAsync(ids["client"], job.Id, agree: true, AnswerTokens.Stamp(job.ConfirmedAt!.Value), CancellationToken.None);
        var waiting = await ProposedAsync("ул. Ленина, 3");
        sample._values["district"] = Invariant(district.Id);
        sample._values["driverId"] = ids["driver"];
        sample._values["pickup"] = Invariant(invoiced.Id);
        sample._values["pickupJob"] = Invariant(job.Id);
        sample._values["pickupProposal"] = Invariant(waiting.Id);
        sample._values["pickupToken"] = Uri.EscapeDataString(services.GetRequiredService<AnswerTokens>().For(waiting.Id, waiting.ConfirmedAt!.Value));
    }

    private static Car AddCar(ApplicationDbContext db, string ownerId, ServiceBooking.Domain.Catalog.CarModel model, int number, DateOnly today)
    {
        var car = Car.Register(ownerId, new CarDetails(
            Vin.Parse($"Z94C241BBJR{number:D6}"), PlateNumber.Parse($"В{number:D3}ОР77"), RegistrationCertificateNumber.Parse("77 УА 123456"),
            today.AddYears(-2), Mileage.FromKilometres(20000), model), today);
        db.Cars.Add(car);
        return car;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
