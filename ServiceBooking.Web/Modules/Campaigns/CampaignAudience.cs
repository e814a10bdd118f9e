using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Campaigns;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Campaigns;

/// <summary>
/// Who receives a campaign: clients who may receive promo mail (the Domain's <see cref="PromoConsent"/>), narrowed to the
/// owners of the chosen models (a car in the garage) or to the chosen clients. The count on the page and the
/// emails queued by the job come from this one query.
/// </summary>
public static class CampaignAudience
{
    public static IQueryable<ApplicationUser> Query(ApplicationDbContext db, AudienceKind kind, IReadOnlyCollection<int> modelIds, IReadOnlyCollection<string> clientIds)
    {
        var clientRole = db.Roles.Where(r => r.Name == Roles.Client).Select(r => r.Id);
        var people = db.Users.Where(PromoConsent.Rule<ApplicationUser>())
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && clientRole.Contains(ur.RoleId)));
        return kind switch
        {
            AudienceKind.ModelOwners => people.Where(u => db.Cars.Any(c => c.OwnerId == u.Id && c.IsActive && modelIds.Contains(c.ModelId))),
            AudienceKind.ChosenClients => people.Where(u => clientIds.Contains(u.Id)),
            _ => people,
        };
    }
}
