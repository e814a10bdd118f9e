using System.ComponentModel.DataAnnotations;
using ServiceBooking.Domain.WorkOrders;

namespace ServiceBooking.Web.Modules.WorkOrders;

/// <summary>One way of doing the work as typed on the agreement form.</summary>
public sealed class OptionForm
{
    [Display(Name = "WorkOrders.Field.OptionDescription")]
    public string? Description { get; set; }

    [Display(Name = "WorkOrders.Field.OptionPrice")]
    public decimal? Price { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && Price is null;
}

/// <summary>The agreement stage as typed: the options offered and either the agreed sum or the refusal.</summary>
public sealed class AgreementForm
{
    public List<OptionForm> Options { get; set; } = [];

    /// <summary>The client refused the work (and paid the refusal sum).</summary>
    [Display(Name = "WorkOrders.Field.Refused")]
    public bool Refused { get; set; }

    [Display(Name = "WorkOrders.Field.AgreedSum")]
    public decimal? AgreedSum { get; set; }

    [Display(Name = "WorkOrders.Field.RefusalSum")]
    public decimal? RefusalSum { get; set; }

    [Display(Name = "WorkOrders.Field.RefusalReason")]
    public string? RefusalReason { get; set; }
}

public sealed class PrepaymentForm
{
    [Display(Name = "WorkOrders.Field.Prepayment")]
    public decimal? Amount { get; set; }
}

/// <summary>The car goes to the shop: its photo, when it must be done, what is wrong.</summary>
public sealed class InShopForm
{
    [Display(Name = "WorkOrders.Field.InShopPhoto")]
    public IFormFile? Photo { get; set; }

    [Display(Name = "WorkOrders.Field.DueDate")]
    public DateOnly? DueDate { get; set; }

    [Display(Name = "WorkOrders.Field.Problem")]
    public string? Problem { get; set; }
}

/// <summary>One line of expenses as typed, with its receipt's photo.</summary>
public sealed class ExpenseForm
{
    [Display(Name = "WorkOrders.Field.ExpenseKind")]
    public ExpenseKind? Kind { get; set; }

    [Display(Name = "WorkOrders.Field.ExpenseDescription")]
    public string? Description { get; set; }

    [Display(Name = "WorkOrders.Field.ExpenseSum")]
    public decimal? Sum { get; set; }

    [Display(Name = "WorkOrders.Field.Receipt")]
    public IFormFile? Receipt { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && Sum is null && Receipt is null;
}

public sealed class ExpensesForm
{
    public List<ExpenseForm> Lines { get; set; } = [];
}

/// <summary>The final report as typed: what the client paid, the net sum, the signed contract's photo.</summary>
public sealed class FinalReportForm
{
    [Display(Name = "WorkOrders.Field.Total")]
    public decimal? Total { get; set; }

    [Display(Name = "WorkOrders.Field.Net")]
    public decimal? Net { get; set; }

    [Display(Name = "WorkOrders.Field.Contract")]
    public IFormFile? Contract { get; set; }
}

/// <summary>What a stage action came to. <see cref="Refused"/> names the field the refusal is about ("" for the form).</summary>
public abstract record StageOutcome
{
    private StageOutcome()
    {
    }

    public sealed record Done(WorkOrder Order) : StageOutcome;

    /// <summary>No such order for this reader: a 404.</summary>
    public sealed record NotFound : StageOutcome;

    public sealed record Refused(string Field, Domain.Common.DomainException Error) : StageOutcome;
}
