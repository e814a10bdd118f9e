using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Tests.Accounts.Domain;

public class NicknameTests
{
    [Theory]
    [InlineData("ivan")]
    [InlineData("Ivan_Petrov")]
    [InlineData("ivan.petrov")]
    [InlineData("ivan-petrov")]
    [InlineData("driver007")]
    [InlineData("007driver")]
    [InlineData("иван")]
    [InlineData("Водитель_Ёж")]
    [InlineData("abc")]
    [InlineData("a._-")]
    public void Parse_AcceptsValidNickname(string input)
    {
        var nickname = Nickname.Parse(input);

        Assert.Equal(input, nickname.Value);
        Assert.Equal(input, nickname.ToString());
    }

    [Theory]
    [InlineData("  ivan  ", "ivan")]
    [InlineData("\tиван\n", "иван")]
    public void Parse_TrimsSurroundingWhitespace(string input, string expected)
    {
        Assert.Equal(expected, Nickname.Parse(input).Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Parse_RefusesMissingNickname(string? input)
    {
        var error = Assert.Throws<DomainException>(() => Nickname.Parse(input));

        Assert.Equal("Nickname.Required", error.Code);
        Assert.Empty(error.Arguments);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("ab")]
    [InlineData("ж")]
    [InlineData("  ab  ")]
    public void Parse_RefusesNicknameShorterThanMinimum(string input)
    {
        var error = Assert.Throws<DomainException>(() => Nickname.Parse(input));

        Assert.Equal("Nickname.TooShort", error.Code);
        Assert.Equal([3], error.Arguments);
    }

    [Fact]
    public void Parse_AcceptsNicknameOfExactlyMinimumLength()
    {
        Assert.Equal("жук", Nickname.Parse("жук").Value);
    }

    [Fact]
    public void Parse_AcceptsNicknameOfExactlyMaximumLength()
    {
        var input = new string('a', 32);

        Assert.Equal(input, Nickname.Parse(input).Value);
    }

    [Fact]
    public void Parse_AcceptsCyrillicNicknameOfExactlyMaximumLength()
    {
        var input = new string('я', 32);

        Assert.Equal(input, Nickname.Parse(input).Value);
    }

    [Theory]
    [InlineData(33)]
    [InlineData(100)]
    public void Parse_RefusesNicknameLongerThanMaximum(int length)
    {
        var error = Assert.Throws<DomainException>(() => Nickname.Parse(new string('a', length)));

        Assert.Equal("Nickname.TooLong", error.Code);
        Assert.Equal([32], error.Arguments);
    }

    [Fact]
    public void Parse_LengthIsCheckedAfterTrimming()
    {
        var input = "  " + new string('b', 32) + "  ";

        Assert.Equal(new string('b', 32), Nickname.Parse(input).Value);
    }

    [Theory]
    [InlineData(".ivan")]
    [InlineData("_ivan")]
    [InlineData("-ivan")]
    [InlineData("@ivan")]
    [InlineData("!ivan")]
    public void Parse_RefusesNicknameNotStartingWithLetterOrDigit(string input)
    {
        var error = Assert.Throws<DomainException>(() => Nickname.Parse(input));

        Assert.Equal("Nickname.MustStartWithLetterOrDigit", error.Code);
    }

    [Theory]
    [InlineData("ivan@mail.ru", "@")]
    [InlineData("a@b", "@")]
    [InlineData("ivan petrov", " ")]
    [InlineData("ivan\tpetrov", "\t")]
    [InlineData("ivan!", "!")]
    [InlineData("ivan+1", "+")]
    [InlineData("ivan/petrov", "/")]
    [InlineData("ivan'", "'")]
    public void Parse_RefusesInvalidCharacterAndNamesIt(string input, string character)
    {
        var error = Assert.Throws<DomainException>(() => Nickname.Parse(input));

        Assert.Equal("Nickname.InvalidCharacter", error.Code);
        Assert.Equal([character], error.Arguments);
    }

    [Fact]
    public void Parse_RefusesEmoji()
    {
        var error = Assert.Throws<DomainException>(() => Nickname.Parse("ivan\U0001F600"));

        Assert.Equal("Nickname.InvalidCharacter", error.Code);
    }

    [Fact]
    public void Parse_RefusesEveryNicknameContainingAt()
    {
        // The sign-in form relies on this: anything with '@' is an email, never a nickname.
        foreach (var input in new[] { "abc@", "a@bc", "ab@c", "ivan@example.ru" })
        {
            var error = Assert.Throws<DomainException>(() => Nickname.Parse(input));
            Assert.Equal("Nickname.InvalidCharacter", error.Code);
        }
    }

    [Fact]
    public void Nicknames_WithSameValue_AreEqual()
    {
        var first = Nickname.Parse("ivan");
        var second = Nickname.Parse(" ivan ");

        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Nicknames_WithDifferentValue_AreNotEqual()
    {
        Assert.NotEqual(Nickname.Parse("ivan"), Nickname.Parse("petr"));
        Assert.True(Nickname.Parse("ivan") != Nickname.Parse("ivan2"));
    }

    [Fact]
    public void Constants_MatchDocumentedLimits()
    {
        Assert.Equal(3, Nickname.MinLength);
        Assert.Equal(32, Nickname.MaxLength);
    }

    [Fact]
    public void A_nickname_typed_with_combining_marks_is_accepted_in_composed_form()
    {
        var nickname = Nickname.Parse("Йож".Normalize(System.Text.NormalizationForm.FormD));

        Assert.Equal("Йож", nickname.Value);
    }
}
