using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Tests.Bookings.Domain;

public class SchedulingTests
{
    [Fact]
    public void A_new_advisor_keeps_the_name_and_is_active()
    {
        var advisor = new ServiceAdvisor(PersonName.Create("Иванов", "Иван", "Иванович"));

        Assert.Equal("Иванов", advisor.LastName);
        Assert.Equal("Иван", advisor.FirstName);
        Assert.Equal("Иванович", advisor.Patronymic);
        Assert.Equal(PersonName.Create("Иванов", "Иван", "Иванович"), advisor.Name);
        Assert.Equal("Иванов Иван Иванович", advisor.Name.FullName);
        Assert.True(advisor.IsActive);
    }

    [Fact]
    public void An_advisor_without_a_patronymic_has_none()
    {
        var advisor = new ServiceAdvisor(PersonName.Create("Smith", "John", null));

        Assert.Null(advisor.Patronymic);
        Assert.Equal("Smith John", advisor.Name.FullName);
    }

    [Fact]
    public void Rename_replaces_every_part_of_the_name()
    {
        var advisor = new ServiceAdvisor(PersonName.Create("Иванов", "Иван", "Иванович"));

        advisor.Rename(PersonName.Create("Петрова", "Анна", null));

        Assert.Equal("Петрова", advisor.LastName);
        Assert.Equal("Анна", advisor.FirstName);
        Assert.Null(advisor.Patronymic);
        Assert.Equal("Петрова Анна", advisor.Name.FullName);
    }

    [Fact]
    public void An_advisor_can_be_deactivated_and_activated_again()
    {
        var advisor = new ServiceAdvisor(PersonName.Create("Иванов", "Иван", null));

        advisor.Deactivate();
        Assert.False(advisor.IsActive);

        advisor.Activate();
        Assert.True(advisor.IsActive);
    }

    [Fact]
    public void A_day_off_keeps_its_date_and_reason()
    {
        var day = new DayOff(new DateOnly(2026, 1, 1), "  Новый   год ");

        Assert.Equal(new DateOnly(2026, 1, 1), day.Date);
        Assert.Equal("Новый год", day.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_day_off_needs_no_reason(string? reason)
    {
        Assert.Null(new DayOff(new DateOnly(2026, 3, 9), reason).Reason);
    }

    [Fact]
    public void A_reason_of_200_characters_is_accepted_and_201_refused()
    {
        Assert.Equal(200, new DayOff(new DateOnly(2026, 3, 9), new string('р', 200)).Reason!.Length);

        var error = Assert.Throws<DomainException>(() => new DayOff(new DateOnly(2026, 3, 9), new string('р', 201)));

        Assert.Equal("DayOff.ReasonTooLong", error.Code);
        Assert.Equal([200], error.Arguments);
    }
}
