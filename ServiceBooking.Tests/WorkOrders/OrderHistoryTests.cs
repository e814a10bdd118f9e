using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Web.Modules.WorkOrders;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.WorkOrders;

/// <summary>An order's history as its page shows it, read from the audit trail of the order and of its stages.</summary>
public sealed class OrderHistoryTests(BookingFixture fixture) : WorkOrdersTest(fixture)
{
    /// <summary>Changes the order through the Domain and saves it as <paramref name="nickname"/> would (the stages' service comes in part 2).</summary>
    private Task ChangeAsync(int orderId, string userId, string nickname, Action<WorkOrder> change) => DbAsync(async db =>
    {
        var order = await db.WorkOrders.Include(o => o.Submissions).SingleAsync(o => o.Id == orderId);
        change(order);
        using (AuditActor.Use(AuditActor.Person(userId, nickname)))
        {
            return await db.SaveChangesAsync();
        }
    });

    /// <summary>A caller's order given by sveta (Светлова) to misha (Михайлов), who is on shift.</summary>
    private async Task<(WorkshopActor Supervisor, string Mechanic, int Order)> AssignedOrderAsync()
    {
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor, "Светлова"));
        var misha = await StaffAsync("misha", Roles.Mechanic, "Михайлов");
        await CheckInAsync(misha);
        var order = await OpenForCallerAsync(supervisor.Id);
        Assert.IsType<OrderAssigned.Done>(await AssignAsync(order, misha, supervisor));
        return (supervisor, misha, order);
    }

    private Task<OrderDetails?> DetailsAsync(int orderId, WorkshopActor actor) =>
        ServiceAsync<WorkOrderService, OrderDetails?>(s => s.DetailsAsync(orderId, actor, CancellationToken.None));

    [Fact]
    public async Task The_history_follows_the_stages_submitted_returned_and_approved_with_who_and_the_comment()
    {
        var (supervisor, misha, order) = await AssignedOrderAsync();
        var now = Fixture.Clock.GetUtcNow();
        WorkOption[] options = [WorkOption.Create("Замена колодок", Money.FromRoubles(5000m))];

        await ChangeAsync(order, misha, "misha", o => o.SubmitAgreement(misha, options, Money.FromRoubles(5000m), null, null, now));
        await ChangeAsync(order, supervisor.Id, "sveta", o => o.Return(supervisor.Id, "Уточните цену", now));
        await ChangeAsync(order, misha, "misha", o => o.SubmitAgreement(misha, options, Money.FromRoubles(4500m), null, null, now));
        await ChangeAsync(order, supervisor.Id, "sveta", o => o.Approve(supervisor.Id, now));
        await ChangeAsync(order, misha, "misha", o => o.SubmitPrepayment(misha, Money.FromRoubles(1000m), now));

        var history = (await DetailsAsync(order, supervisor))!.History;

        Assert.Equal(
            [OrderStep.Opened, OrderStep.Assigned, OrderStep.Submitted, OrderStep.StatusChanged, OrderStep.Returned, OrderStep.Submitted,
                OrderStep.Approved, OrderStep.Submitted],
            history.Select(h => h.Step));
        Assert.Equal(
            [null, null, StageKind.Agreement, null, StageKind.Agreement, StageKind.Agreement, StageKind.Agreement, StageKind.Prepayment],
            history.Select(h => h.Stage));
        Assert.Equal(WorkOrderStatus.InProgress, history[3].Status);
        Assert.Equal(("Светлова Пётр", "Уточните цену"), (history[4].ActorName, history[4].Comment));
        Assert.Equal("Михайлов Пётр", history[7].ActorName);
    }

    [Fact]
    public async Task A_stage_whose_addition_is_not_in_the_trail_is_still_named_from_the_stage_itself()
    {
        // Rows written outside the site (an import, a repair by hand) have no addition in the trail to read the stage from.
        var (supervisor, misha, order) = await AssignedOrderAsync();
        await DbAsync(db => db.Database.ExecuteSqlAsync($$"""
            WITH s AS (
              INSERT INTO stage_submissions (work_order_id, kind, state, submitted_by_id, submitted_at, decided_by_id, decided_at, options, expenses, prepayment)
              VALUES ({{order}}, 'Prepayment', 'Approved', {{misha}}, now(), {{supervisor.Id}}, now(), '[]', '[]', 1000) RETURNING id)
            INSERT INTO audit_entries (at, actor_kind, actor_id, actor_name, entity_type, entity_id, action, changes)
            SELECT now(), 'User', {{supervisor.Id}}, 'sveta', 'StageSubmission', s.id::text, 'Changed',
                   '{"State": {"before": "Submitted", "after": "Approved"} }'::jsonb FROM s
            """));

        var history = (await DetailsAsync(order, supervisor))!.History;

        Assert.Equal((OrderStep.Approved, StageKind.Prepayment), (history[^1].Step, history[^1].Stage));
    }
}
