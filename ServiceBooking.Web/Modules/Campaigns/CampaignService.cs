using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Campaigns;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Modules.Accounts;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Campaigns;

/// <summary>A client chosen for a campaign (or found to be chosen), with whether they opted out of promo mail.</summary>
public sealed record ChosenClient(string Id, string Name, string? Email, bool OptedOut);

/// <summary>A campaign in the history, with its author, its models and how far it has gone.</summary>
public sealed record CampaignSummary(Campaign Campaign, CampaignProgress Progress, string Author, IReadOnlyList<string> Models);

/// <summary>The audience as the form stands: the kind, and the models or clients chosen.</summary>
public sealed record AudienceDraft(AudienceKind Kind, IReadOnlyCollection<int> ModelIds, IReadOnlyCollection<string> ClientIds);

/// <summary>
/// Promo campaigns (PRODUCT.md section F) as the desk writes and follows them. The count on the page and the emails the
/// job queues come from one query (<see cref="CampaignAudience"/>).
/// </summary>
public sealed class CampaignService(ApplicationDbContext db, TimeProvider clock)
{
    /// <summary>The newest 200 campaigns with their progress.</summary>
    public async Task<IReadOnlyList<CampaignSummary>> HistoryAsync(CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.Id).Take(200).ToListAsync(cancellationToken);
        var progress = await CampaignProgress.ForAsync(db, campaigns, cancellationToken);
        var authors = campaigns.Select(c => c.CreatedById).Distinct().ToList();
        var names = await db.Users.Where(u => authors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.LastName + " " + u.FirstName, cancellationToken);
        var modelIds = campaigns.SelectMany(c => c.ModelIds).Distinct().ToList();
        var models = await db.CarModels.Where(m => modelIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        return [.. campaigns.Select(c => new CampaignSummary(c, progress[c.Id], names.GetValueOrDefault(c.CreatedById, string.Empty),
            [.. c.ModelIds.Select(id => models.GetValueOrDefault(id, "?")).Order()]))];
    }

    /// <summary>One campaign and its progress, or null.</summary>
    public async Task<(Campaign Campaign, CampaignProgress Progress)?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return campaign is null ? null : (campaign, (await CampaignProgress.ForAsync(db, [campaign], cancellationToken))[campaign.Id]);
    }

    /// <summary>The models a campaign can be aimed at: the active ones, by name.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> ModelsAsync(CancellationToken cancellationToken) =>
        (await db.CarModels.AsNoTracking().Where(m => m.IsActive).OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken))
            .Select(m => (m.Id, m.Name)).ToList();

    /// <summary>How many people the audience as it stands would reach.</summary>
    public Task<int> CountAsync(AudienceDraft audience, CancellationToken cancellationToken) =>
        CampaignAudience.Query(db, audience.Kind, audience.ModelIds, audience.ClientIds).CountAsync(cancellationToken);

    /// <summary>Up to ten clients matching a search of two letters or more, leaving out those already chosen.</summary>
    public async Task<IReadOnlyList<ChosenClient>> FindClientsAsync(string? query, IReadOnlyCollection<string> chosen, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(query) || query.Trim().Length < 2
            ? []
            : await UserSearch.Filter(db.Users.AsNoTracking(), db.Cars, query)
                .Where(u => !chosen.Contains(u.Id))
                .OrderBy(u => u.LastName).ThenBy(u => u.FirstName).Take(10)
                .Select(u => new ChosenClient(u.Id, u.LastName + " " + u.FirstName, u.Email, u.PromoOptOut))
                .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ChosenClient>> ChosenAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
            .Select(u => new ChosenClient(u.Id, u.LastName + " " + u.FirstName, u.Email, u.PromoOptOut))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Writes a campaign for the job to send. Unknown clients and inactive models are left out before the Domain checks
    /// the rest (a subject and text within limits, at least one model or client for those audiences); it throws
    /// <see cref="DomainException"/> when something is missing.
    /// </summary>
    public async Task<Campaign> CreateAsync(string subject, string body, AudienceDraft audience, string authorId, CancellationToken cancellationToken)
    {
        var known = await db.Users.Where(u => audience.ClientIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        var activeModels = await db.CarModels.Where(m => audience.ModelIds.Contains(m.Id) && m.IsActive).Select(m => m.Id).ToListAsync(cancellationToken);
        var campaign = Campaign.Create(subject, body, audience.Kind, activeModels, known, authorId, clock.GetUtcNow());
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return campaign;
    }
}
