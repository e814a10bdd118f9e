using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.WorkOrders;

public enum OrderStep
{
    Opened,

    /// <summary>Given to a mechanic (<see cref="OrderHistoryEvent.Mechanic"/>), or to another one.</summary>
    Assigned,

    /// <summary>The status moved (<see cref="OrderHistoryEvent.Status"/>) without a new mechanic: work began, done, refused.</summary>
    StatusChanged,

    /// <summary>A stage submitted by the mechanic (<see cref="OrderHistoryEvent.Stage"/>).</summary>
    Submitted,

    Approved,

    /// <summary>A stage sent back, with the supervisor's comment.</summary>
    Returned,

    /// <summary>The supervisor moved the order in the shop's queue (<see cref="OrderHistoryEvent.Detail"/>: before → after).</summary>
    PrioritySet,

    /// <summary>A shop mechanic (<see cref="OrderHistoryEvent.Mechanic"/>) took the order in the shop.</summary>
    ShopClaimed,

    /// <summary>The shop's work filed with its sum (<see cref="OrderHistoryEvent.Amount"/>); the order is back with its mechanic.</summary>
    ShopWorkFiled,

    /// <summary>Anything else (a field corrected).</summary>
    Changed,
}

/// <summary>One step of an order's history, in the workshop's local time, with who did it (staff see names).</summary>
public sealed record OrderHistoryEvent(DateTime At, OrderStep Step, AuditActorKind ActorKind, string ActorName)
{
    public string? Mechanic { get; init; }

    public WorkOrderStatus? Status { get; init; }

    public StageKind? Stage { get; init; }

    public string? Comment { get; init; }

    /// <summary>What changed, as "before → after" (the shop's priority).</summary>
    public string? Detail { get; init; }

    public decimal? Amount { get; init; }
}

/// <summary>
/// An order's history, read from the audit trail (every change of the order and of its stage submissions is recorded
/// there by the interceptor, in the change's transaction): opened, assigned, each stage submitted and decided, closed.
/// </summary>
public sealed class OrderHistory(AuditTrail trail, ApplicationDbContext db, WorkshopClock clock)
{
    public const string OrderType = nameof(WorkOrder);
    public const string SubmissionType = nameof(StageSubmission);

    public async Task<IReadOnlyList<OrderHistoryEvent>> ForAsync(int orderId, CancellationToken cancellationToken)
    {
        // The order's entries and its stages' in one round trip (the order page asks for them every time).
        var submissions = db.StageSubmissions.Where(s => s.WorkOrderId == orderId);
        var entries = await trail.OfAsync(OrderType, Key(orderId), SubmissionType, submissions.Select(s => s.Id.ToString()), cancellationToken);
        var stages = await StagesAsync(entries, submissions, cancellationToken);

        var people = entries.Select(e => e.ActorId)
            .Concat(entries.Select(e => e.ReadChanges().GetValueOrDefault(nameof(WorkOrder.MechanicId))?.AfterText))
            .Concat(entries.Select(e => e.ReadChanges().GetValueOrDefault(nameof(WorkOrder.ShopMechanicId))?.AfterText))
            .OfType<string>().Distinct().ToList();
        var names = (await db.Users.AsNoTracking().Where(u => people.Contains(u.Id))
                .Select(u => new { u.Id, u.LastName, u.FirstName, u.Patronymic }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => StaffNames.Full(u.LastName, u.FirstName, u.Patronymic));

        return [.. entries.Select(entry =>
        {
            var changes = entry.ReadChanges();
            var at = TimeZoneInfo.ConvertTime(entry.At, clock.Zone).DateTime;
            var who = entry.ActorId is { } id ? names.GetValueOrDefault(id, entry.ActorName) : entry.ActorName;
            var step = new OrderHistoryEvent(at, OrderStep.Changed, entry.ActorKind, who);
            if (entry.EntityType == SubmissionType)
            {
                var stage = stages[entry.EntityId];
                var state = changes.GetValueOrDefault(nameof(StageSubmission.State))?.AfterText;
                return step with
                {
                    Step = entry.Action == AuditAction.Added ? OrderStep.Submitted
                        : state == nameof(SubmissionState.Approved) ? OrderStep.Approved
                        : state == nameof(SubmissionState.Returned) ? OrderStep.Returned
                        : OrderStep.Changed,
                    Stage = stage,
                    Comment = changes.GetValueOrDefault(nameof(StageSubmission.Comment))?.AfterText,
                };
            }

            var status = changes.GetValueOrDefault(nameof(WorkOrder.Status))?.AfterText is { } text && Enum.TryParse<WorkOrderStatus>(text, out var parsed)
                ? parsed
                : (WorkOrderStatus?)null;
            var mechanic = changes.GetValueOrDefault(nameof(WorkOrder.MechanicId))?.AfterText;
            return entry.Action == AuditAction.Added ? step with { Step = OrderStep.Opened }
                : mechanic is not null ? step with { Step = OrderStep.Assigned, Mechanic = names.GetValueOrDefault(mechanic, mechanic) }
                : status is not null ? step with { Step = OrderStep.StatusChanged, Status = status }
                : changes.GetValueOrDefault(nameof(WorkOrder.ShopSum))?.AfterText is { } sum
                    ? step with { Step = OrderStep.ShopWorkFiled, Amount = decimal.Parse(sum, CultureInfo.InvariantCulture) }
                : changes.GetValueOrDefault(nameof(WorkOrder.ShopMechanicId))?.AfterText is { } shop
                    ? step with { Step = OrderStep.ShopClaimed, Mechanic = names.GetValueOrDefault(shop, shop) }
                : changes.GetValueOrDefault(nameof(WorkOrder.ShopPriority)) is { } priority
                    ? step with { Step = OrderStep.PrioritySet, Detail = $"{priority.BeforeText} → {priority.AfterText}" }
                : step;
        })];
    }

    /// <summary>
    /// Which stage each submission is, from its addition in the trail (which records every field of a new submission, in
    /// the submission's own transaction, and is never changed afterwards); from the submissions themselves only for
    /// one whose addition is not there (rows written outside the site).
    /// </summary>
    private async Task<IReadOnlyDictionary<string, StageKind>> StagesAsync(
        IReadOnlyList<AuditEntry> entries, IQueryable<StageSubmission> submissions, CancellationToken cancellationToken)
    {
        var stages = entries
            .Where(e => e.EntityType == SubmissionType && e.Action == AuditAction.Added)
            .Select(e => (e.EntityId, Kind: e.ReadChanges().GetValueOrDefault(nameof(StageSubmission.Kind))?.AfterText))
            .Where(s => Enum.TryParse<StageKind>(s.Kind, out _))
            .ToDictionary(s => s.EntityId, s => Enum.Parse<StageKind>(s.Kind!));
        if (entries.Any(e => e.EntityType == SubmissionType && !stages.ContainsKey(e.EntityId)))
        {
            stages = (await submissions.AsNoTracking().Select(s => new { s.Id, s.Kind }).ToListAsync(cancellationToken))
                .ToDictionary(s => Key(s.Id), s => s.Kind);
        }

        return stages;
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
