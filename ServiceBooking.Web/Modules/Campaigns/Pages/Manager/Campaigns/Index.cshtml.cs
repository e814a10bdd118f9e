using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Campaigns;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Campaigns.Pages.Manager.Campaigns;

/// <summary>The history of promo campaigns with their delivered and failed counts.</summary>
public sealed class Index(ApplicationDbContext db) : PageModel
{
    public IReadOnlyList<Row> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.Id).Take(200).ToListAsync(cancellationToken);
        var progress = await CampaignProgress.ForAsync(db, campaigns, cancellationToken);
        var authors = campaigns.Select(c => c.CreatedById).Distinct().ToList();
        var names = await db.Users.Where(u => authors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.LastName + " " + u.FirstName, cancellationToken);
        var modelIds = campaigns.SelectMany(c => c.ModelIds).Distinct().ToList();
        var models = await db.CarModels.Where(m => modelIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        Campaigns = [.. campaigns.Select(c => new Row(c, progress[c.Id], names.GetValueOrDefault(c.CreatedById, string.Empty),
            [.. c.ModelIds.Select(id => models.GetValueOrDefault(id, "?")).Order()]))];
    }

    public sealed record Row(Campaign Campaign, CampaignProgress Progress, string Author, IReadOnlyList<string> Models);
}
