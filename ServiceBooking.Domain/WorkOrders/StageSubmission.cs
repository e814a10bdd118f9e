using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.WorkOrders;

/// <summary>
/// One submission of a stage by the order's mechanic, with what the supervisor decided. A returned stage stays as it
/// was (the history shows it) and the mechanic submits a new one. Which fields are filled depends on the kind.
/// </summary>
public sealed class StageSubmission : Entity
{
    public const int MaxCommentLength = 1000;
    public const int MaxProblemLength = 2000;
    public const int MaxReasonLength = 500;

    private StageSubmission()
    {
    }

    public int WorkOrderId { get; private set; }

    public StageKind Kind { get; private set; }

    public SubmissionState State { get; private set; }

    public string SubmittedById { get; private set; } = string.Empty;

    public DateTimeOffset SubmittedAt { get; private set; }

    public string? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The supervisor's comment (required when the stage is returned).</summary>
    public string? Comment { get; private set; }

    /// <summary>Agreement: the ways of doing the work offered to the client.</summary>
    public IReadOnlyList<WorkOption> Options { get; private set; } = [];

    /// <summary>Agreement: the sum agreed with the client; null when the client refused.</summary>
    public Money? AgreedSum { get; private set; }

    /// <summary>Agreement: what the client paid for the diagnosis when refusing.</summary>
    public Money? RefusalSum { get; private set; }

    public string? RefusalReason { get; private set; }

    public Money? Prepayment { get; private set; }

    /// <summary>In-shop: the photo of the car in the shop.</summary>
    public string? Photo { get; private set; }

    public DateOnly? DueDate { get; private set; }

    public string? Problem { get; private set; }

    public IReadOnlyList<ExpenseLine> Expenses { get; private set; } = [];

    /// <summary>Final report: everything the client paid.</summary>
    public Money? TotalReceived { get; private set; }

    /// <summary>Final report: the total without parts and in-shop work.</summary>
    public Money? NetSum { get; private set; }

    public string? ContractPhoto { get; private set; }

    public bool IsRefusal => Kind == StageKind.Agreement && AgreedSum is null;

    internal static StageSubmission Agreement(IReadOnlyList<WorkOption> options, Money? agreed, Money? refusalSum, string? refusalReason)
    {
        if (options.Count == 0)
        {
            throw new DomainException("Agreement.NoOptions");
        }

        if (agreed is null == refusalSum is null)
        {
            // Either the client agreed to a sum, or refused (and paid the refusal sum): one of the two.
            throw new DomainException("Agreement.AgreedOrRefused");
        }

        return new StageSubmission
        {
            Kind = StageKind.Agreement,
            Options = [.. options],
            AgreedSum = agreed,
            RefusalSum = refusalSum,
            RefusalReason = refusalSum is null ? null : Text.Required(refusalReason, MaxReasonLength, "Agreement.Reason"),
        };
    }

    internal static StageSubmission ForPrepayment(Money amount) => new() { Kind = StageKind.Prepayment, Prepayment = amount };

    /// <summary>The in-shop stage's rules but its photo: a web form checks them before it stores the photo.</summary>
    public static void CheckInShop(DateOnly dueDate, string? problem, DateOnly today)
    {
        if (dueDate < today)
        {
            throw new DomainException("InShop.DueDatePast");
        }

        Text.Required(problem, MaxProblemLength, "InShop.Problem");
    }

    internal static StageSubmission InShop(string? photo, DateOnly dueDate, string? problem, DateOnly today)
    {
        CheckInShop(dueDate, problem, today);
        return new StageSubmission
        {
            Kind = StageKind.InShop,
            Photo = Text.Required(photo, 200, "InShop.Photo"),
            DueDate = dueDate,
            Problem = Text.Required(problem, MaxProblemLength, "InShop.Problem"),
        };
    }

    internal static StageSubmission ForExpenses(IReadOnlyList<ExpenseLine> lines) =>
        lines.Count == 0 ? throw new DomainException("Expenses.NoLines") : new StageSubmission { Kind = StageKind.Expenses, Expenses = [.. lines] };

    /// <summary>
    /// The final report's money rules: the net sum is no more than the total and is exactly what the total comes to
    /// without parts and the shop's work (<paramref name="expected"/>). A web form checks them before it stores the photo.
    /// </summary>
    public static void CheckFinalReport(Money total, Money net, Money expected)
    {
        if (net > total)
        {
            throw new DomainException("FinalReport.NetAboveTotal");
        }

        if (net != expected)
        {
            // Net is the total without parts and in-shop work: the form says what that comes to.
            throw new DomainException("FinalReport.NetMismatch", expected.Amount);
        }
    }

    internal static StageSubmission FinalReport(Money total, Money net, string? contractPhoto, Money expected)
    {
        CheckFinalReport(total, net, expected);
        return new StageSubmission
        {
            Kind = StageKind.FinalReport,
            TotalReceived = total,
            NetSum = net,
            ContractPhoto = Text.Required(contractPhoto, 200, "FinalReport.Contract"),
        };
    }

    internal StageSubmission By(string mechanicId, DateTimeOffset now)
    {
        (SubmittedById, SubmittedAt, State) = (mechanicId, now, SubmissionState.Submitted);
        return this;
    }

    internal void Approve(string supervisorId, DateTimeOffset now) =>
        (State, DecidedById, DecidedAt) = (SubmissionState.Approved, supervisorId, now);

    internal void Return(string supervisorId, string? comment, DateTimeOffset now) =>
        (State, DecidedById, DecidedAt, Comment) = (SubmissionState.Returned, supervisorId, now, Text.Required(comment, MaxCommentLength, "Stage.Comment"));
}
