using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;

namespace ServiceBooking.Tests.Garage.Domain;

public class RegistrationCertificateNumberTests
{
    [Fact]
    public void A_certificate_number_is_stored_compact_and_displayed_as_printed()
    {
        var certificate = RegistrationCertificateNumber.Parse("77 УА 123456");

        Assert.Equal("77УА123456", certificate.Value);
        Assert.Equal("77УА123456", certificate.ToString());
        Assert.Equal("77 УА 123456", certificate.Display);
    }

    [Theory]
    [InlineData("77УА123456", "77УА123456")]
    [InlineData("77 уа 123456", "77УА123456")]
    [InlineData("  77  УА  123 456 ", "77УА123456")]
    [InlineData("77-УА-123456", "77УА123456")]
    [InlineData("50 ЯЖ 000001", "50ЯЖ000001")]
    [InlineData("16 ЁЁ 654321", "16ЁЁ654321")]
    public void Spaces_hyphens_and_case_do_not_matter(string input, string expected)
    {
        Assert.Equal(expected, RegistrationCertificateNumber.Parse(input).Value);
    }

    [Theory]
    [InlineData("77 YA 123456", "77УА123456")]
    [InlineData("77 ya 123456", "77УА123456")]
    [InlineData("77 XK 123456", "77ХК123456")]
    [InlineData("77 Уa 123456", "77УА123456")]
    public void Latin_lookalike_letters_in_the_series_are_stored_in_cyrillic(string input, string expected)
    {
        Assert.Equal(expected, RegistrationCertificateNumber.Parse(input).Value);
    }

    [Theory]
    [InlineData("99 01 123456", "99 01 123456")]
    [InlineData("9901123456", "99 01 123456")]
    public void A_series_of_digits_is_accepted(string input, string display)
    {
        Assert.Equal(display, RegistrationCertificateNumber.Parse(input).Display);
    }

    [Theory]
    [InlineData("77 УА 12345")] // five digits
    [InlineData("77 УА 1234567")] // seven digits
    [InlineData("7 УА 123456")] // one-digit region
    [InlineData("777 УА 123456")] // three-digit region
    [InlineData("УА 77 123456")] // series first
    [InlineData("77 У 123456")] // series of one
    [InlineData("77 УАБ 123456")] // series of three
    [InlineData("77 UA 123456")] // U has no Cyrillic look-alike
    [InlineData("77 DZ 123456")]
    [InlineData("77 УА 12345Б")] // letter among the six digits
    [InlineData("7А УА 123456")] // letter in the region
    [InlineData("77 У. 123456")]
    public void A_number_of_any_other_shape_is_refused(string input)
    {
        var error = Assert.Throws<DomainException>(() => RegistrationCertificateNumber.Parse(input));

        Assert.Equal("Certificate.InvalidFormat", error.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_certificate_number_is_refused(string? input)
    {
        var error = Assert.Throws<DomainException>(() => RegistrationCertificateNumber.Parse(input));

        Assert.Equal("Certificate.Required", error.Code);
    }

    [Fact]
    public void Numbers_typed_differently_are_equal()
    {
        var first = RegistrationCertificateNumber.Parse("77 УА 123456");
        var second = RegistrationCertificateNumber.Parse("77ya123456");

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, RegistrationCertificateNumber.Parse("77 УА 123457"));
    }
}
