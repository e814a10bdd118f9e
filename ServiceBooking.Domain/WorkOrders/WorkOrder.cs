using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;

namespace ServiceBooking.Domain.WorkOrders;

/// <summary>
/// A work order (PRODUCT.md section G): a car taken in from a booking, or a client who called or walked in. A supervisor
/// gives it to a mechanic on shift; the mechanic submits the stages in order — agreement, prepayment, in-shop repair
/// (optional), expenses (optional), final report — and each opens only after the supervisor approved the one before; a
/// returned stage is submitted again. An approved refusal ends the order as refused, an approved final report as done.
/// In the shop, shop mechanics claim orders by priority and due date and file the sum for their work, which hands the
/// order back to its mechanic. The database keeps a mechanic to one active order (assigned or in progress).
/// </summary>
public sealed class WorkOrder : Entity
{
    public const int MaxClientNameLength = 200;
    public const int MaxAddressLength = 300;
    public const int MaxCommentLength = 1000;
    public const int DefaultPriority = 1;
    public const int MaxPriority = 10;

    private readonly List<StageSubmission> _submissions = [];

    private WorkOrder()
    {
    }

    public OrderNumber Number { get; private set; }

    /// <summary>The client's account, when the client has one (a booking always has).</summary>
    public string? ClientId { get; private set; }

    public string ClientName { get; private set; } = string.Empty;

    /// <summary>E.164, as the Web layer normalised it.</summary>
    public string Phone { get; private set; } = string.Empty;

    public string? Address { get; private set; }

    public string? Comment { get; private set; }

    public int? CarId { get; private set; }

    public int? BookingId { get; private set; }

    public WorkOrderStatus Status { get; private set; }

