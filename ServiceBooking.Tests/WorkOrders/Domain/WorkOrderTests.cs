using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.WorkOrders;

namespace ServiceBooking.Tests.WorkOrders.Domain;

/// <summary>The stage machine and the money rules of a work order, every allowed and forbidden step.</summary>
public sealed class WorkOrderTests
{
    private const string Mechanic = "mechanic-1";
    private const string Other = "mechanic-2";
    private const string Supervisor = "supervisor-1";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(3));
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static Money Rub(decimal amount) => Money.FromRoubles(amount);

    private static WorkOrder Open() =>
        WorkOrder.Open(OrderNumber.Create(2026, 42), "client-1", "Кузнецова Анна", "+79001234567", "ул. Ленина, 1", null, 7, 3, Supervisor, Now);

    private static WorkOrder Assigned()
    {
        var order = Open();
        order.Assign(Mechanic, mechanicOnShift: true, mechanicHasOtherOrder: false, Now);
        return order;
    }

    private static IReadOnlyList<WorkOption> Options() => [WorkOption.Create("Замена сцепления", Rub(18000)), WorkOption.Create("Ремонт сцепления", Rub(9000))];

    private static WorkOrder AgreedAndPrepaid()
    {
        var order = Assigned();
        order.SubmitAgreement(Mechanic, Options(), Rub(18000), null, null, Now);
        order.Approve(Supervisor, Now);
        order.SubmitPrepayment(Mechanic, Rub(5000), Now);
        order.Approve(Supervisor, Now);
        return order;
    }

    private static DomainException Refused(Action act) => Assert.Throws<DomainException>(act);

    [Fact]
    public void A_new_order_is_not_assigned_and_offers_no_stage()
    {
        var order = Open();

        Assert.Equal(WorkOrderStatus.NotAssigned, order.Status);
        Assert.Equal("2026-00042", order.Number.ToString());
        Assert.Empty(order.Submittable());
        Assert.Equal("WorkOrder.NotYours", Refused(() => order.SubmitPrepayment(Mechanic, Rub(1), Now)).Code);
    }

    [Fact]
    public void Only_a_mechanic_on_shift_is_assigned_and_the_order_may_change_hands_until_work_begins()
    {
        var order = Open();
        Assert.Equal("WorkOrder.MechanicOffShift", Refused(() => order.Assign(Mechanic, mechanicOnShift: false, mechanicHasOtherOrder: false, Now)).Code);

        order.Assign(Mechanic, mechanicOnShift: true, mechanicHasOtherOrder: false, Now);
        order.Assign(Other, mechanicOnShift: true, mechanicHasOtherOrder: false, Now);
        Assert.Equal((WorkOrderStatus.Assigned, Other), (order.Status, order.MechanicId));

        order.SubmitAgreement(Other, Options(), Rub(18000), null, null, Now);
        Assert.Equal(WorkOrderStatus.InProgress, order.Status);
        Assert.Equal("WorkOrder.AlreadyStarted", Refused(() => order.Assign(Mechanic, mechanicOnShift: true, mechanicHasOtherOrder: false, Now)).Code);
    }

    [Fact]
    public void A_mechanic_busy_with_another_order_is_not_given_this_one()
    {
        var order = Open();

        Assert.Equal("WorkOrder.MechanicBusy", Refused(() => order.Assign(Mechanic, mechanicOnShift: true, mechanicHasOtherOrder: true, Now)).Code);
        Assert.Equal((WorkOrderStatus.NotAssigned, null), (order.Status, order.MechanicId));
    }

    [Fact]
    public void The_mileage_at_arrival_is_kept_with_the_order_and_needs_a_car()
    {
        var withCar = WorkOrder.Open(OrderNumber.Create(2026, 1), null, "Иванов Пётр", "+79001234567", null, null, 7, null, Supervisor, Now,
            ServiceBooking.Domain.Garage.Mileage.FromKilometres(48_200));

        Assert.Equal(48_200, withCar.ArrivalMileage?.Kilometres);
        Assert.Equal("WorkOrder.MileageWithoutCar", Refused(() => WorkOrder.Open(OrderNumber.Create(2026, 2), null, "Иванов Пётр", "+79001234567",
            null, null, null, null, Supervisor, Now, ServiceBooking.Domain.Garage.Mileage.FromKilometres(1))).Code);
    }

    [Fact]
    public void The_agreement_comes_first_and_only_from_the_orders_mechanic()
    {
        var order = Assigned();

        Assert.Equal([StageKind.Agreement], order.Submittable());
        Assert.Equal("Stage.NotNow", Refused(() => order.SubmitPrepayment(Mechanic, Rub(5000), Now)).Code);
        Assert.Equal("WorkOrder.NotYours", Refused(() => order.SubmitAgreement(Other, Options(), Rub(1), null, null, Now)).Code);
    }

    [Fact]
    public void An_agreement_needs_options_and_either_an_agreed_sum_or_a_refusal_with_its_reason()
    {
        var order = Assigned();

        Assert.Equal("Agreement.NoOptions", Refused(() => order.SubmitAgreement(Mechanic, [], Rub(1), null, null, Now)).Code);
        Assert.Equal("Agreement.AgreedOrRefused", Refused(() => order.SubmitAgreement(Mechanic, Options(), null, null, null, Now)).Code);
        Assert.Equal("Agreement.AgreedOrRefused", Refused(() => order.SubmitAgreement(Mechanic, Options(), Rub(1), Rub(1), "дорого", Now)).Code);
        Assert.Equal("Agreement.ReasonRequired", Refused(() => order.SubmitAgreement(Mechanic, Options(), null, Rub(1500), " ", Now)).Code);
        Assert.Equal("WorkOption.DescriptionRequired", Refused(() => WorkOption.Create("", Rub(1))).Code);
        Assert.Empty(order.Submissions);
    }

    [Fact]
    public void Nothing_more_is_submitted_while_a_stage_waits_and_the_supervisor_decides_only_what_waits()
    {
        var order = Assigned();
        Assert.Equal("Stage.NothingToDecide", Refused(() => order.Approve(Supervisor, Now)).Code);

        order.SubmitAgreement(Mechanic, Options(), Rub(18000), null, null, Now);

        Assert.Empty(order.Submittable());
        Assert.Equal("Stage.WaitingForApproval", Refused(() => order.SubmitAgreement(Mechanic, Options(), Rub(1), null, null, Now)).Code);
    }

    [Fact]
    public void A_returned_stage_needs_a_comment_keeps_its_history_and_is_submitted_again()
    {
        var order = Assigned();
        order.SubmitAgreement(Mechanic, Options(), Rub(18000), null, null, Now);

        Assert.Equal("Stage.CommentRequired", Refused(() => order.Return(Supervisor, "  ", Now)).Code);
        order.Return(Supervisor, "Уточните цену второго варианта", Now);

        Assert.Equal([StageKind.Agreement], order.Submittable());
        order.SubmitAgreement(Mechanic, Options(), Rub(17500), null, null, Now);
        order.Approve(Supervisor, Now);
        Assert.Equal(
            [(StageKind.Agreement, SubmissionState.Returned, "Уточните цену второго варианта"), (StageKind.Agreement, SubmissionState.Approved, null)],
            order.Submissions.Select(s => (s.Kind, s.State, s.Comment)));
        Assert.Equal(Rub(17500), order.Approved(StageKind.Agreement)!.AgreedSum);
        Assert.Equal([StageKind.Prepayment], order.Submittable());
    }

    [Fact]
    public void An_approved_refusal_ends_the_order_as_refused()
    {
        var order = Assigned();
        order.SubmitAgreement(Mechanic, Options(), null, Rub(1500), "Клиент решил не ремонтировать", Now);

        order.Approve(Supervisor, Now);

        Assert.Equal(WorkOrderStatus.Refused, order.Status);
        Assert.True(order.IsClosed);
        Assert.Empty(order.Submittable());
        Assert.Equal("WorkOrder.Closed", Refused(() => order.SubmitPrepayment(Mechanic, Rub(1), Now)).Code);
        Assert.Equal("WorkOrder.Closed", Refused(() => order.Assign(Other, mechanicOnShift: true, mechanicHasOtherOrder: false, Now)).Code);
    }

    [Fact]
    public void After_the_prepayment_the_shop_and_expenses_may_be_skipped()
    {
        var order = AgreedAndPrepaid();

        Assert.Equal([StageKind.InShop, StageKind.Expenses, StageKind.FinalReport], order.Submittable());
        order.SubmitFinalReport(Mechanic, Rub(18000), Rub(18000), "contract.jpg", Now);
        order.Approve(Supervisor, Now);

        Assert.Equal(WorkOrderStatus.Done, order.Status);
    }

    [Fact]
    public void In_the_shop_a_shop_mechanic_claims_the_order_files_the_work_and_hands_it_back()
    {
        var order = AgreedAndPrepaid();
        Assert.Equal("InShop.DueDatePast", Refused(() => order.SubmitInShop(Mechanic, "car.jpg", Today.AddDays(-1), "Стук в двигателе", Today, Now)).Code);
        Assert.Equal("InShop.ProblemRequired", Refused(() => order.SubmitInShop(Mechanic, "car.jpg", Today, "", Today, Now)).Code);
        Assert.Equal("InShop.NotInShop", Refused(() => order.ClaimInShop("shop-1", Now)).Code);

        order.SubmitInShop(Mechanic, "car.jpg", Today.AddDays(3), "Стук в двигателе", Today, Now);
        order.Approve(Supervisor, Now);
        Assert.True(order.IsInShop);
        Assert.Empty(order.Submittable());
        Assert.Equal("InShop.InTheShop", Refused(() => order.SubmitFinalReport(Mechanic, Rub(1), Rub(1), "c.jpg", Now)).Code);
        Assert.Equal("InShop.NotYours", Refused(() => order.FileShopWork("shop-1", Rub(4000), Now)).Code);

        order.ClaimInShop("shop-1", Now);
        Assert.Equal("InShop.AlreadyClaimed", Refused(() => order.ClaimInShop("shop-2", Now)).Code);
        Assert.Equal("InShop.NotYours", Refused(() => order.FileShopWork("shop-2", Rub(4000), Now)).Code);
        order.FileShopWork("shop-1", Rub(4000), Now);

        Assert.False(order.IsInShop);
        Assert.Equal([StageKind.Expenses, StageKind.FinalReport], order.Submittable());
        Assert.Equal("InShop.NotInShop", Refused(() => order.ClaimInShop("shop-2", Now)).Code);
    }

    [Fact]
    public void The_shop_priority_is_between_one_and_ten()
    {
        var order = Open();
        Assert.Equal(1, order.ShopPriority);

        order.SetShopPriority(3);

        Assert.Equal(3, order.ShopPriority);
        Assert.Equal("WorkOrder.PriorityOutOfRange", Refused(() => order.SetShopPriority(0)).Code);
        Assert.Equal("WorkOrder.PriorityOutOfRange", Refused(() => order.SetShopPriority(11)).Code);
    }

    [Fact]
    public void After_expenses_the_shop_is_no_longer_offered()
    {
        var order = AgreedAndPrepaid();

        order.SubmitExpenses(Mechanic, [ExpenseLine.Create(ExpenseKind.Parts, "Диск сцепления", Rub(6000), "r1.jpg")], Now);
        order.Approve(Supervisor, Now);

        Assert.Equal([StageKind.FinalReport], order.Submittable());
    }

    [Fact]
    public void An_expense_needs_a_kind_a_word_a_sum_and_its_receipt()
    {
        Assert.Equal("Expense.Zero", Refused(() => ExpenseLine.Create(ExpenseKind.Parts, "Диск", Money.Zero, "r.jpg")).Code);
        Assert.Equal("Expense.DescriptionRequired", Refused(() => ExpenseLine.Create(ExpenseKind.Parts, " ", Rub(1), "r.jpg")).Code);
        Assert.Equal("Expense.ReceiptRequired", Refused(() => ExpenseLine.Create(ExpenseKind.Transport, "Эвакуатор", Rub(1), null)).Code);
        Assert.Equal("Expense.Kind", Refused(() => ExpenseLine.Create((ExpenseKind)9, "?", Rub(1), "r.jpg")).Code);
        Assert.Equal("Expenses.NoLines", Refused(() => AgreedAndPrepaid().SubmitExpenses(Mechanic, [], Now)).Code);
    }

    [Fact]
    public void The_net_sum_is_the_total_without_parts_and_the_shops_work()
    {
        var order = AgreedAndPrepaid();
        order.SubmitInShop(Mechanic, "car.jpg", Today, "Стук", Today, Now);
        order.Approve(Supervisor, Now);
        order.ClaimInShop("shop-1", Now);
        order.FileShopWork("shop-1", Rub(4000), Now);
        order.SubmitExpenses(Mechanic,
        [
            ExpenseLine.Create(ExpenseKind.Parts, "Диск сцепления", Rub(6000.50m), "r1.jpg"),
            ExpenseLine.Create(ExpenseKind.Transport, "Такси за деталью", Rub(700), "r2.jpg"),
        ], Now);
        order.Approve(Supervisor, Now);

        Assert.Equal(Rub(7999.50m), order.ExpectedNet(Rub(18000)));
        var mismatch = Refused(() => order.SubmitFinalReport(Mechanic, Rub(18000), Rub(8000), "c.jpg", Now));
        Assert.Equal(("FinalReport.NetMismatch", 7999.50m), (mismatch.Code, (decimal)mismatch.Arguments[0]));
        Assert.Equal("FinalReport.NetAboveTotal", Refused(() => order.SubmitFinalReport(Mechanic, Rub(100), Rub(200), "c.jpg", Now)).Code);
        Assert.Equal("FinalReport.ContractRequired", Refused(() => order.SubmitFinalReport(Mechanic, Rub(18000), Rub(7999.50m), "", Now)).Code);

        order.SubmitFinalReport(Mechanic, Rub(18000), Rub(7999.50m), "contract.jpg", Now);
        order.Approve(Supervisor, Now);
        Assert.Equal(WorkOrderStatus.Done, order.Status);
        Assert.Equal(Now, order.ClosedAt);
    }

    [Fact]
    public void A_returned_final_report_is_submitted_again_and_a_done_order_takes_nothing_more()
    {
        var order = AgreedAndPrepaid();
        order.SubmitFinalReport(Mechanic, Rub(18000), Rub(18000), "contract.jpg", Now);
        order.Return(Supervisor, "Нет подписи на договоре", Now);
        Assert.Equal(WorkOrderStatus.InProgress, order.Status);
        Assert.Contains(StageKind.FinalReport, order.Submittable());

        order.SubmitFinalReport(Mechanic, Rub(18000), Rub(18000), "contract-signed.jpg", Now);
        order.Approve(Supervisor, Now);

        Assert.Equal("WorkOrder.Closed", Refused(() => order.SubmitExpenses(Mechanic, [ExpenseLine.Create(ExpenseKind.Other, "x", Rub(1), "r.jpg")], Now)).Code);
        Assert.Equal("Stage.NothingToDecide", Refused(() => order.Approve(Supervisor, Now)).Code);
    }

    [Theory]
    [InlineData("2026-00042", 2026, 42)]
    [InlineData(" 2026-42 ", 2026, 42)]
    [InlineData("2027-99999", 2027, 99999)]
    public void Order_numbers_read_back(string text, int year, int sequence)
    {
        Assert.Equal(new OrderNumber(year, sequence), OrderNumber.TryParse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("42")]
    [InlineData("2026-0")]
    [InlineData("2026-100000")]
    [InlineData("1999-1")]
    [InlineData("2026-4a")]
    public void Other_text_is_not_an_order_number(string text)
    {
        Assert.Null(OrderNumber.TryParse(text));
    }
}
