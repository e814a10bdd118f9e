using System.Net;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Accounts;
using ServiceBooking.Web.Modules.Campaigns.Components;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Email;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Web.Modules.Campaigns;

/// <summary>
/// Queues a campaign's emails, one per recipient, in one transaction that holds the campaign row
/// (<c>FOR UPDATE SKIP LOCKED</c>): another instance skips it, and a crash in the middle leaves nothing half done.
/// The template is rendered once per language; each email gets the recipient's name, an unsubscribe link with a
/// signed token, and the <c>List-Unsubscribe</c> headers for one-click unsubscribing in mail clients.
/// </summary>
public sealed class CampaignJob(
    ApplicationDbContext db, EmailRenderer renderer, OutboxWriter outbox, UnsubscribeTokens tokens, SiteLinks links, TimeProvider clock)
    : ScheduledJob(Name)
{
    public const string Name = "campaigns";

    private const string NameSlot = "SB-RECIPIENT-NAME-SLOT";
    private const string LinkSlot = "https://sb-unsubscribe-link-slot.invalid/";

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && await EnqueueNextAsync(cancellationToken) is not null)
        {
        }
    }

    /// <summary>Queues the next waiting campaign; returns its id, or null when none is waiting.</summary>
    public async Task<int?> EnqueueNextAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await db.Database.SqlQueryRaw<int>(
                "SELECT id AS \"Value\" FROM campaigns WHERE status = 'Queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return null;
        }

        var campaign = await db.Campaigns.SingleAsync(c => c.Id == ids[0], cancellationToken);
        var recipients = await CampaignAudience.Query(db, campaign.Audience, campaign.ModelIds, campaign.ClientIds)
            .Select(u => new { u.Id, u.Email, u.FirstName, u.LastName, u.Patronymic, u.PreferredCulture })
            .ToListAsync(cancellationToken);

        var templates = new Dictionary<string, EmailMessage>();
        var entries = new List<OutboxEntry>(recipients.Count);
        foreach (var person in recipients)
        {
            var culture = Cultures.Get(person.PreferredCulture);
            if (!templates.TryGetValue(culture.Name, out var template))
            {
                template = await renderer.RenderWithSubjectAsync<CampaignEmail>(
                    new EmailRecipient("template@invalid", null, culture), campaign.Subject, new Dictionary<string, object?>
                    {
                        [nameof(CampaignEmail.Subject)] = campaign.Subject,
                        [nameof(CampaignEmail.Name)] = NameSlot,
                        [nameof(CampaignEmail.BodyHtml)] = PromoMarkup.ToHtml(campaign.Body),
                        [nameof(CampaignEmail.UnsubscribeLink)] = LinkSlot,
                    });
                templates[culture.Name] = template;
            }

            var name = PersonName.Create(person.LastName, person.FirstName, person.Patronymic);
            var link = links.To("/Unsubscribe", new Dictionary<string, string?> { ["token"] = tokens.For(person.Id) });
            var message = new EmailMessage(
                person.Email!, name.FullName, campaign.Subject,
                template.HtmlBody.Replace(NameSlot, WebUtility.HtmlEncode(name.Salutation), StringComparison.Ordinal)
                    .Replace(LinkSlot, WebUtility.HtmlEncode(link), StringComparison.Ordinal),
                template.TextBody.Replace(NameSlot, name.Salutation, StringComparison.Ordinal).Replace(LinkSlot, link, StringComparison.Ordinal))
            {
                Headers = new Dictionary<string, string>
                {
                    ["List-Unsubscribe"] = $"<{link}>",
                    ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
                },
            };
            entries.Add(new OutboxEntry(message, NoticeKind.Campaign, $"{NoticeKind.Campaign}:{campaign.Id}:{person.Id}", person.Id, CampaignId: campaign.Id));
        }

        await outbox.EnqueueManyAsync(entries, cancellationToken);
        campaign.MarkEnqueued(entries.Count, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return campaign.Id;
    }
}
