using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.WorkOrders.Pages.Orders;

/// <summary>
/// One order at <c>/Orders/{id}</c>: its details, its stages, its history from the audit trail, and the forms of whoever
/// may act on it now — the supervisor's assignment (posted to <see cref="Assign"/>), decision and shop priority, the
/// mechanic's form of the stage that is open. An unknown id, another mechanic's order, or an action that is not the
/// reader's to take is a 404. A refused form comes back with the message next to its field and everything typed.
/// </summary>
[UploadLimit<OrderPhotos>]
public sealed class Details(WorkOrderService orders, OrderStages stages, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Blank rows the agreement's options and the expenses' lines start with.</summary>
    public const int StartingRows = 2;

    [FromRoute]
    public int Id { get; set; }

    public OrderDetails Order { get; private set; } = default!;

    [TempData]
    public string? StatusMessage { get; set; }

    public const string AssignErrorKey = "AssignError";

    /// <summary>The assignment's refusal (from <see cref="Assign"/>), shown beside its form.</summary>
    [TempData(Key = AssignErrorKey)]
    public string? AssignError { get; set; }

    [BindProperty]
    public AgreementForm Agreement { get; set; } = new();

    [BindProperty]
    public PrepaymentForm Prepayment { get; set; } = new();

    [BindProperty]
    public InShopForm InShop { get; set; } = new();

    [BindProperty]
    public ExpensesForm Expenses { get; set; } = new();

    [BindProperty]
    public FinalReportForm Report { get; set; } = new();

    /// <summary>The supervisor's comment when returning a stage.</summary>
    [BindProperty]
    [Display(Name = "WorkOrders.Field.ReturnComment")]
    public string? Comment { get; set; }

    [BindProperty]
    [Display(Name = "WorkOrders.Field.Priority")]
    public int? Priority { get; set; }

    /// <summary>The stage form that was posted and refused: it is shown open.</summary>
    public StageKind? OpenForm { get; private set; }

    /// <summary>The refusal that belongs to no one field of the form.</summary>
    public string? FormError { get; private set; }

    /// <summary>Whether the forms the page was shown with (<see cref="FormsKey"/>) are no longer the reader's forms.</summary>
    public bool FormsChanged { get; private set; }

    /// <summary>Whether the supervisor sets the order's priority in the shop's queue here.</summary>
    public bool ShowsPriority
    {
        get
        {
            var order = Order.Order;
            return Order.Reader.Supervises && !order.IsClosed && (order.IsInShop || order.Pending?.Kind == StageKind.InShop);
        }
    }

    /// <summary>Which forms the reader has now: when it changes under an open page, the page offers to reload.</summary>
    public string FormsKey => string.Join(' ', new[]
    {
        Order.MayAssign ? "assign" : null,
        Order.ReaderDecides ? $"decide:{Order.Order.Pending!.Kind}" : null,
        ShowsPriority ? "priority" : null,
        Order.ReaderIsMechanic ? $"stages:{string.Join('+', Order.Order.Submittable())}" : null,
    }.OfType<string>());

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => PageAsync(cancellationToken);

    /// <summary>The page's read-only parts, as out-of-band swaps for the live page; <paramref name="forms"/> is its <see cref="FormsKey"/>.</summary>
    public async Task<IActionResult> OnGetLiveAsync(string? forms, CancellationToken cancellationToken)
    {
        // The reader's own action publishes a change too, and this refresh may come before the page its redirect loads:
        // the status message waiting in TempData is that page's, not this fragment's.
        TempData.Keep();
        if (await orders.DetailsAsync(Id, Actor, cancellationToken) is not { } order)
        {
            return NotFound();
        }

        Order = order;
        FormsChanged = !string.Equals(forms ?? string.Empty, FormsKey, StringComparison.Ordinal);
        Response.Headers.CacheControl = "no-store";
        return Partial("_Live", this);
    }

    public Task<IActionResult> OnPostAgreementAsync(CancellationToken cancellationToken) =>
        AfterAsync(StageKind.Agreement, nameof(Agreement), stages.SubmitAgreementAsync(Id, Agreement, Actor, cancellationToken), "WorkOrders.Submitted", cancellationToken);

    public Task<IActionResult> OnPostPrepaymentAsync(CancellationToken cancellationToken) =>
        AfterAsync(StageKind.Prepayment, nameof(Prepayment), stages.SubmitPrepaymentAsync(Id, Prepayment, Actor, cancellationToken), "WorkOrders.Submitted", cancellationToken);

    public Task<IActionResult> OnPostInShopAsync(CancellationToken cancellationToken) =>
        AfterAsync(StageKind.InShop, nameof(InShop), stages.SubmitInShopAsync(Id, InShop, Actor, cancellationToken), "WorkOrders.Submitted", cancellationToken);

    public Task<IActionResult> OnPostExpensesAsync(CancellationToken cancellationToken) =>
        AfterAsync(StageKind.Expenses, nameof(Expenses), stages.SubmitExpensesAsync(Id, Expenses, Actor, cancellationToken), "WorkOrders.Submitted", cancellationToken);

    public Task<IActionResult> OnPostFinalReportAsync(CancellationToken cancellationToken) =>
        AfterAsync(StageKind.FinalReport, nameof(Report), stages.SubmitFinalReportAsync(Id, Report, Actor, cancellationToken), "WorkOrders.Submitted", cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        AfterAsync(null, string.Empty, stages.ApproveAsync(Id, Actor, cancellationToken), "WorkOrders.Approved", cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken cancellationToken) =>
        AfterAsync(null, string.Empty, stages.ReturnAsync(Id, Comment, Actor, cancellationToken), "WorkOrders.Returned", cancellationToken);

    public Task<IActionResult> OnPostPriorityAsync(CancellationToken cancellationToken) =>
        AfterAsync(null, string.Empty, stages.SetPriorityAsync(Id, Priority, Actor, cancellationToken), "WorkOrders.PrioritySet", cancellationToken);

    /// <summary>One more option row on the agreement form, keeping what was typed (works without script).</summary>
    public Task<IActionResult> OnPostMoreOptionsAsync(CancellationToken cancellationToken)
    {
        Agreement.Options.Add(new OptionForm());
        return ShowAsync(StageKind.Agreement, cancellationToken);
    }

    /// <summary>One more expense line, keeping what was typed (the photos are chosen again).</summary>
    public Task<IActionResult> OnPostMoreLinesAsync(CancellationToken cancellationToken)
    {
        if (Expenses.Lines.Count < OrderPhotos.MaxPerForm)
        {
            Expenses.Lines.Add(new ExpenseForm());
        }

        return ShowAsync(StageKind.Expenses, cancellationToken);
    }

    private WorkshopActor Actor => WorkshopActor.Of(User);

    private async Task<IActionResult> AfterAsync(StageKind? form, string prefix, Task<StageOutcome> action, string doneKey, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        switch (await action)
        {
            case StageOutcome.Done:
                StatusMessage = text[doneKey].Value;
                return RedirectToPage(new { Id });
            case StageOutcome.Refused refused when refused.Field.Length > 0:
                ModelState.AddModelError(prefix.Length == 0 ? refused.Field : $"{prefix}.{refused.Field}", text.Message(refused.Error));
                break;
            case StageOutcome.Refused refused:
                FormError = text.Message(refused.Error);
                break;
            default:
                return NotFound();
        }

        return await ShowAsync(form, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(StageKind? form, CancellationToken cancellationToken)
    {
        OpenForm = form;
        return await PageAsync(cancellationToken);
    }

    private async Task<IActionResult> PageAsync(CancellationToken cancellationToken)
    {
        if (await orders.DetailsAsync(Id, Actor, cancellationToken) is not { } order)
        {
            return NotFound();
        }

        Order = order;
        Fill(Agreement.Options, StartingRows);
        Fill(Expenses.Lines, StartingRows);
        Priority ??= order.Order.ShopPriority;
        return Page();
    }

    private static void Fill<T>(List<T> rows, int count)
        where T : new()
    {
        while (rows.Count < count)
        {
            rows.Add(new T());
        }
    }
}
