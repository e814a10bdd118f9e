using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Tests.Accounts.Domain;

public class EmailAddressTests
{
    [Theory]
    [InlineData("name@example.ru")]
    [InlineData("ivan.petrov@mail.example.com")]
    [InlineData("ivan+cars@example.ru")]
    [InlineData("i_v-a.n@sub-domain.example.org")]
    [InlineData("a@b.co")]
    [InlineData("Ivan@Example.RU")]
    [InlineData("1@2.ru")]
    [InlineData("иван@пример.рф")]
    public void Parse_AcceptsDeliverableAddress(string input)
    {
        var email = EmailAddress.Parse(input);

        Assert.Equal(input, email.Value);
        Assert.Equal(input, email.ToString());
    }

    [Theory]
    [InlineData("  name@example.ru  ", "name@example.ru")]
    [InlineData("\tname@example.ru\r\n", "name@example.ru")]
    public void Parse_TrimsSurroundingWhitespace(string input, string expected)
    {
        Assert.Equal(expected, EmailAddress.Parse(input).Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_RefusesMissingAddress(string? input)
    {
        var error = Assert.Throws<DomainException>(() => EmailAddress.Parse(input));

        Assert.Equal("Email.Required", error.Code);
    }

    [Theory]
    [InlineData("a@b")]
    [InlineData("name@example")]
    [InlineData("name@localhost")]
    [InlineData("name")]
    [InlineData("name.example.ru")]
    [InlineData("@example.ru")]
    [InlineData("name@")]
    [InlineData("name@@example.ru")]
    [InlineData("na@me@example.ru")]
    [InlineData("na me@example.ru")]
    [InlineData("name@exa mple.ru")]
    [InlineData("name@exam\u0001ple.ru")]
    public void Parse_RefusesMalformedAddress(string input)
    {
        var error = Assert.Throws<DomainException>(() => EmailAddress.Parse(input));

        Assert.Equal("Email.Invalid", error.Code);
    }

    [Theory]
    [InlineData("ivan..petrov@example.ru")]
    [InlineData(".ivan@example.ru")]
    [InlineData("ivan.@example.ru")]
    [InlineData("name@example..ru")]
    [InlineData("name@.example.ru")]
    [InlineData("name@example.ru.")]
    public void Parse_RefusesMisplacedOrDoubleDots(string input)
    {
        var error = Assert.Throws<DomainException>(() => EmailAddress.Parse(input));

        Assert.Equal("Email.Invalid", error.Code);
    }

    [Theory]
    [InlineData("name@example.r")]
    [InlineData("name@example.r1")]
    [InlineData("name@example.123")]
    [InlineData("name@192.168.0.1")]
    [InlineData("name@example.r-u")]
    public void Parse_RefusesTopLevelPartThatIsNotTwoOrMoreLetters(string input)
    {
        var error = Assert.Throws<DomainException>(() => EmailAddress.Parse(input));

        Assert.Equal("Email.Invalid", error.Code);
    }

    [Theory]
    [InlineData("name@-example.ru")]
    [InlineData("name@example-.ru")]
    [InlineData("name@exa_mple.ru")]
    [InlineData("name@exa!mple.ru")]
    public void Parse_RefusesMalformedDomainLabel(string input)
    {
        var error = Assert.Throws<DomainException>(() => EmailAddress.Parse(input));

        Assert.Equal("Email.Invalid", error.Code);
    }

    [Fact]
    public void Parse_AcceptsHyphenInsideDomainLabel()
    {
        Assert.Equal("name@my-garage.ru", EmailAddress.Parse("name@my-garage.ru").Value);
    }

    [Fact]
    public void Parse_AcceptsLocalPartOf64AndRefuses65()
    {
        var ok = new string('a', 64) + "@example.ru";
        var tooLong = new string('a', 65) + "@example.ru";

        Assert.Equal(ok, EmailAddress.Parse(ok).Value);
        Assert.Equal("Email.Invalid", Assert.Throws<DomainException>(() => EmailAddress.Parse(tooLong)).Code);
    }

    [Fact]
    public void Parse_AcceptsDomainLabelOf63AndRefuses64()
    {
        var ok = "name@" + new string('d', 63) + ".ru";
        var tooLong = "name@" + new string('d', 64) + ".ru";

        Assert.Equal(ok, EmailAddress.Parse(ok).Value);
        Assert.Equal("Email.Invalid", Assert.Throws<DomainException>(() => EmailAddress.Parse(tooLong)).Code);
    }

    [Fact]
    public void Parse_AcceptsAddressOfExactlyMaximumLength()
    {
        var input = Address(254);

        Assert.Equal(254, input.Length);
        Assert.Equal(input, EmailAddress.Parse(input).Value);
    }

    [Fact]
    public void Parse_RefusesAddressLongerThanMaximum()
    {
        var input = Address(255);

        Assert.Equal(255, input.Length);
        var error = Assert.Throws<DomainException>(() => EmailAddress.Parse(input));
        Assert.Equal("Email.TooLong", error.Code);
        Assert.Equal([254], error.Arguments);
    }

    [Fact]
    public void Parse_LengthIsCheckedAfterTrimming()
    {
        var input = Address(254);

        Assert.Equal(input, EmailAddress.Parse("   " + input + "   ").Value);
    }

    [Fact]
    public void Addresses_WithSameValue_AreEqual()
    {
        var first = EmailAddress.Parse("name@example.ru");
        var second = EmailAddress.Parse(" name@example.ru ");

        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Addresses_WithDifferentValue_AreNotEqual()
    {
        Assert.NotEqual(EmailAddress.Parse("name@example.ru"), EmailAddress.Parse("name@example.com"));
    }

    [Fact]
    public void MaxLength_Is254()
    {
        Assert.Equal(254, EmailAddress.MaxLength);
    }

    // A valid address of the given total length: a 64-character local part and a domain of labels of at most 63.
    private static string Address(int length)
    {
        var domainLength = length - 65;
        var labels = new List<string>();
        var remaining = domainLength - 3; // room for ".ru"
        while (remaining > 0)
        {
            var label = Math.Min(63, remaining);
            if (remaining - label == 1)
            {
                label--; // never leave a single character for just a dot
            }

            labels.Add(new string('d', label));
            remaining -= label + 1;
        }

        return new string('l', 64) + "@" + string.Join('.', labels) + ".ru";
    }

    [Theory]
    [InlineData("ivan@example.ru", "i***n@example.ru")]
    [InlineData("ab@example.ru", "a***@example.ru")]
    [InlineData("a@b.co", "a***@b.co")]
    [InlineData("иван.петров@пример.рф", "и***в@пример.рф")]
    [InlineData("not-an-address", "***")]
    public void Mask_keeps_the_domain_and_hides_most_of_the_local_part(string address, string masked)
    {
        Assert.Equal(masked, EmailAddress.Mask(address));
    }
}
