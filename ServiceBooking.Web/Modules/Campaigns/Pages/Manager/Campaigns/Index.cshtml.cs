using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceBooking.Web.Modules.Campaigns.Pages.Manager.Campaigns;

/// <summary>The history of promo campaigns with their delivered and failed counts.</summary>
public sealed class Index(CampaignService campaigns) : PageModel
{
    public IReadOnlyList<CampaignSummary> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Campaigns = await campaigns.HistoryAsync(cancellationToken);
}
