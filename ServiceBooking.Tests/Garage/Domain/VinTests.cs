using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;

namespace ServiceBooking.Tests.Garage.Domain;

public class VinTests
{
    [Theory]
    [InlineData("XTA21099043576182")]
    [InlineData("Z94CB41AAGR323020")]
    [InlineData("KNADN512BF6123456")]
    public void A_real_vin_is_accepted_as_it_is(string input)
    {
        var vin = Vin.Parse(input);

        Assert.Equal(input, vin.Value);
        Assert.Equal(input, vin.ToString());
    }

    [Theory]
    [InlineData("xta21099043576182", "XTA21099043576182")]
    [InlineData("Knadn512bf6123456", "KNADN512BF6123456")]
    [InlineData("XTA 21099 0435 76182", "XTA21099043576182")]
    [InlineData("  Z94CB41AAGR323020\t", "Z94CB41AAGR323020")]
    [InlineData("XTA-210990-43576182", "XTA21099043576182")]
    public void Lower_case_and_spaces_are_normalised(string input, string expected)
    {
        Assert.Equal(expected, Vin.Parse(input).Value);
    }

    [Theory]
    [InlineData("ХТА21099043576182", "XTA21099043576182")] // Х, Т, А are Cyrillic
    [InlineData("хта21099043576182", "XTA21099043576182")] // Cyrillic, lower case
    [InlineData("ХTА21099043576182", "XTA21099043576182")] // Cyrillic and Latin mixed
    [InlineData("Z94СВ41ААGR323020", "Z94CB41AAGR323020")] // С, В, А, А are Cyrillic
    [InlineData("КNАDN512ВF6123456", "KNADN512BF6123456")]
    public void Cyrillic_lookalike_letters_become_latin(string input, string expected)
    {
        Assert.Equal(expected, Vin.Parse(input).Value);
    }

    [Theory]
    [InlineData("XTA2109904357618I", "I")]
    [InlineData("XTA2109904357618O", "O")]
    [InlineData("QTA21099043576182", "Q")]
    [InlineData("xta2109904357618i", "I")]
    [InlineData("xta2109904357618o", "O")]
    [InlineData("xta2109904357618q", "Q")]
    [InlineData("XTA210990435761О2", "O")] // Cyrillic О becomes Latin O, still forbidden
    public void The_letters_I_O_and_Q_are_refused_and_named(string input, string letter)
    {
        var error = Assert.Throws<DomainException>(() => Vin.Parse(input));

        Assert.Equal("Vin.ForbiddenLetter", error.Code);
        Assert.Equal([letter], error.Arguments);
    }

    [Fact]
    public void A_forbidden_letter_is_reported_even_when_the_length_is_also_wrong()
    {
        var error = Assert.Throws<DomainException>(() => Vin.Parse("XTAO"));

        Assert.Equal("Vin.ForbiddenLetter", error.Code);
    }

    [Theory]
    [InlineData("XTA2109904357618", 16)]
    [InlineData("XTA210990435761823", 18)]
    [InlineData("X", 1)]
    [InlineData("XTA 2109", 7)]
    public void A_vin_of_other_than_17_characters_is_refused_with_expected_and_actual_length(string input, int actual)
    {
        var error = Assert.Throws<DomainException>(() => Vin.Parse(input));

        Assert.Equal("Vin.WrongLength", error.Code);
        Assert.Equal([17, actual], error.Arguments);
    }

    [Theory]
    [InlineData("XTA2109904357618*", "*")]
    [InlineData("XTA21099.43576182", ".")]
    [InlineData("XTA2109904357618Ж", "Ж")]
    [InlineData("XTA2109904357618Б", "Б")]
    [InlineData("XTA2109904357618_", "_")]
    [InlineData("XTA210990435761８2", "８")] // full-width digit
    public void Any_other_character_is_refused_and_named(string input, string character)
    {
        var error = Assert.Throws<DomainException>(() => Vin.Parse(input));

        Assert.Equal("Vin.InvalidCharacter", error.Code);
        Assert.Equal([character], error.Arguments);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" - ")]
    public void A_missing_vin_is_refused(string? input)
    {
        var error = Assert.Throws<DomainException>(() => Vin.Parse(input));

        Assert.Equal("Vin.Required", error.Code);
    }

    [Fact]
    public void Vins_typed_differently_are_equal()
    {
        var first = Vin.Parse("XTA21099043576182");
        var second = Vin.Parse("хта 21099 043576182");

        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, Vin.Parse("XTA21099043576183"));
    }

    [Fact]
    public void Length_is_17()
    {
        Assert.Equal(17, Vin.Length);
    }
}
