using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Tests.Accounts.Domain;

public class PersonNameTests
{
    [Fact]
    public void Create_KeepsAllThreeParts()
    {
        var name = PersonName.Create("Иванов", "Иван", "Иванович");

        Assert.Equal("Иванов", name.LastName);
        Assert.Equal("Иван", name.FirstName);
        Assert.Equal("Иванович", name.Patronymic);
    }

    [Fact]
    public void FullName_IsLastFirstPatronymic()
    {
        var name = PersonName.Create("Иванов", "Иван", "Иванович");

        Assert.Equal("Иванов Иван Иванович", name.FullName);
    }

    [Fact]
    public void Salutation_IsFirstNameAndPatronymic()
    {
        var name = PersonName.Create("Иванов", "Иван", "Иванович");

        Assert.Equal("Иван Иванович", name.Salutation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WithoutPatronymic_HasNullPatronymic(string? patronymic)
    {
        var name = PersonName.Create("Smith", "John", patronymic);

        Assert.Null(name.Patronymic);
        Assert.Equal("Smith John", name.FullName);
        Assert.Equal("John", name.Salutation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    public void Create_RefusesMissingLastName(string? lastName)
    {
        var error = Assert.Throws<DomainException>(() => PersonName.Create(lastName, "Иван", "Иванович"));

        Assert.Equal("PersonName.LastNameRequired", error.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    public void Create_RefusesMissingFirstName(string? firstName)
    {
        var error = Assert.Throws<DomainException>(() => PersonName.Create("Иванов", firstName, "Иванович"));

        Assert.Equal("PersonName.FirstNameRequired", error.Code);
    }

    [Theory]
    [InlineData("Салтыков-Щедрин")]
    [InlineData("д'Артаньян")]
    [InlineData("Мамин-Сибиряк")]
    [InlineData("O'Brien")]
    [InlineData("Da Silva")]
    [InlineData("Ёлкин")]
    [InlineData("Я")]
    [InlineData("Jean-Luc Marie")]
    public void NamePart_AcceptsLettersJoinedByHyphenApostropheOrSpace(string input)
    {
        Assert.Equal(input, PersonName.NamePart(input, "LastName"));
    }

    [Theory]
    [InlineData("  Иван  ", "Иван")]
    [InlineData("Da   Silva", "Da Silva")]
    [InlineData("  Анна   Мария  ", "Анна Мария")]
    public void NamePart_TrimsAndCollapsesSpaces(string input, string expected)
    {
        Assert.Equal(expected, PersonName.NamePart(input, "FirstName"));
    }

    [Fact]
    public void Create_TrimsAndCollapsesSpacesInEveryPart()
    {
        var name = PersonName.Create("  Da   Silva ", " Анна  Мария ", "  Ивановна ");

        Assert.Equal("Da Silva", name.LastName);
        Assert.Equal("Анна Мария", name.FirstName);
        Assert.Equal("Ивановна", name.Patronymic);
        Assert.Equal("Da Silva Анна Мария Ивановна", name.FullName);
        Assert.Equal("Анна Мария Ивановна", name.Salutation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NamePart_ReturnsNullForEmptyPart(string? input)
    {
        Assert.Null(PersonName.NamePart(input, "Patronymic"));
    }

    [Theory]
    [InlineData("-Иван")]
    [InlineData("'Иван")]
    [InlineData("Иван-")]
    [InlineData("Иван'")]
    [InlineData("Иван--Петров")]
    [InlineData("Иван-'Петров")]
    [InlineData("Иван''Петров")]
    [InlineData("Иван- Петров")]
    [InlineData("Иван -Петров")]
    [InlineData("-")]
    [InlineData("'")]
    public void NamePart_RefusesLeadingTrailingOrDoublePunctuation(string input)
    {
        var error = Assert.Throws<DomainException>(() => PersonName.NamePart(input, "LastName"));

        Assert.Equal("PersonName.LastNameInvalid", error.Code);
    }

    [Theory]
    [InlineData("Иван1")]
    [InlineData("Иван.")]
    [InlineData("Иван_Петров")]
    [InlineData("Ivan@")]
    [InlineData("Пётр!")]
    [InlineData("123")]
    public void NamePart_RefusesDigitsAndOtherSymbols(string input)
    {
        var error = Assert.Throws<DomainException>(() => PersonName.NamePart(input, "FirstName"));

        Assert.Equal("PersonName.FirstNameInvalid", error.Code);
    }

    [Theory]
    [InlineData("Иванов1", "Иван", null, "PersonName.LastNameInvalid")]
    [InlineData("Иванов", "-Иван", null, "PersonName.FirstNameInvalid")]
    [InlineData("Иванов", "Иван", "Иванович-", "PersonName.PatronymicInvalid")]
    public void Create_NamesTheInvalidPart(string lastName, string firstName, string? patronymic, string code)
    {
        var error = Assert.Throws<DomainException>(() => PersonName.Create(lastName, firstName, patronymic));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void NamePart_AcceptsExactlyMaximumLength()
    {
        var input = new string('ж', 64);

        Assert.Equal(input, PersonName.NamePart(input, "LastName"));
    }

    [Fact]
    public void NamePart_LengthIsCountedAfterCollapsingSpaces()
    {
        var input = "  " + new string('a', 30) + "     " + new string('b', 33) + "  ";

        Assert.Equal(new string('a', 30) + " " + new string('b', 33), PersonName.NamePart(input, "LastName"));
    }

    [Theory]
    [InlineData("LastName")]
    [InlineData("FirstName")]
    [InlineData("Patronymic")]
    public void NamePart_RefusesLongerThanMaximum(string part)
    {
        var error = Assert.Throws<DomainException>(() => PersonName.NamePart(new string('ж', 65), part));

        Assert.Equal($"PersonName.{part}TooLong", error.Code);
        Assert.Equal([64], error.Arguments);
    }

    [Fact]
    public void Create_RefusesTooLongPatronymic()
    {
        var error = Assert.Throws<DomainException>(() => PersonName.Create("Иванов", "Иван", new string('ж', 65)));

        Assert.Equal("PersonName.PatronymicTooLong", error.Code);
        Assert.Equal([64], error.Arguments);
    }

    [Fact]
    public void Names_WithSameParts_AreEqual()
    {
        var first = PersonName.Create("Иванов", "Иван", "Иванович");
        var second = PersonName.Create(" Иванов ", "Иван", "  Иванович");

        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Theory]
    [InlineData("Петров", "Иван", "Иванович")]
    [InlineData("Иванов", "Пётр", "Иванович")]
    [InlineData("Иванов", "Иван", "Петрович")]
    [InlineData("Иванов", "Иван", null)]
    public void Names_DifferingInAnyPart_AreNotEqual(string lastName, string firstName, string? patronymic)
    {
        var reference = PersonName.Create("Иванов", "Иван", "Иванович");

        Assert.NotEqual(reference, PersonName.Create(lastName, firstName, patronymic));
    }

    [Fact]
    public void A_name_typed_with_combining_marks_is_one_composed_name()
    {
        var decomposed = "Ёлкин".Normalize(System.Text.NormalizationForm.FormD);

        var name = PersonName.Create(decomposed, "Йосиф", null);

        Assert.Equal("Ёлкин", name.LastName);
        Assert.Equal(5, name.LastName.Length);
    }
}
