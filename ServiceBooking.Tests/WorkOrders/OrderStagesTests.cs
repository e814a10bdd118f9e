using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Web.Modules.WorkOrders;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Tests.WorkOrders;

/// <summary>
/// The stages through the service the order page calls: who may act on which order (anyone else is told there is no
/// such order), the photos' checks, the money rules as the forms meet them, and the races of two people at once.
/// </summary>
public sealed class OrderStagesTests(BookingFixture fixture) : WorkOrdersTest(fixture)
{
    [Fact]
    public async Task An_order_goes_from_agreement_through_the_shop_and_expenses_to_an_approved_report_and_its_history_says_so()
    {
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor, "Светлова"));
        var misha = Mechanic(await StaffAsync("misha", Roles.Mechanic, "Михайлов"));
        var shop = ShopMechanic(await StaffAsync("gena", Roles.ShopMechanic, "Геннадьев"));
        var order = await AssignedOrderAsync(supervisor, misha.Id);

        Done(await StageAsync(s => s.SubmitAgreementAsync(order, Agreed(9000m, ("Замена стоек", 9000m), ("Ремонт стоек", 6000m)), misha, default)));
        Refused(await StageAsync(s => s.ReturnAsync(order, " ", supervisor, default)), "Comment", "Stage.CommentRequired");
        Done(await StageAsync(s => s.ReturnAsync(order, "Уточните цену работ", supervisor, default)));
        await PrepaidAsync(order, supervisor, misha, 8500m, 3000m);
        Done(await StageAsync(s => s.SubmitInShopAsync(order, new InShopForm { Photo = Upload(Png), DueDate = Today.AddDays(2), Problem = "Расточить диски" }, misha, default)));
        Done(await StageAsync(s => s.SetPriorityAsync(order, 3, supervisor, default)));
        Done(await StageAsync(s => s.ApproveAsync(order, supervisor, default)));
        Done(await StageAsync(s => s.ClaimAsync(order, shop, default)));
        Done(await StageAsync(s => s.FileShopWorkAsync(order, 1500m, shop, default)));
        Done(await StageAsync(s => s.SubmitExpensesAsync(order, new ExpensesForm
        {
            Lines = [new ExpenseForm { Kind = ExpenseKind.Parts, Description = "Стойки", Sum = 4000m, Receipt = Upload(Png) }, new ExpenseForm()],
        }, misha, default)));
        Done(await StageAsync(s => s.ApproveAsync(order, supervisor, default)));
        var mismatch = Refused(await StageAsync(s => s.SubmitFinalReportAsync(order, new FinalReportForm { Total = 8500m, Net = 8500m, Contract = Upload(Png) }, misha, default)),
            "Net", "FinalReport.NetMismatch");
        Done(await StageAsync(s => s.SubmitFinalReportAsync(order, new FinalReportForm { Total = 8500m, Net = 3000m, Contract = Upload(Png) }, misha, default)));
        Done(await StageAsync(s => s.ApproveAsync(order, supervisor, default)));

        var details = (await ServiceAsync<WorkOrderService, OrderDetails?>(s => s.DetailsAsync(order, supervisor, default)))!;
        Assert.Equal(3000m, mismatch.Error.Arguments[0]);
        Assert.Equal(WorkOrderStatus.Done, details.Order.Status);
        Assert.Equal(1500m, details.Order.ShopSum?.Amount);
        Assert.Equal(
            [
                OrderStep.Opened, OrderStep.Assigned, OrderStep.Submitted, OrderStep.StatusChanged, OrderStep.Returned, OrderStep.Submitted, OrderStep.Approved,
                OrderStep.Submitted, OrderStep.Approved, OrderStep.Submitted, OrderStep.PrioritySet, OrderStep.Approved, OrderStep.ShopClaimed, OrderStep.ShopWorkFiled,
                OrderStep.Submitted, OrderStep.Approved, OrderStep.Submitted, OrderStep.StatusChanged, OrderStep.Approved,
            ],
            details.History.Select(h => h.Step));
        Assert.Equal("Уточните цену работ", details.History.Single(h => h.Step == OrderStep.Returned).Comment);
        Assert.Equal("1 → 3", details.History.Single(h => h.Step == OrderStep.PrioritySet).Detail);
        Assert.Equal("Геннадьев Пётр", details.History.Single(h => h.Step == OrderStep.ShopClaimed).Mechanic);
        Assert.Equal(1500m, details.History.Single(h => h.Step == OrderStep.ShopWorkFiled).Amount);
        Assert.Equal(WorkOrderStatus.Done, details.History[^2].Status);
        // The mechanic is free again: the database's one-active-order rule lets them take the next order.
        var next = await OpenForCallerAsync(supervisor.Id, "Орлов Олег", "+7 916 000-00-02");
        Assert.IsType<OrderAssigned.Done>(await AssignAsync(next, misha.Id, supervisor));
    }

    [Fact]
    public async Task Only_the_orders_mechanic_submits_only_a_supervisor_decides_and_only_the_shop_takes_the_shop()
    {
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor));
        var misha = Mechanic(await StaffAsync("misha", Roles.Mechanic));
        var kolya = Mechanic(await StaffAsync("kolya", Roles.Mechanic, "Колин"));
        var shop = ShopMechanic(await StaffAsync("gena", Roles.ShopMechanic, "Геннадьев"));
        var other = ShopMechanic(await StaffAsync("vova", Roles.ShopMechanic, "Вовин"));
        var operatorActor = Operator(await StaffAsync("olga", Roles.Operator, "Оператова"));
        var admin = await StaffAsync("root", Roles.Admin, "Админов");
        var order = await AssignedOrderAsync(supervisor, misha.Id);
        var agreement = Agreed(5000m, ("Замена колодок", 5000m));

        foreach (var stranger in new[] { kolya, supervisor, operatorActor, shop, Admin(admin) })
        {
            Assert.IsType<StageOutcome.NotFound>(await StageAsync(s => s.SubmitAgreementAsync(order, agreement, stranger, default)));
        }

        Done(await StageAsync(s => s.SubmitAgreementAsync(order, agreement, misha, default)));
        foreach (var stranger in new[] { misha, kolya, operatorActor, shop })
        {
            Assert.IsType<StageOutcome.NotFound>(await StageAsync(s => s.ApproveAsync(order, stranger, default)));
            Assert.IsType<StageOutcome.NotFound>(await StageAsync(s => s.ReturnAsync(order, "нет", stranger, default)));
            Assert.IsType<StageOutcome.NotFound>(await StageAsync(s => s.SetPriorityAsync(order, 2, stranger, default)));
        }

        Refused(await StageAsync(s => s.ClaimAsync(order, shop, default)), string.Empty, "InShop.NotInShop");
        Assert.IsType<StageOutcome.NotFound>(await StageAsync(s => s.ClaimAsync(order, misha, default)));
        Done(await StageAsync(s => s.ApproveAsync(order, Admin(admin), default)));
        Done(await StageAsync(s => s.SubmitPrepaymentAsync(order, new PrepaymentForm { Amount = 1000m }, misha, default)));
        Done(await StageAsync(s => s.ApproveAsync(order, supervisor, default)));
        Done(await StageAsync(s => s.SubmitInShopAsync(order, new InShopForm { Photo = Upload(Png), DueDate = Today, Problem = "Проточить" }, misha, default)));
        Done(await StageAsync(s => s.ApproveAsync(order, supervisor, default)));
        Refused(await StageAsync(s => s.SubmitExpensesAsync(order, new ExpensesForm(), misha, default)), string.Empty, "InShop.InTheShop");
        Done(await StageAsync(s => s.ClaimAsync(order, shop, default)));
        Refused(await StageAsync(s => s.ClaimAsync(order, other, default)), string.Empty, "InShop.AlreadyClaimed");
        Assert.IsType<StageOutcome.NotFound>(await StageAsync(s => s.FileShopWorkAsync(order, 700m, other, default)));
        Assert.IsType<StageOutcome.NotFound>(await StageAsync(s => s.FileShopWorkAsync(order, 700m, supervisor, default)));
        Refused(await StageAsync(s => s.FileShopWorkAsync(order, null, shop, default)), "Sum", "Stage.SumRequired");
        Done(await StageAsync(s => s.FileShopWorkAsync(order, 700m, shop, default)));
        Assert.IsType<StageOutcome.NotFound>(await StageAsync(s => s.ApproveAsync(99_999, supervisor, default)));
    }

    [Fact]
    public async Task Two_shop_mechanics_claiming_one_order_at_once_one_gets_it_and_the_other_is_told()
    {
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor));
        var misha = Mechanic(await StaffAsync("misha", Roles.Mechanic));
        var gena = ShopMechanic(await StaffAsync("gena", Roles.ShopMechanic, "Геннадьев"));
        var vova = ShopMechanic(await StaffAsync("vova", Roles.ShopMechanic, "Вовин"));
        var order = await AssignedOrderAsync(supervisor, misha.Id);
        await PrepaidAsync(order, supervisor, misha, 5000m, 1000m);
        Done(await StageAsync(s => s.SubmitInShopAsync(order, new InShopForm { Photo = Upload(Png), DueDate = Today, Problem = "Проточить" }, misha, default)));
        Done(await StageAsync(s => s.ApproveAsync(order, supervisor, default)));

        var results = await Task.WhenAll(StageAsync(s => s.ClaimAsync(order, gena, default)), StageAsync(s => s.ClaimAsync(order, vova, default)));

        Assert.Single(results.OfType<StageOutcome.Done>());
        var loser = Assert.Single(results.OfType<StageOutcome.Refused>());
        Assert.Equal("InShop.AlreadyClaimed", loser.Error.Code);
        Assert.NotNull(await DbAsync(db => db.WorkOrders.Where(o => o.Id == order).Select(o => o.ShopMechanicId).SingleAsync()));
    }

    [Fact]
    public async Task Two_submissions_of_a_stage_at_once_leave_one_waiting_for_the_supervisor()
    {
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor));
        var misha = Mechanic(await StaffAsync("misha", Roles.Mechanic));
        var order = await AssignedOrderAsync(supervisor, misha.Id);

        var results = await Task.WhenAll(
            StageAsync(s => s.SubmitAgreementAsync(order, Agreed(5000m, ("Замена колодок", 5000m)), misha, default)),
            StageAsync(s => s.SubmitAgreementAsync(order, Agreed(4000m, ("Ремонт колодок", 4000m)), misha, default)));

        Assert.Single(results.OfType<StageOutcome.Done>());
        Assert.Contains(Assert.Single(results.OfType<StageOutcome.Refused>()).Error.Code, new[] { "Stage.WaitingForApproval" });
        Assert.Equal(1, await DbAsync(db => db.StageSubmissions.CountAsync(s => s.WorkOrderId == order)));
    }

    [Fact]
    public async Task A_refusal_names_its_field_and_an_approved_refusal_ends_the_order()
    {
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor));
        var misha = Mechanic(await StaffAsync("misha", Roles.Mechanic));
        var order = await AssignedOrderAsync(supervisor, misha.Id);

        Refused(await StageAsync(s => s.SubmitAgreementAsync(order, new AgreementForm { Options = [new OptionForm()], AgreedSum = 100m }, misha, default)),
            "Options", "Agreement.NoOptions");
        Refused(await StageAsync(s => s.SubmitAgreementAsync(order, new AgreementForm { Options = [new OptionForm { Description = "Замена" }], AgreedSum = 100m }, misha, default)),
            "Options[0].Price", "Stage.SumRequired");
        Refused(await StageAsync(s => s.SubmitAgreementAsync(order, new AgreementForm { Options = [new OptionForm(), new OptionForm { Price = 5m }], AgreedSum = 100m }, misha, default)),
            "Options[1].Description", "WorkOption.DescriptionRequired");
        Refused(await StageAsync(s => s.SubmitAgreementAsync(order, Agreed(-1m, ("Замена", 5m)), misha, default)), "AgreedSum", "Money.Negative");
        var refusal = new AgreementForm { Options = [new OptionForm { Description = "Замена двигателя", Price = 90000m }], Refused = true, RefusalSum = 1500m };
        Refused(await StageAsync(s => s.SubmitAgreementAsync(order, refusal, misha, default)), "RefusalReason", "Agreement.ReasonRequired");
        refusal.RefusalReason = "Дорого";
        Done(await StageAsync(s => s.SubmitAgreementAsync(order, refusal, misha, default)));
        Done(await StageAsync(s => s.ApproveAsync(order, supervisor, default)));

        Refused(await StageAsync(s => s.SubmitPrepaymentAsync(order, new PrepaymentForm { Amount = 1m }, misha, default)), string.Empty, "WorkOrder.Closed");
        Refused(await StageAsync(s => s.SetPriorityAsync(order, 2, supervisor, default)), string.Empty, "WorkOrder.Closed");
        Assert.Equal(WorkOrderStatus.Refused, await DbAsync(db => db.WorkOrders.Where(o => o.Id == order).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_photo_is_checked_by_its_content_and_size_and_nothing_is_kept_of_a_refused_stage()
    {
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor));
        var misha = Mechanic(await StaffAsync("misha", Roles.Mechanic));
        var order = await AssignedOrderAsync(supervisor, misha.Id);
        await PrepaidAsync(order, supervisor, misha, 5000m, 1000m);
        var folder = Path.Combine(Fixture.Site.PictureFolder, "orders");
        var files = () => Directory.Exists(folder) ? Directory.EnumerateFiles(folder).ToHashSet() : [];
        var before = files();
        var inShop = (byte[] photo, string name) => new InShopForm { Photo = Upload(photo, name), DueDate = Today, Problem = "Проточить" };
        var tooLarge = new byte[(5 * 1024 * 1024) + 1];
        Png.CopyTo(tooLarge, 0);
        var gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

        Refused(await StageAsync(s => s.SubmitInShopAsync(order, inShop("<script>alert(1)</script>"u8.ToArray(), "car.png"), misha, default)), "Photo", "Photo.NotAnImage");
        Refused(await StageAsync(s => s.SubmitInShopAsync(order, inShop(gif, "car.png"), misha, default)), "Photo", "Photo.NotAnImage");
        Refused(await StageAsync(s => s.SubmitInShopAsync(order, inShop(tooLarge, "car.png"), misha, default)), "Photo", "Photo.TooLarge");
        Refused(await StageAsync(s => s.SubmitInShopAsync(order, inShop([], "car.png"), misha, default)), "Photo", "Photo.Empty");
        Refused(await StageAsync(s => s.SubmitInShopAsync(order, new InShopForm { DueDate = Today, Problem = "Проточить" }, misha, default)), "Photo", "Photo.Empty");
        Refused(await StageAsync(s => s.SubmitInShopAsync(order, new InShopForm { Photo = Upload(Png), DueDate = Today.AddDays(-1), Problem = "Проточить" }, misha, default)),
            "DueDate", "InShop.DueDatePast");
        // Two good receipts and a bad one: the stage is refused and neither good receipt stays on the disk.
        Refused(await StageAsync(s => s.SubmitExpensesAsync(order, new ExpensesForm
        {
            Lines =
            [
                new ExpenseForm { Kind = ExpenseKind.Parts, Description = "Колодки", Sum = 2000m, Receipt = Upload(Png) },
                new ExpenseForm { Kind = ExpenseKind.Transport, Description = "Такси за деталью", Sum = 500m, Receipt = Upload(Png) },
                new ExpenseForm { Kind = ExpenseKind.Other, Description = "Мойка", Sum = 300m, Receipt = Upload(gif, "r.jpg") },
            ],
        }, misha, default)), "Lines[2].Receipt", "Photo.NotAnImage");
        Refused(await StageAsync(s => s.SubmitExpensesAsync(order, new ExpensesForm
        {
            Lines = [new ExpenseForm { Kind = ExpenseKind.Parts, Description = "Колодки", Sum = 2000m }],
        }, misha, default)), "Lines[0].Receipt", "Expense.ReceiptRequired");

        Assert.Equal(before, files());
        Done(await StageAsync(s => s.SubmitInShopAsync(order, inShop(Png, "car.txt"), misha, default)));
        var stored = Assert.Single(files().Except(before));
        Assert.EndsWith(".png", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_is_shown_only_to_the_orders_staff()
    {
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor));
        var misha = Mechanic(await StaffAsync("misha", Roles.Mechanic));
        var kolya = Mechanic(await StaffAsync("kolya", Roles.Mechanic, "Колин"));
        var gena = ShopMechanic(await StaffAsync("gena", Roles.ShopMechanic, "Геннадьев"));
        var vova = ShopMechanic(await StaffAsync("vova", Roles.ShopMechanic, "Вовин"));
        var olga = Operator(await StaffAsync("olga", Roles.Operator, "Оператова"));
        var order = await AssignedOrderAsync(supervisor, misha.Id);
        await PrepaidAsync(order, supervisor, misha, 5000m, 1000m);
        Done(await StageAsync(s => s.SubmitInShopAsync(order, new InShopForm { Photo = Upload(Png), DueDate = Today, Problem = "Проточить" }, misha, default)));
        var photo = (await DbAsync(db => db.StageSubmissions.SingleAsync(s => s.WorkOrderId == order && s.Kind == StageKind.InShop))).Photo!;
        var path = (WorkshopActor who, string name) => ServiceAsync<OrderStages, string?>(s => s.PhotoPathAsync(order, name, who, default));

        // Waiting for approval: not in the queue yet, so no shop mechanic sees it.
        Assert.Null(await path(gena, photo));
        Done(await StageAsync(s => s.ApproveAsync(order, supervisor, default)));
        Assert.NotNull(await path(supervisor, photo));
        Assert.NotNull(await path(misha, photo));
        Assert.NotNull(await path(gena, photo));
        Assert.Null(await path(kolya, photo));
        Assert.Null(await path(olga, photo));
        Assert.Null(await path(supervisor, "0123456789abcdef0123456789abcdef.png"));
        Assert.Null(await path(supervisor, "../../etc/passwd"));
        Assert.Null(await ServiceAsync<OrderStages, string?>(s => s.PhotoPathAsync(99_999, photo, supervisor, default)));

        Done(await StageAsync(s => s.ClaimAsync(order, gena, default)));
        Assert.NotNull(await path(gena, photo));
        Assert.Null(await path(vova, photo));
    }

    [Fact]
    public async Task The_approved_final_report_queues_the_car_ready_email_to_the_client_once()
    {
        var (clientId, bookingId, _) = await BookedClientAsync();
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor));
        var misha = Mechanic(await StaffAsync("misha", Roles.Mechanic));
        var opened = Assert.IsType<OrderOpened.Opened>(await OpenAsync(new OrderDraft("Петров Иван Сергеевич", "+79001234567", null, null, null, null, bookingId), supervisor.Id));
        var order = opened.Order.Id;
        await CheckInAsync(misha.Id);
        Assert.IsType<OrderAssigned.Done>(await AssignAsync(order, misha.Id, supervisor));
        await PrepaidAsync(order, supervisor, misha, 5000m, 1000m);
        Done(await StageAsync(s => s.SubmitFinalReportAsync(order, new FinalReportForm { Total = 5000m, Net = 5000m, Contract = Upload(Png) }, misha, default)));
        var readyBefore = await DbAsync(db => db.Outbox.CountAsync(m => m.Kind == NoticeKind.OrderReady));

        Done(await StageAsync(s => s.ApproveAsync(order, supervisor, default)));

        var ready = await DbAsync(db => db.Outbox.Where(m => m.Kind == NoticeKind.OrderReady).ToListAsync());
        Assert.Equal(0, readyBefore);
        Assert.Equal(clientId, Assert.Single(ready).UserId);
    }

    [Fact]
    public async Task A_save_that_lost_a_race_leaves_nothing_behind_for_the_next_save_of_the_same_context()
    {
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor));
        var order = await OpenForCallerAsync(supervisor.Id);
        await Fixture.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<ApplicationDbContext>();
            var mine = await db.WorkOrders.SingleAsync(o => o.Id == order);
            // Someone else changes the row meanwhile: its version moves on.
            await using (var other = new Npgsql.NpgsqlConnection(Fixture.ConnectionString))
            {
                await other.OpenAsync();
                await using var bump = new Npgsql.NpgsqlCommand($"UPDATE work_orders SET shop_priority = 2 WHERE id = {order}", other);
                await bump.ExecuteNonQueryAsync();
            }

            mine.SetShopPriority(3);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            // What returning the context to the pool does: a transaction still open is disposed.
            if (db.Database.CurrentTransaction is { } left)
            {
                await left.DisposeAsync();
            }

            // The same context saves something the audit does not record: it must not find the lost save's transaction.
            var user = await db.Users.SingleAsync(u => u.Id == supervisor.Id);
            user.Patronymic = "Андреевна";
            return await db.SaveChangesAsync();
        });

        Assert.Equal("Андреевна", await DbAsync(db => db.Users.Where(u => u.Id == supervisor.Id).Select(u => u.Patronymic).SingleAsync()));
        Assert.Equal(2, await DbAsync(db => db.WorkOrders.Where(o => o.Id == order).Select(o => o.ShopPriority).SingleAsync()));
    }
}
