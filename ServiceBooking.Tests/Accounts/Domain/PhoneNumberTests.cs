using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Tests.Accounts.Domain;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("8 (900) 123-45-67")]
    [InlineData("+7 900 123 45 67")]
    [InlineData("9001234567")]
    [InlineData("+79001234567")]
    [InlineData("89001234567")]
    [InlineData("79001234567")]
    [InlineData("7 (900) 123-45-67")]
    [InlineData("+7 (900) 123-45-67")]
    [InlineData("8-900-123-45-67")]
    [InlineData("8.900.123.45.67")]
    [InlineData("900 123 45 67")]
    [InlineData("(900) 123-45-67")]
    [InlineData("  8 900 123 45 67  ")]
    public void Parse_UnderstandsRussianHabits(string input)
    {
        var phone = PhoneNumber.Parse(input);

        Assert.Equal("+79001234567", phone.Value);
        Assert.Equal("+79001234567", phone.ToString());
    }

    [Theory]
    [InlineData("+79001234567", "+7 900 123-45-67")]
    [InlineData("8 (495) 987-65-43", "+7 495 987-65-43")]
    [InlineData("+7 812 000 11 22", "+7 812 000-11-22")]
    public void Display_FormatsRussianNumbers(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Parse(input).Display);
    }

    [Theory]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("+1 (212) 555-0123", "+12125550123")]
    [InlineData("+375 29 123-45-67", "+375291234567")]
    [InlineData("+49.30.1234567", "+49301234567")]
    public void Parse_KeepsForeignNumbersInInternationalForm(string input, string expected)
    {
        var phone = PhoneNumber.Parse(input);

        Assert.Equal(expected, phone.Value);
        Assert.Equal(expected, phone.Display);
    }

    [Fact]
    public void Parse_AcceptsForeignNumberOfExactlyEightDigits()
    {
        Assert.Equal("+12345678", PhoneNumber.Parse("+1234 5678").Value);
    }

    [Fact]
    public void Parse_AcceptsForeignNumberOfExactlyFifteenDigits()
    {
        Assert.Equal("+123456789012345", PhoneNumber.Parse("+123 456 789 012 345").Value);
    }

    [Theory]
    [InlineData("+1234567")]
    [InlineData("+1")]
    [InlineData("+")]
    public void Parse_RefusesForeignNumberShorterThanEightDigits(string input)
    {
        var error = Assert.Throws<DomainException>(() => PhoneNumber.Parse(input));

        Assert.Equal("Phone.Invalid", error.Code);
    }

    [Theory]
    [InlineData("+1234567890123456")]
    [InlineData("+44 20 7946 0958 0958")]
    public void Parse_RefusesForeignNumberLongerThanFifteenDigits(string input)
    {
        var error = Assert.Throws<DomainException>(() => PhoneNumber.Parse(input));

        Assert.Equal("Phone.Invalid", error.Code);
    }

    [Theory]
    [InlineData("+7 900 123 45 6")]
    [InlineData("+7 900 123 45 678")]
    [InlineData("+7 900 12")]
    public void Parse_RefusesRussianNumberWithWrongDigitCount(string input)
    {
        var error = Assert.Throws<DomainException>(() => PhoneNumber.Parse(input));

        Assert.Equal("Phone.Invalid", error.Code);
    }

    [Theory]
    [InlineData("900123456")]
    [InlineData("8 900 123 45 6")]
    [InlineData("123")]
    [InlineData("8 900 123 45 678")]
    [InlineData("890012345678")]
    public void Parse_RefusesLocalNumberTooShortOrTooLong(string input)
    {
        var error = Assert.Throws<DomainException>(() => PhoneNumber.Parse(input));

        Assert.Equal("Phone.Invalid", error.Code);
    }

    [Theory]
    [InlineData("4951234567")]
    [InlineData("19001234567")]
    [InlineData("99001234567")]
    public void Parse_RefusesLocalNumberWithoutRecognisedPrefix(string input)
    {
        var error = Assert.Throws<DomainException>(() => PhoneNumber.Parse(input));

        Assert.Equal("Phone.Invalid", error.Code);
    }

    [Theory]
    [InlineData("8 900 ABC 45 67")]
    [InlineData("8 900 123 45 67 доб")]
    [InlineData("tel:+79001234567")]
    [InlineData("8/900/1234567")]
    [InlineData("8 900 123 45 67#")]
    [InlineData("8 900 123_45_67")]
    public void Parse_RefusesLettersAndOtherSymbols(string input)
    {
        var error = Assert.Throws<DomainException>(() => PhoneNumber.Parse(input));

        Assert.Equal("Phone.Invalid", error.Code);
    }

    [Fact]
    public void Parse_RefusesNonAsciiDigits()
    {
        // Arabic-Indic digits ٩٠٠١٢٣٤٥٦٧ are digits to char.IsDigit, but not to us.
        var error = Assert.Throws<DomainException>(() => PhoneNumber.Parse("\u0669\u0660\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667"));

        Assert.Equal("Phone.Invalid", error.Code);
    }

    [Theory]
    [InlineData("8 900 +123 45 67")]
    [InlineData("79001234567+")]
    [InlineData("++79001234567")]
    [InlineData("+7 900 123+45+67")]
    public void Parse_RefusesPlusAnywhereButAtTheStart(string input)
    {
        var error = Assert.Throws<DomainException>(() => PhoneNumber.Parse(input));

        Assert.Equal("Phone.Invalid", error.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_RefusesMissingNumber(string? input)
    {
        var error = Assert.Throws<DomainException>(() => PhoneNumber.Parse(input));

        Assert.Equal("Phone.Required", error.Code);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("()")]
    [InlineData("+ ( ) -")]
    public void Parse_RefusesPunctuationWithoutDigits(string input)
    {
        var error = Assert.Throws<DomainException>(() => PhoneNumber.Parse(input));

        Assert.Equal("Phone.Invalid", error.Code);
    }

    [Fact]
    public void Numbers_WrittenDifferently_AreEqual()
    {
        var first = PhoneNumber.Parse("8 (900) 123-45-67");
        var second = PhoneNumber.Parse("+7 900 123 45 67");
        var third = PhoneNumber.Parse("9001234567");

        Assert.Equal(first, second);
        Assert.Equal(second, third);
        Assert.True(first == third);
        Assert.Equal(first.GetHashCode(), third.GetHashCode());
    }

    [Fact]
    public void Numbers_WithDifferentDigits_AreNotEqual()
    {
        Assert.NotEqual(PhoneNumber.Parse("+79001234567"), PhoneNumber.Parse("+79001234568"));
        Assert.True(PhoneNumber.Parse("+442079460958") != PhoneNumber.Parse("+79001234567"));
    }
}
