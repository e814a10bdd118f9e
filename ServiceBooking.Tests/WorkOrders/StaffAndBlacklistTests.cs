using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Modules.Bookings;
using ServiceBooking.Web.Modules.WorkOrders;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Tests.WorkOrders;

/// <summary>The staff of work orders, their shifts, and the blacklist, through their services on the real database.</summary>
public sealed class StaffAndBlacklistTests(BookingFixture fixture) : WorkOrdersTest(fixture)
{
    private static StaffDraft Draft(string nickname, StaffKind kind) =>
        new(nickname, $"{nickname}@example.ru", "Михайлов", "Михаил", null, "+79005550101", kind);

    private Task<StaffSaved> CreateAsync(WorkshopActor by, StaffDraft draft) =>
        ServiceAsync<StaffDirectory, StaffSaved>(staff => staff.CreateAsync(by, draft, CancellationToken.None));

    [Fact]
    public async Task A_supervisor_makes_mechanics_and_shop_mechanics_who_choose_their_password_from_the_welcome_email()
    {
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor));

        var saved = Assert.IsType<StaffSaved.Saved>(await CreateAsync(supervisor, Draft("misha", StaffKind.Mechanic)));
        Assert.IsType<StaffSaved.Saved>(await CreateAsync(supervisor, Draft("vova", StaffKind.ShopMechanic) with { Email = "vova@example.ru" }));

        var roles = await WithServicesAsync(s => s.GetRequiredService<UserManager<ApplicationUser>>().GetRolesAsync(saved.User));
        Assert.Equal([Roles.Mechanic], roles);
        Assert.False(await WithServicesAsync(s => s.GetRequiredService<UserManager<ApplicationUser>>().HasPasswordAsync(saved.User)));
        var welcome = await DbAsync(db => db.Outbox.SingleAsync(m => m.UserId == saved.User.Id));
        Assert.Equal((NoticeKind.StaffWelcome, "misha@example.ru"), (welcome.Kind, welcome.Recipient));
        Assert.Contains("/Account/ResetPassword?userId=", welcome.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("механик", welcome.TextBody, StringComparison.OrdinalIgnoreCase);
        var listed = await ServiceAsync<StaffDirectory, IReadOnlyList<StaffMember>>(s => s.ListAsync(supervisor, CancellationToken.None));
        Assert.Equal([StaffKind.Mechanic, StaffKind.ShopMechanic], listed.Select(m => m.Kind));
        Assert.All(listed, m => Assert.Equal(MechanicStatus.OffShift, m.Status));
    }

    [Fact]
    public async Task Only_the_admin_makes_supervisors_and_operators()
    {
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor));
        var admin = Admin(await StaffAsync("boss", Roles.Admin));

        var refused = Assert.IsType<StaffSaved.Refused>(await CreateAsync(supervisor, Draft("nina", StaffKind.Supervisor)));
        Assert.IsType<StaffSaved.Refused>(await CreateAsync(supervisor, Draft("olga", StaffKind.Operator)));
        Assert.IsType<StaffSaved.Saved>(await CreateAsync(admin, Draft("nina", StaffKind.Supervisor)));
        var taken = Assert.IsType<StaffSaved.Failed>(await CreateAsync(admin, Draft("nina", StaffKind.Operator) with { Email = "other@example.ru" }));

        Assert.Equal("Staff.NotYours", refused.Error.Code);
        Assert.Equal("DuplicateUserName", Assert.Single(taken.Errors).Code);
        var supervisorsList = await ServiceAsync<StaffDirectory, IReadOnlyList<StaffMember>>(s => s.ListAsync(supervisor, CancellationToken.None));
        Assert.DoesNotContain(supervisorsList, m => m.Kind == StaffKind.Supervisor);
        Assert.Null(await ServiceAsync<StaffDirectory, StaffMember?>(s => s.FindAsync(supervisor, supervisor.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task A_supervisor_may_not_touch_a_mechanic_who_is_also_a_manager()
    {
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor));
        var manager = await CreateUserAsync(new Infrastructure.UserBuilder("marina").InRole(Roles.Manager).InRole(Roles.Mechanic));

        Assert.IsType<StaffSaved.NotFound>(await ServiceAsync<StaffDirectory, StaffSaved>(s => s.DeactivateAsync(supervisor, manager.Id, CancellationToken.None)));
        var byAdmin = Assert.IsType<StaffSaved.Refused>(await ServiceAsync<StaffDirectory, StaffSaved>(s =>
            s.DeactivateAsync(Admin("boss"), manager.Id, CancellationToken.None)));
        Assert.Equal("Staff.HasOtherRoles", byAdmin.Error.Code);
    }

    [Fact]
    public async Task A_mechanic_with_an_order_stays_until_it_is_given_to_someone_else_and_a_deactivated_one_is_locked_out_and_off_shift()
    {
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor));
        var misha = await StaffAsync("misha", Roles.Mechanic, "Михайлов");
        var kolya = await StaffAsync("kolya", Roles.Mechanic, "Колин");
        await CheckInAsync(misha);
        await CheckInAsync(kolya);
        var order = await OpenForCallerAsync(supervisor.Id);
        Assert.IsType<OrderAssigned.Done>(await AssignAsync(order, misha, supervisor));

        var busy = Assert.IsType<StaffSaved.Refused>(await ServiceAsync<StaffDirectory, StaffSaved>(s => s.DeactivateAsync(supervisor, misha, CancellationToken.None)));
        Assert.Equal("Staff.HasActiveOrder", busy.Error.Code);
        Assert.IsType<OrderAssigned.Done>(await AssignAsync(order, kolya, supervisor));
        Assert.IsType<StaffSaved.Saved>(await ServiceAsync<StaffDirectory, StaffSaved>(s => s.DeactivateAsync(supervisor, misha, CancellationToken.None)));

        var member = await ServiceAsync<StaffDirectory, StaffMember?>(s => s.FindAsync(supervisor, misha, CancellationToken.None));
        Assert.Equal((true, MechanicStatus.Deactivated), (member!.Deactivated, member.Status));
        Assert.DoesNotContain(await ServiceAsync<StaffDirectory, IReadOnlyList<StaffMember>>(s => s.MechanicsAsync(CancellationToken.None)), m => m.Id == misha);
        Assert.False(await ServiceAsync<Web.Modules.WorkOrders.Shifts, bool>(s => s.IsOnShiftAsync(misha, CancellationToken.None)));
        var user = await WithServicesAsync(s => s.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(misha));
        Assert.True(await WithServicesAsync(s => s.GetRequiredService<UserManager<ApplicationUser>>().IsLockedOutAsync(user!)));
        Assert.IsType<StaffSaved.Saved>(await ServiceAsync<StaffDirectory, StaffSaved>(s => s.ReactivateAsync(supervisor, misha, CancellationToken.None)));
        Assert.False((await ServiceAsync<StaffDirectory, StaffMember?>(s => s.FindAsync(supervisor, misha, CancellationToken.None)))!.Deactivated);
    }

    [Fact]
    public async Task A_mechanic_checks_in_once_and_out_and_the_days_attendance_shows_both_times()
    {
        var misha = await StaffAsync("misha", Roles.Mechanic, "Михайлов");

        await CheckInAsync(misha);
        await Assert.ThrowsAsync<ServiceBooking.Domain.Common.DomainException>(() => CheckInAsync(misha));
        Fixture.Clock.Advance(TimeSpan.FromHours(8));
        await ServiceAsync<Web.Modules.WorkOrders.Shifts, Shift>(s => s.CheckOutAsync(misha, CancellationToken.None));

        var sheet = await ServiceAsync<Web.Modules.WorkOrders.Shifts, IReadOnlyList<AttendanceRow>>(s => s.AttendanceAsync(Today, CancellationToken.None));
        var row = Assert.Single(sheet);
        Assert.Equal(("Михайлов Пётр", new DateTime(2026, 12, 1, 9, 10, 0), new DateTime(2026, 12, 1, 17, 10, 0), TimeSpan.FromHours(8)),
            (row.Name, row.CheckedIn, row.CheckedOut, row.Length));
        Assert.Equal(2, (await TrailAsync("Shift", (await DbAsync(db => db.Shifts.SingleAsync())).Id)).Count);
    }

    [Fact]
    public async Task A_blacklisted_client_is_refused_online_booking_politely_while_the_desk_may_still_book_and_lifting_lets_them_book()
    {
        var (clientId, _, carId) = await BookedClientAsync(phone: "+79001234567");
        var supervisorId = await StaffAsync("sveta", Roles.Supervisor);
        var managerId = await StaffAsync("marina", Roles.Manager);
        var added = Assert.IsType<Blacklisted.Added>(await ServiceAsync<Blacklist, Blacklisted>(b =>
            b.AddAsync(supervisorId, null, "8 900 123-45-67", "Не забрал машину, не отвечает", CancellationToken.None)));
        var tomorrow = new BookingDraft(Today.AddDays(1), new TimeOnly(10, 0), await AdvisorIdAsync("Волков"), carId,
            await RepairTypeIdAsync("ТО-1", "Kia Rio (IV)"), clientId, clientId);

        var online = await ServiceAsync<BookingDesk, BookingOutcome>(d => d.BookAsync(tomorrow, CancellationToken.None));
        var desk = await ServiceAsync<BookingDesk, BookingOutcome>(d => d.BookAsync(tomorrow with { BookedById = managerId }, CancellationToken.None));

        Assert.Equal("Booking.NotOnline", online.Refusal?.Code);
        Assert.True(desk.Succeeded);
        Assert.NotNull(await ServiceAsync<BookingDesk, BookingOutcome?>(d => d.CancelByStaffAsync(desk.Booking!.Id, managerId, null, CancellationToken.None)));
        await ServiceAsync<Blacklist, BlacklistEntry?>(b => b.LiftAsync(supervisorId, added.Entry.Id, CancellationToken.None));
        Assert.True((await ServiceAsync<BookingDesk, BookingOutcome>(d => d.BookAsync(tomorrow, CancellationToken.None))).Succeeded);
    }

    [Fact]
    public async Task An_account_on_the_blacklist_covers_its_phone_and_one_client_is_listed_once()
    {
        var (clientId, _, _) = await BookedClientAsync(phone: "+79001234567");
        var supervisorId = await StaffAsync("sveta", Roles.Supervisor);

        Assert.IsType<Blacklisted.Added>(await ServiceAsync<Blacklist, Blacklisted>(b => b.AddAsync(supervisorId, "IVAN@example.ru", null, "Грубил", CancellationToken.None)));
        var twice = Assert.IsType<Blacklisted.Refused>(await ServiceAsync<Blacklist, Blacklisted>(b => b.AddAsync(supervisorId, "ivan", null, "Ещё раз", CancellationToken.None)));
        var nobody = Assert.IsType<Blacklisted.Refused>(await ServiceAsync<Blacklist, Blacklisted>(b => b.AddAsync(supervisorId, " ", " ", "Без имени", CancellationToken.None)));
        var unknown = Assert.IsType<Blacklisted.Refused>(await ServiceAsync<Blacklist, Blacklisted>(b => b.AddAsync(supervisorId, "nobody", null, "?", CancellationToken.None)));

        Assert.Equal(("Blacklist.AlreadyListed", "Blacklist.NobodyNamed", "Blacklist.UnknownAccount"), (twice.Error.Code, nobody.Error.Code, unknown.Error.Code));
        var warning = await ServiceAsync<Blacklist, BlacklistRow?>(b => b.WarningForAsync("+79001234567", CancellationToken.None));
        Assert.Equal(("Грубил", "ivan"), (warning?.Reason, warning?.ClientNickname));
        Assert.Null(await ServiceAsync<Blacklist, BlacklistRow?>(b => b.WarningForAsync("+79001234568", CancellationToken.None)));
        Assert.True(await ServiceAsync<Blacklist, bool>(b => b.IsBlacklistedAsync(clientId, CancellationToken.None)));
    }

    [Fact]
    public async Task The_order_page_warns_of_the_entry_that_names_its_client_before_one_through_another_account_with_the_phone()
    {
        var (clientId, _, _) = await BookedClientAsync(phone: "+79001234567");
        await CreateUserAsync(new UserBuilder("brother").WithPhone("+79001234567").WithName("Петров", "Олег", null));
        var other = await CreateUserAsync(new UserBuilder("stranger").WithPhone("+79007654321").WithName("Сидоров", "Пётр", null));
        var supervisorId = await StaffAsync("sveta", Roles.Supervisor);
        Task<BlacklistRow?> WarningAsync(string? client, string? phone) =>
            ServiceAsync<Blacklist, BlacklistRow?>(b => b.WarningForClientAsync(client, phone, CancellationToken.None));

        Assert.Null(await WarningAsync(clientId, "+79001234567"));
        await ServiceAsync<Blacklist, Blacklisted>(b => b.AddAsync(supervisorId, "brother", null, "Брат: не заплатил", CancellationToken.None));
        await ServiceAsync<Blacklist, Blacklisted>(b => b.AddAsync(supervisorId, "stranger", null, "Чужой", CancellationToken.None));
        var throughBrother = await WarningAsync(clientId, "+79001234567");
        await ServiceAsync<Blacklist, Blacklisted>(b => b.AddAsync(supervisorId, "ivan", null, "Сам: грубил", CancellationToken.None));

        Assert.Equal(("Брат: не заплатил", "brother"), (throughBrother?.Reason, throughBrother?.ClientNickname));
        Assert.Equal("Сам: грубил", (await WarningAsync(clientId, "+79001234567"))?.Reason);
        Assert.Equal("Сам: грубил", (await WarningAsync(clientId, null))?.Reason);
        Assert.Equal("Чужой", (await WarningAsync(other.Id, "+79007654321"))?.Reason);
        Assert.Null(await WarningAsync(null, "+79005550000"));
        Assert.Null(await WarningAsync(null, null));
    }
}
