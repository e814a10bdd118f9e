using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.WorkOrders.Pages.Workshop;

/// <summary>
/// The in-shop queue at <c>/Workshop</c>, by priority then due date: a shop mechanic claims an order and, when the work
/// is done, files its sum, which hands the order back to its mechanic. Supervisors see the queue too.
/// </summary>
public sealed class Index(ShopQueue queue, OrderStages stages, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<ShopQueueRow> Rows { get; private set; } = [];

    public WorkshopActor Reader { get; private set; } = default!;

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The order whose form was refused, with its message.</summary>
    public (int OrderId, string Message)? Refusal { get; private set; }

    [BindProperty]
    [Display(Name = "WorkOrders.Field.ShopSum")]
    public decimal? Sum { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => PageAsync(cancellationToken);

    public async Task<IActionResult> OnPostClaimAsync(int orderId, CancellationToken cancellationToken) =>
        await AfterAsync(orderId, await stages.ClaimAsync(orderId, WorkshopActor.Of(User), cancellationToken), "WorkOrders.Claimed", cancellationToken);

    public async Task<IActionResult> OnPostFileAsync(int orderId, CancellationToken cancellationToken) =>
        await AfterAsync(orderId, await stages.FileShopWorkAsync(orderId, Sum, WorkshopActor.Of(User), cancellationToken), "WorkOrders.ShopWorkDone", cancellationToken);

    private async Task<IActionResult> AfterAsync(int orderId, StageOutcome outcome, string doneKey, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case StageOutcome.Done done:
                StatusMessage = text[doneKey, done.Order.Number.ToString()].Value;
                return RedirectToPage();
            case StageOutcome.Refused refused:
                Refusal = (orderId, text.Message(refused.Error));
                return await PageAsync(cancellationToken);
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> PageAsync(CancellationToken cancellationToken)
    {
        Reader = WorkshopActor.Of(User);
        Rows = await queue.ListAsync(cancellationToken);
        return Page();
    }
}
