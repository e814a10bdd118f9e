using System.Linq.Expressions;

namespace ServiceBooking.Domain.Campaigns;

/// <summary>What the promo rule needs to know of a person.</summary>
public interface IPromoRecipient
{
    string? Email { get; }

    bool EmailConfirmed { get; }

    bool PromoOptOut { get; }
}

/// <summary>
/// Who may receive promo mail (PRODUCT.md section F): someone with a confirmed email who has not opted out. Service mail
/// (reminders, cancellations) ignores the choice. The rule is an expression, so a database query filters by it and
/// code checks one person by the very same rule.
/// </summary>
public static class PromoConsent
{
    public static Expression<Func<T, bool>> Rule<T>()
        where T : IPromoRecipient =>
        person => person.Email != null && person.EmailConfirmed && !person.PromoOptOut;

    public static bool MayReceive<T>(T person)
        where T : IPromoRecipient => Cache<T>.Compiled(person);

    private static class Cache<T>
        where T : IPromoRecipient
    {
        public static readonly Func<T, bool> Compiled = Rule<T>().Compile();
    }
}
