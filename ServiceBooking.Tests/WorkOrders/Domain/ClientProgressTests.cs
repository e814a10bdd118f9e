using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.WorkOrders;

namespace ServiceBooking.Tests.WorkOrders.Domain;

/// <summary>What the client is told of an order's progress, from opening to closing, stage by stage.</summary>
public sealed class ClientProgressTests
{
    private const string Mechanic = "mechanic-1";
    private const string Supervisor = "supervisor-1";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(3));
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static Money Rub(decimal amount) => Money.FromRoubles(amount);

    private static WorkOrder Open() =>
        WorkOrder.Open(OrderNumber.Create(2026, 42), "client-1", "Кузнецова Анна", "+79001234567", null, null, 7, 3, Supervisor, Now);

    private static WorkOrder Assigned()
    {
        var order = Open();
        order.Assign(Mechanic, mechanicOnShift: true, mechanicHasOtherOrder: false, Now);
        return order;
    }

    /// <summary>Files the agreement: the client agreed to 18 000 ₽, or refused for <paramref name="refusal"/> and paid 1 500 ₽.</summary>
    private static void Agree(WorkOrder order, string? refusal = null) =>
        order.SubmitAgreement(Mechanic, [WorkOption.Create("Замена сцепления", Rub(18000))], refusal is null ? Rub(18000) : null,
            refusal is null ? null : Rub(1500), refusal, Now);

    private static WorkOrder Prepaid()
    {
        var order = Assigned();
        Agree(order);
        order.Approve(Supervisor, Now);
        order.SubmitPrepayment(Mechanic, Rub(5000), Now);
        order.Approve(Supervisor, Now);
        return order;
    }

    private static ClientProgress Of(WorkOrder order) => ClientProgress.Of(order);

    [Fact]
    public void An_order_without_a_mechanic_has_no_step_and_an_assigned_one_is_at_the_agreement()
    {
        Assert.Equal(new ClientProgress(ClientStep.None, false), Of(Open()));
        Assert.Equal(new ClientProgress(ClientStep.Agreement, false), Of(Assigned()));
    }

    [Fact]
    public void A_filed_stage_waits_for_review_and_a_returned_one_is_being_redone()
    {
        var order = Assigned();
        Agree(order);
        Assert.Equal(new ClientProgress(ClientStep.Agreement, true), Of(order));

        order.Return(Supervisor, "Уточните сумму", Now);
        Assert.Equal(new ClientProgress(ClientStep.Agreement, false), Of(order));

        Agree(order);
        order.Approve(Supervisor, Now);
        Assert.Equal(new ClientProgress(ClientStep.Prepayment, false), Of(order));

        order.SubmitPrepayment(Mechanic, Rub(5000), Now);
        Assert.Equal(new ClientProgress(ClientStep.Prepayment, true), Of(order));
    }

    [Fact]
    public void After_the_prepayment_the_car_is_repaired_or_in_the_shop_until_the_shop_files_its_work()
    {
        var order = Prepaid();
        Assert.Equal(new ClientProgress(ClientStep.Repair, false), Of(order));

        order.SubmitInShop(Mechanic, "car.jpg", Today.AddDays(3), "Стук в двигателе", Today, Now);
        Assert.Equal(new ClientProgress(ClientStep.InShop, true), Of(order));
        order.Approve(Supervisor, Now);
        Assert.Equal(new ClientProgress(ClientStep.InShop, false), Of(order));

        order.ClaimInShop("shop-1", Now);
        order.FileShopWork("shop-1", Rub(4000), Now);
        Assert.Equal(new ClientProgress(ClientStep.Repair, false), Of(order));
    }

    [Fact]
    public void Expenses_and_the_final_report_show_while_they_wait_for_review_and_a_closed_order_has_no_step()
    {
        var order = Prepaid();
        order.SubmitExpenses(Mechanic, [ExpenseLine.Create(ExpenseKind.Parts, "Диск сцепления", Rub(6000), "receipt.jpg")], Now);
        Assert.Equal(new ClientProgress(ClientStep.Expenses, true), Of(order));
        order.Approve(Supervisor, Now);
        Assert.Equal(new ClientProgress(ClientStep.Repair, false), Of(order));

        order.SubmitFinalReport(Mechanic, Rub(18000), Rub(12000), "contract.jpg", Now);
        Assert.Equal(new ClientProgress(ClientStep.FinalReport, true), Of(order));
        order.Approve(Supervisor, Now);
        Assert.Equal((WorkOrderStatus.Done, new ClientProgress(ClientStep.None, false)), (order.Status, Of(order)));
    }

    [Fact]
    public void A_refused_order_has_no_step()
    {
        var order = Assigned();
        Agree(order, refusal: "Дорого");
        order.Approve(Supervisor, Now);

        Assert.Equal((WorkOrderStatus.Refused, new ClientProgress(ClientStep.None, false)), (order.Status, Of(order)));
    }
}
