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
public sealed class OrderHistory(ApplicationDbContext db, WorkshopClock clock)
{
    public const string OrderType = nameof(WorkOrder);
    public const string SubmissionType = nameof(StageSubmission);

    /// <summary>The order's entries and its stages' in one round trip, each entry's changes read once.</summary>
    public async Task<OrderTrail> TrailAsync(int orderId, CancellationToken cancellationToken)
    {
        var entries = new List<TrailEntry>();
        await foreach (var entry in OrderPageQueries.Trail(db, orderId, Key(orderId)).WithCancellation(cancellationToken))
        {
            entries.Add(new TrailEntry(entry, entry.ReadChanges()));
        }

        return new OrderTrail(entries, await StagesAsync(entries, db.StageSubmissions.Where(s => s.WorkOrderId == orderId), cancellationToken));
    }

    /// <summary>The history's steps; <paramref name="names"/> has the full names of <see cref="OrderTrail.People"/> (staff).</summary>
    public IReadOnlyList<OrderHistoryEvent> Events(OrderTrail orderTrail, IReadOnlyDictionary<string, string> names) =>
        [.. orderTrail.Entries.Select(item =>
        {
            var (entry, changes) = item;
            var at = TimeZoneInfo.ConvertTime(entry.At, clock.Zone).DateTime;
            var who = entry.ActorId is { } id ? names.GetValueOrDefault(id, entry.ActorName) : entry.ActorName;
            var step = new OrderHistoryEvent(at, OrderStep.Changed, entry.ActorKind, who);
            if (entry.EntityType == SubmissionType)
            {
                var state = changes.GetValueOrDefault(nameof(StageSubmission.State))?.AfterText;
                return step with
                {
                    Step = entry.Action == AuditAction.Added ? OrderStep.Submitted
                        : state == nameof(SubmissionState.Approved) ? OrderStep.Approved
                        : state == nameof(SubmissionState.Returned) ? OrderStep.Returned
                        : OrderStep.Changed,
                    Stage = orderTrail.Stages[entry.EntityId],
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

    /// <summary>
    /// Which stage each submission is, from its addition in the trail (which records every field of a new submission, in
    /// the submission's own transaction, and is never changed afterwards); from the submissions themselves only for
    /// one whose addition is not there (rows written outside the site).
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, StageKind>> StagesAsync(
        IReadOnlyList<TrailEntry> entries, IQueryable<StageSubmission> submissions, CancellationToken cancellationToken)
    {
        var stages = entries
            .Where(e => e.Entry.EntityType == SubmissionType && e.Entry.Action == AuditAction.Added)
            .Select(e => (e.Entry.EntityId, Kind: e.Changes.GetValueOrDefault(nameof(StageSubmission.Kind))?.AfterText))
            .Where(s => Enum.TryParse<StageKind>(s.Kind, out _))
            .ToDictionary(s => s.EntityId, s => Enum.Parse<StageKind>(s.Kind!));
        if (entries.Any(e => e.Entry.EntityType == SubmissionType && !stages.ContainsKey(e.Entry.EntityId)))
        {
            stages = (await submissions.AsNoTracking().Select(s => new { s.Id, s.Kind }).ToListAsync(cancellationToken))
                .ToDictionary(s => Key(s.Id), s => s.Kind);
        }

        return stages;
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An audit entry with its changes read.</summary>
public sealed record TrailEntry(AuditEntry Entry, IReadOnlyDictionary<string, AuditChange> Changes);

/// <summary>An order's audit entries, oldest first, and which stage each of its submissions is.</summary>
public sealed record OrderTrail(IReadOnlyList<TrailEntry> Entries, IReadOnlyDictionary<string, StageKind> Stages)
{
    /// <summary>The staff the history names: who acted, and the mechanics the order was given to or claimed by.</summary>
    public IEnumerable<string> People => Entries.Select(e => e.Entry.ActorId)
        .Concat(Entries.Select(e => e.Changes.GetValueOrDefault(nameof(WorkOrder.MechanicId))?.AfterText))
        .Concat(Entries.Select(e => e.Changes.GetValueOrDefault(nameof(WorkOrder.ShopMechanicId))?.AfterText))
        .OfType<string>();
}
