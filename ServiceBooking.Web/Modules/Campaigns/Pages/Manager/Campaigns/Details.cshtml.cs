using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceBooking.Domain.Campaigns;

namespace ServiceBooking.Web.Modules.Campaigns.Pages.Manager.Campaigns;

/// <summary>One campaign: what was sent to whom, and its progress, refreshing itself until every email has gone.</summary>
public sealed class Details(CampaignService campaigns) : PageModel
{
    public Campaign Campaign { get; private set; } = default!;

    public CampaignProgress Progress { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>htmx: the progress block, every two seconds while the campaign is going out.</summary>
    public async Task<IActionResult> OnGetProgressAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Response.Headers.Vary = "HX-Request";
        return Partial("_Progress", this);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(id, cancellationToken) is not { } found)
        {
            return false;
        }

        (Campaign, Progress) = found;
        return true;
    }
}
