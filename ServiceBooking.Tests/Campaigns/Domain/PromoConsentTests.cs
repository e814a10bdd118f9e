using ServiceBooking.Domain.Campaigns;

namespace ServiceBooking.Tests.Campaigns.Domain;

public sealed class PromoConsentTests
{
    private sealed record Person(string? Email, bool EmailConfirmed, bool PromoOptOut) : IPromoRecipient;

    [Theory]
    [InlineData("anna@example.ru", true, false, true)]
    [InlineData("anna@example.ru", true, true, false)]
    [InlineData("anna@example.ru", false, false, false)]
    [InlineData(null, true, false, false)]
    public void Promo_goes_only_to_a_confirmed_address_that_has_not_opted_out(string? email, bool confirmed, bool optedOut, bool receives)
    {
        Assert.Equal(receives, PromoConsent.MayReceive(new Person(email, confirmed, optedOut)));
    }

    [Fact]
    public void The_same_rule_filters_a_list_as_a_query_would()
    {
        var people = new[]
        {
            new Person("a@example.ru", true, false), new Person("b@example.ru", true, true), new Person("c@example.ru", false, false),
        }.AsQueryable();

        Assert.Equal(["a@example.ru"], people.Where(PromoConsent.Rule<Person>()).Select(p => p.Email));
    }
}
