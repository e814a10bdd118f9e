using ServiceBooking.Domain.Common;
using ServiceBooking.Tests.Catalog.Domain;

namespace ServiceBooking.Tests.Common;

public class TextTests
{
    [Theory]
    [InlineData("Lukoil", "Lukoil")]
    [InlineData("  Lukoil  ", "Lukoil")]
    [InlineData("Shell   Helix\tUltra", "Shell Helix Ultra")]
    [InlineData("\t Mobil \n 1 \r\n", "Mobil 1")]
    public void Required_trims_and_collapses_inner_whitespace(string input, string expected)
    {
        Assert.Equal(expected, Text.Required(input, 64, "Oil.Brand"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Required_refuses_missing_text_with_the_Required_code(string? input)
    {
        var error = Assert.Throws<DomainException>(() => Text.Required(input, 64, "Oil.Brand"));

        Assert.Equal("Oil.BrandRequired", error.Code);
        Assert.Empty(error.Arguments);
    }

    [Fact]
    public void Required_accepts_exactly_the_maximum_length()
    {
        var input = new string('ж', 10);

        Assert.Equal(input, Text.Required(input, 10, "Oil.Brand"));
    }

    [Fact]
    public void Required_refuses_text_longer_than_the_maximum_and_names_the_maximum()
    {
        var error = Assert.Throws<DomainException>(() => Text.Required(new string('ж', 11), 10, "Oil.Brand"));

        Assert.Equal("Oil.BrandTooLong", error.Code);
        Assert.Equal([10], error.Arguments);
    }

    [Fact]
    public void Required_counts_the_length_after_collapsing_spaces()
    {
        Assert.Equal("abcde fghij", Text.Required("   abcde      fghij   ", 11, "Part.Name"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Optional_gives_null_for_empty_text(string? input)
    {
        Assert.Null(Text.Optional(input, 64, "Part.Article"));
    }

    [Fact]
    public void Optional_cleans_text_like_Required()
    {
        Assert.Equal("26300 35505", Text.Optional("  26300   35505 ", 64, "Part.Article"));
    }

    [Fact]
    public void Optional_still_refuses_text_that_is_too_long()
    {
        var error = Assert.Throws<DomainException>(() => Text.Optional(new string('1', 65), 64, "Part.Article"));

        Assert.Equal("Part.ArticleTooLong", error.Code);
        Assert.Equal([64], error.Arguments);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("5")]
    [InlineData("1.15")]
    [InlineData("1.1")]
    [InlineData("1.150")]
    public void InRange_returns_a_value_within_bounds_and_precision(string value)
    {
        Assert.Equal(CatalogBuilder.Dec(value), Text.InRange(CatalogBuilder.Dec(value), 0.5m, 5m, 2, "CarModel.Coefficient"));
    }

    [Theory]
    [InlineData("0.49")]
    [InlineData("5.01")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.155")]
    [InlineData("1.001")]
    public void InRange_refuses_values_outside_bounds_or_with_too_many_decimals(string value)
    {
        var error = Assert.Throws<DomainException>(() => Text.InRange(CatalogBuilder.Dec(value), 0.5m, 5m, 2, "CarModel.Coefficient"));

        Assert.Equal("CarModel.CoefficientOutOfRange", error.Code);
        Assert.Equal([0.5m, 5m], error.Arguments);
    }

    [Theory]
    [InlineData('A', 'А')]
    [InlineData('B', 'В')]
    [InlineData('E', 'Е')]
    [InlineData('K', 'К')]
    [InlineData('M', 'М')]
    [InlineData('H', 'Н')]
    [InlineData('O', 'О')]
    [InlineData('P', 'Р')]
    [InlineData('C', 'С')]
    [InlineData('T', 'Т')]
    [InlineData('Y', 'У')]
    [InlineData('X', 'Х')]
    public void The_twelve_lookalike_letters_convert_both_ways(char latin, char cyrillic)
    {
        Assert.NotEqual(latin, cyrillic);
        Assert.Equal(cyrillic, Lookalikes.ToCyrillic(latin));
        Assert.Equal(latin, Lookalikes.ToLatin(cyrillic));
        Assert.True(Lookalikes.IsPlateLetter(cyrillic));
        Assert.False(Lookalikes.IsPlateLetter(latin));
    }

    [Theory]
    [InlineData('D')]
    [InlineData('Z')]
    [InlineData('a')]
    [InlineData('1')]
    [InlineData('Б')]
    [InlineData('Я')]
    [InlineData('а')]
    [InlineData(' ')]
    public void Other_characters_are_left_as_they_are(char c)
    {
        Assert.Equal(c, Lookalikes.ToCyrillic(c));
        Assert.Equal(c, Lookalikes.ToLatin(c));
    }

    [Theory]
    [InlineData('Б')]
    [InlineData('Д')]
    [InlineData('Ё')]
    [InlineData('Я')]
    [InlineData('а')]
    [InlineData('1')]
    public void Only_the_twelve_capital_letters_are_plate_letters(char c)
    {
        Assert.False(Lookalikes.IsPlateLetter(c));
    }

    [Theory]
    [InlineData("a 123-bc 77", "A123BC77")]
    [InlineData("  а123вс\t777 ", "А123ВС777")]
    [InlineData("xta-21099 043576182", "XTA21099043576182")]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData(" - ", "")]
    public void Compact_upper_cases_and_drops_spaces_and_hyphens(string? input, string expected)
    {
        Assert.Equal(expected, Lookalikes.Compact(input));
    }
}
