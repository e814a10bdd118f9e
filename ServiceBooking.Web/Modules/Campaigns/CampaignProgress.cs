using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Campaigns;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Web.Modules.Campaigns;

/// <summary>How far a campaign has gone: its emails in the outbox, by status.</summary>
public sealed record CampaignProgress(int Recipients, int Sent, int Failed, int Dropped, int Waiting, CampaignStatus Status)
{
    public bool Finished => Status == CampaignStatus.Enqueued && Waiting == 0;

    public int Percent => Recipients == 0 ? (Status == CampaignStatus.Enqueued ? 100 : 0) : (Sent + Failed + Dropped) * 100 / Recipients;

    public static async Task<Dictionary<int, CampaignProgress>> ForAsync(ApplicationDbContext db, IReadOnlyCollection<Campaign> campaigns, CancellationToken cancellationToken)
    {
        var ids = campaigns.Select(c => (int?)c.Id).ToList();
        var counts = await db.Outbox.Where(m => ids.Contains(m.CampaignId))
            .GroupBy(m => new { m.CampaignId, m.Status })
            .Select(g => new { g.Key.CampaignId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return campaigns.ToDictionary(c => c.Id, c =>
        {
            int Count(params OutboxStatus[] statuses) => counts.Where(x => x.CampaignId == c.Id && statuses.Contains(x.Status)).Sum(x => x.Count);
            return new CampaignProgress(c.Recipients, Count(OutboxStatus.Sent), Count(OutboxStatus.Failed), Count(OutboxStatus.Dropped),
                Count(OutboxStatus.Pending, OutboxStatus.Sending), c.Status);
        });
    }
}