    public string? MechanicId { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    public string CreatedById { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The in-shop queue's order: 1 first; set by the supervisor.</summary>
    public int ShopPriority { get; private set; } = DefaultPriority;

    public string? ShopMechanicId { get; private set; }

    public DateTimeOffset? ShopClaimedAt { get; private set; }

    /// <summary>What the shop mechanic charged for the in-shop work.</summary>
    public Money? ShopSum { get; private set; }

    public DateTimeOffset? ShopFiledAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>
    /// The odometer when the car arrived, kept with the order as the record of its intake (the car's own mileage moves on
    /// with later readings). Null without a car or when nobody read it.
    /// </summary>
    public Mileage? ArrivalMileage { get; private set; }

    public IReadOnlyList<StageSubmission> Submissions => _submissions;

    public bool IsClosed => Status is WorkOrderStatus.Done or WorkOrderStatus.Refused;

    /// <summary>The submission waiting for the supervisor, if any.</summary>
    public StageSubmission? Pending => _submissions.LastOrDefault(s => s.State == SubmissionState.Submitted);

    /// <summary>In the shop: the in-shop stage approved and the shop's work not filed yet.</summary>
    public bool IsInShop => Approved(StageKind.InShop) is not null && ShopFiledAt is null;

    /// <summary>The approved submission of a stage, if it was approved.</summary>
    public StageSubmission? Approved(StageKind kind) => _submissions.LastOrDefault(s => s.Kind == kind && s.State == SubmissionState.Approved);

    /// <summary>
    /// A new order, not assigned yet. The odometer reading at arrival (<paramref name="arrivalMileage"/>) is of a car, so
    /// it needs one.
    /// </summary>
    public static WorkOrder Open(
        OrderNumber number, string? clientId, string clientName, string phone, string? address, string? comment, int? carId, int? bookingId,
        string createdById, DateTimeOffset now, Mileage? arrivalMileage = null)
    {
        if (arrivalMileage is not null && carId is null)
        {
            throw new DomainException("WorkOrder.MileageWithoutCar");
        }

        return new WorkOrder
        {
            Number = number,
            ClientId = clientId,
            ClientName = Text.Required(clientName, MaxClientNameLength, "WorkOrder.ClientName"),
            Phone = Text.Required(phone, 16, "WorkOrder.Phone"),
            Address = Text.Optional(address, MaxAddressLength, "WorkOrder.Address"),
            Comment = Text.Optional(comment, MaxCommentLength, "WorkOrder.Comment"),
            CarId = carId,
            BookingId = bookingId,
            Status = WorkOrderStatus.NotAssigned,
            CreatedById = createdById,
            CreatedAt = now,
            ArrivalMileage = arrivalMileage,
        };
    }

    /// <summary>
    /// Gives the order to a mechanic on shift who has no other active order, or to another one while nothing has been
    /// submitted; once the work has begun the order stays with its mechanic. The database keeps the one-order rule
    /// when two supervisors give the same mechanic an order at once.
    /// </summary>
    public void Assign(string mechanicId, bool mechanicOnShift, bool mechanicHasOtherOrder, DateTimeOffset now)
    {
        if (IsClosed)
        {
            throw new DomainException("WorkOrder.Closed");
        }

        if (Status == WorkOrderStatus.InProgress)
        {
            throw new DomainException("WorkOrder.AlreadyStarted");
        }

        if (!mechanicOnShift)
        {
            throw new DomainException("WorkOrder.MechanicOffShift");
        }

        if (mechanicHasOtherOrder)
        {
            throw new DomainException("WorkOrder.MechanicBusy");
        }

        (MechanicId, AssignedAt, Status) = (mechanicId, now, WorkOrderStatus.Assigned);
    }

    /// <summary>The stages the mechanic may submit now (none while one waits for approval or the car is in the shop).</summary>
    public IReadOnlyList<StageKind> Submittable()
    {
        if (IsClosed || MechanicId is null || Pending is not null || IsInShop)
        {
            return [];
        }

        if (Approved(StageKind.Agreement) is null)
        {
            return [StageKind.Agreement];
        }

        if (Approved(StageKind.Prepayment) is null)
        {
            return [StageKind.Prepayment];
        }

        var expensesDone = Approved(StageKind.Expenses) is not null;
        var next = new List<StageKind>();
        if (Approved(StageKind.InShop) is null && !expensesDone)
        {
            next.Add(StageKind.InShop);
        }

        if (!expensesDone)
        {
            next.Add(StageKind.Expenses);
        }

        next.Add(StageKind.FinalReport);
        return next;
    }

    public StageSubmission SubmitAgreement(string mechanicId, IReadOnlyList<WorkOption> options, Money? agreed, Money? refusalSum, string? refusalReason, DateTimeOffset now) =>
        Submit(mechanicId, StageSubmission.Agreement(options, agreed, refusalSum, refusalReason), now);

    public StageSubmission SubmitPrepayment(string mechanicId, Money amount, DateTimeOffset now) =>
        Submit(mechanicId, StageSubmission.ForPrepayment(amount), now);

    public StageSubmission SubmitInShop(string mechanicId, string? photo, DateOnly dueDate, string? problem, DateOnly today, DateTimeOffset now) =>
        Submit(mechanicId, StageSubmission.InShop(photo, dueDate, problem, today), now);

    public StageSubmission SubmitExpenses(string mechanicId, IReadOnlyList<ExpenseLine> lines, DateTimeOffset now) =>
        Submit(mechanicId, StageSubmission.ForExpenses(lines), now);

    public StageSubmission SubmitFinalReport(string mechanicId, Money total, Money net, string? contractPhoto, DateTimeOffset now) =>
        Submit(mechanicId, StageSubmission.FinalReport(total, net, contractPhoto, ExpectedNet(total)), now);

    /// <summary>
    /// The net sum a final report with this total must state: the total without the parts bought (the expenses stage's
    /// parts lines) and without the shop's work. Zero at the least.
    /// </summary>
    public Money ExpectedNet(Money total) => Money.FromRoubles(Math.Max(0m, total.Amount - Deductions.Amount));

    /// <summary>What the net sum leaves out of the total: the parts bought (approved expenses) and the shop's work.</summary>
    public Money Deductions => Money.FromRoubles(
        (Approved(StageKind.Expenses)?.Expenses.Where(e => e.Kind == ExpenseKind.Parts).Sum(e => e.Sum.Amount) ?? 0m) + (ShopSum?.Amount ?? 0m));

    /// <summary>The supervisor approves the waiting stage; an approved refusal or final report closes the order.</summary>
    public StageSubmission Approve(string supervisorId, DateTimeOffset now)
    {
        var pending = Pending ?? throw new DomainException("Stage.NothingToDecide");
        pending.Approve(supervisorId, now);
        if (pending.IsRefusal)
        {
            (Status, ClosedAt) = (WorkOrderStatus.Refused, now);
        }
        else if (pending.Kind == StageKind.FinalReport)
        {
            (Status, ClosedAt) = (WorkOrderStatus.Done, now);
        }

        return pending;
    }

    /// <summary>The supervisor sends the waiting stage back with a comment; the mechanic submits it again.</summary>
    public StageSubmission Return(string supervisorId, string? comment, DateTimeOffset now)
    {
        var pending = Pending ?? throw new DomainException("Stage.NothingToDecide");
        pending.Return(supervisorId, comment, now);
        return pending;
    }

    /// <summary>Where the order stands in the in-shop queue (1 first).</summary>
    public void SetShopPriority(int priority)
    {
        if (priority is < 1 or > MaxPriority)
        {
            throw new DomainException("WorkOrder.PriorityOutOfRange", 1, MaxPriority);
        }

        ShopPriority = priority;
    }

    /// <summary>A shop mechanic takes an order waiting in the shop.</summary>
    public void ClaimInShop(string shopMechanicId, DateTimeOffset now)
    {
        if (!IsInShop)
        {
            throw new DomainException("InShop.NotInShop");
        }

        if (ShopMechanicId is not null)
        {
            throw new DomainException("InShop.AlreadyClaimed");
        }

        (ShopMechanicId, ShopClaimedAt) = (shopMechanicId, now);
    }

    /// <summary>The shop mechanic who claimed the order files the sum for their work; the order returns to its mechanic.</summary>
    public void FileShopWork(string shopMechanicId, Money sum, DateTimeOffset now)
    {
        if (!IsInShop)
        {
            throw new DomainException("InShop.NotInShop");
        }

        if (ShopMechanicId != shopMechanicId)
        {
            throw new DomainException("InShop.NotYours");
        }

        (ShopSum, ShopFiledAt) = (sum, now);
    }

    /// <summary>
    /// Whether this mechanic may submit this stage now, before its fields are looked at (a form checks it first, so that
    /// "the car is in the shop" comes before "fill in the lines").
    /// </summary>
    public void CheckSubmittable(string mechanicId, StageKind kind)
    {
        if (IsClosed)
        {
            throw new DomainException("WorkOrder.Closed");
        }

        if (MechanicId != mechanicId)
        {
            throw new DomainException("WorkOrder.NotYours");
        }

        if (!Submittable().Contains(kind))
        {
            throw new DomainException(Pending is not null ? "Stage.WaitingForApproval" : IsInShop ? "InShop.InTheShop" : "Stage.NotNow");
        }
    }

    private StageSubmission Submit(string mechanicId, StageSubmission submission, DateTimeOffset now)
    {
        CheckSubmittable(mechanicId, submission.Kind);
        _submissions.Add(submission.By(mechanicId, now));
        Status = WorkOrderStatus.InProgress;
        return submission;
    }
}
