using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;

namespace ServiceBooking.Tests.Garage.Domain;

public class PlateNumberTests
{
    [Theory]
    [InlineData("А123ВС77")]
    [InlineData("А123ВС777")]
    [InlineData("Х999ХХ199")]
    [InlineData("М001ОР50")]
    [InlineData("Е777КХ01")]
    public void A_plate_of_letter_three_digits_two_letters_and_region_is_accepted(string input)
    {
        var plate = PlateNumber.Parse(input);

        Assert.Equal(input, plate.Value);
        Assert.Equal(input, plate.ToString());
    }

    [Theory]
    [InlineData("а123вс777", "А123ВС777")]
    [InlineData("а123вс77", "А123ВС77")]
    [InlineData("А 123 ВС 77", "А123ВС77")]
    [InlineData("  А123 ВС 777  ", "А123ВС777")]
    [InlineData("А123ВС-77", "А123ВС77")]
    public void Lower_case_spaces_and_hyphens_are_normalised(string input, string expected)
    {
        Assert.Equal(expected, PlateNumber.Parse(input).Value);
    }

    [Theory]
    [InlineData("A123BC77", "А123ВС77")] // all Latin
    [InlineData("a123bc777", "А123ВС777")] // Latin, lower case
    [InlineData("A123ВC77", "А123ВС77")] // mixed
    [InlineData("X999XX199", "Х999ХХ199")]
    [InlineData("E001KM50", "Е001КМ50")]
    [InlineData("H002OP77", "Н002ОР77")]
    [InlineData("T003YX77", "Т003УХ77")]
    public void Latin_lookalike_letters_are_stored_in_cyrillic(string input, string expected)
    {
        var plate = PlateNumber.Parse(input);

        Assert.Equal(expected, plate.Value);
        Assert.All(plate.Value, c => Assert.False(char.IsAsciiLetter(c)));
    }

    [Theory]
    [InlineData("Б123ВС77")]
    [InlineData("А123ВД77")]
    [InlineData("А123ЯС77")]
    [InlineData("Ё123ВС77")]
    [InlineData("D123BC77")] // Latin D has no Cyrillic look-alike on plates
    [InlineData("A123BZ77")]
    [InlineData("б123вс77")]
    public void A_letter_outside_the_twelve_is_refused_as_InvalidLetter(string input)
    {
        var error = Assert.Throws<DomainException>(() => PlateNumber.Parse(input));

        Assert.Equal("Plate.InvalidLetter", error.Code);
    }

    [Theory]
    [InlineData("А000ВС77")]
    [InlineData("А000ВС777")]
    public void Number_000_does_not_exist(string input)
    {
        var error = Assert.Throws<DomainException>(() => PlateNumber.Parse(input));

        Assert.Equal("Plate.InvalidFormat", error.Code);
    }

    [Theory]
    [InlineData("А123ВС00")]
    [InlineData("А123ВС000")]
    public void Region_00_does_not_exist(string input)
    {
        var error = Assert.Throws<DomainException>(() => PlateNumber.Parse(input));

        Assert.Equal("Plate.InvalidFormat", error.Code);
    }

    [Theory]
    [InlineData("А123ВС7")] // region of one digit
    [InlineData("А123ВС7777")] // region of four digits
    [InlineData("А12ВС77")] // two digits
    [InlineData("А1234ВС77")] // four digits
    [InlineData("АВ123С77")] // two letters first
    [InlineData("123АВС77")] // digits first
    [InlineData("А123ВСК77")] // three letters after the number
    [InlineData("А123В777")] // one letter after the number
    [InlineData("А123ВС7К")] // letter in the region
    [InlineData("А123ВС77!")]
    [InlineData("А1.3ВС77")]
    [InlineData("А123ВС")]
    [InlineData("А")]
    public void A_plate_of_any_other_shape_is_refused_as_InvalidFormat(string input)
    {
        var error = Assert.Throws<DomainException>(() => PlateNumber.Parse(input));

        Assert.Equal("Plate.InvalidFormat", error.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_plate_is_refused(string? input)
    {
        var error = Assert.Throws<DomainException>(() => PlateNumber.Parse(input));

        Assert.Equal("Plate.Required", error.Code);
    }

    [Theory]
    [InlineData("А123ВС77", "А 123 ВС 77")]
    [InlineData("a123bc777", "А 123 ВС 777")]
    public void Display_is_as_written_on_the_plate(string input, string expected)
    {
        Assert.Equal(expected, PlateNumber.Parse(input).Display);
    }

    [Fact]
    public void Plates_typed_in_either_alphabet_are_equal()
    {
        var cyrillic = PlateNumber.Parse("А123ВС77");
        var latin = PlateNumber.Parse("a 123 bc 77");

        Assert.Equal(cyrillic, latin);
        Assert.Equal(cyrillic.GetHashCode(), latin.GetHashCode());
        Assert.NotEqual(cyrillic, PlateNumber.Parse("А123ВС777"));
    }
}
