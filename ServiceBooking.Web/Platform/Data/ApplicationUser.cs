using Microsoft.AspNetCore.Identity;
using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Campaigns;

namespace ServiceBooking.Web.Platform.Data;

/// <summary>A person who signs in: a client, a manager or an admin. The nickname is <see cref="IdentityUser{TKey}.UserName"/>.</summary>
public class ApplicationUser : IdentityUser, IHasTimestamps, IPromoRecipient
{
    public string FirstName { get; set; } = string.Empty;

    public string LastName { get; set; } = string.Empty;

    public string? Patronymic { get; set; }

    /// <summary>The culture the person reads the site and their email in ("ru-RU" or "en-GB").</summary>
    public string PreferredCulture { get; set; } = Localization.Cultures.Default;

    /// <summary>The person asked for no promo mail (by the link in one, or in the profile). Service mail still comes.</summary>
    public bool PromoOptOut { get; set; }

    public DateTimeOffset? PromoOptOutAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public PersonName Name => PersonName.Create(LastName, FirstName, Patronymic);
}
