using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Common;
using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Bookings.Domain;

public class BookingTests
{
    private const string Client = "client-ivan";
    private const string Manager = "manager-anna";

    // Booked on 1 December 2026 for Thursday 3 December at 10:00 (service centre time).
    private static readonly DateTimeOffset BookedAt = new(2026, 12, 1, 6, 10, 0, TimeSpan.Zero);
    private static readonly DateTime StartsAt = new(2026, 12, 3, 10, 0, 0);
    private static readonly DateTimeOffset CancelledAt = new(2026, 12, 2, 15, 45, 0, TimeSpan.Zero);

    private static Booking NewBooking()
    {
        var rio = NewModel().WithId(4);
        var request = new BookingRequest(
            TimeSlot.Create(DateOnly.FromDateTime(StartsAt), TimeOnly.FromDateTime(StartsAt)),
            NewAdvisor().WithId(1),
            NewCar(ownerId: Client, model: rio).WithId(7),
            NewRepairType(model: rio).WithId(3),
            Client,
            Client);
        return BookingRules.Book(request, new BookingCircumstances(new DateTime(2026, 12, 1, 9, 10, 0), BookedAt, new DateOnly(2026, 12, 31), false, false, false));
    }

    [Fact]
    public void A_client_cancels_their_booking_before_it_starts()
    {
        var booking = NewBooking();

        booking.CancelByClient(Client, StartsAt.AddMinutes(-1), CancelledAt);

        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.False(booking.IsActive);
        Assert.Equal(Client, booking.CancelledById);
        Assert.Equal(CancelledAt, booking.CancelledAt);
        Assert.False(booking.CancelledByStaff);
        Assert.Null(booking.CancellationReason);
        Assert.Equal(BookedAt, booking.BookedAt);
    }

    [Fact]
    public void A_client_can_cancel_until_the_last_tick_before_the_start()
    {
        var booking = NewBooking();

        booking.CancelByClient(Client, StartsAt.AddTicks(-1), CancelledAt);

        Assert.Equal(BookingStatus.Cancelled, booking.Status);
    }

    [Fact]
    public void Someone_elses_booking_cannot_be_cancelled_by_a_client_and_stays_active()
    {
        var booking = NewBooking();

        var error = Assert.Throws<DomainException>(() => booking.CancelByClient("client-olga", StartsAt.AddHours(-1), CancelledAt));

        Assert.Equal("Booking.NotYours", error.Code);
        Assert.Equal(BookingStatus.Active, booking.Status);
        Assert.Null(booking.CancelledById);
        Assert.Null(booking.CancelledAt);
    }

    [Theory]
    [InlineData(0)] // the moment the visit starts
    [InlineData(15)]
    [InlineData(24 * 60)]
    public void A_client_cannot_cancel_once_the_visit_has_started(int minutesAfterStart)
    {
        var booking = NewBooking();

        var error = Assert.Throws<DomainException>(() => booking.CancelByClient(Client, StartsAt.AddMinutes(minutesAfterStart), CancelledAt));

        Assert.Equal("Booking.AlreadyStarted", error.Code);
        Assert.Equal(BookingStatus.Active, booking.Status);
    }

    [Fact]
    public void A_booking_cannot_be_cancelled_twice_and_the_first_cancellation_stays()
    {
        var booking = NewBooking();
        booking.CancelByClient(Client, StartsAt.AddDays(-1), CancelledAt);

        var error = Assert.Throws<DomainException>(() => booking.CancelByClient(Client, StartsAt.AddHours(-1), CancelledAt.AddHours(12)));

        Assert.Equal("Booking.AlreadyCancelled", error.Code);
        Assert.Equal(CancelledAt, booking.CancelledAt);
        Assert.Equal(Client, booking.CancelledById);
    }

    [Fact]
    public void A_client_cannot_cancel_a_booking_staff_already_cancelled()
    {
        var booking = NewBooking();
        booking.CancelByStaff(Manager, "Приёмщик заболел", CancelledAt);

        var error = Assert.Throws<DomainException>(() => booking.CancelByClient(Client, StartsAt.AddHours(-1), CancelledAt.AddHours(1)));

        Assert.Equal("Booking.AlreadyCancelled", error.Code);
        Assert.Equal(Manager, booking.CancelledById);
        Assert.True(booking.CancelledByStaff);
    }

    [Fact]
    public void Staff_cancel_any_booking_with_a_trimmed_reason_and_are_recorded_as_staff()
    {
        var booking = NewBooking();

        booking.CancelByStaff(Manager, "  Приёмщик   заболел  ", CancelledAt);

        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.Equal(Manager, booking.CancelledById);
        Assert.Equal(CancelledAt, booking.CancelledAt);
        Assert.True(booking.CancelledByStaff);
        Assert.Equal("Приёмщик заболел", booking.CancellationReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Staff_need_no_reason_to_cancel(string? reason)
    {
        var booking = NewBooking();

        booking.CancelByStaff(Manager, reason, CancelledAt);

        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.Null(booking.CancellationReason);
        Assert.True(booking.CancelledByStaff);
    }

    [Fact]
    public void A_reason_of_500_characters_is_kept()
    {
        var booking = NewBooking();

        booking.CancelByStaff(Manager, new string('п', 500), CancelledAt);

        Assert.Equal(new string('п', 500), booking.CancellationReason);
    }

    [Fact]
    public void A_reason_of_501_characters_is_refused_and_the_booking_stays_active()
    {
        var booking = NewBooking();

        var error = Assert.Throws<DomainException>(() => booking.CancelByStaff(Manager, new string('п', 501), CancelledAt));

        Assert.Equal("Booking.ReasonTooLong", error.Code);
        Assert.Equal<object>([500], error.Arguments);
        Assert.Equal(BookingStatus.Active, booking.Status);
        Assert.Null(booking.CancelledById);
    }

    [Fact]
    public void Staff_can_cancel_a_visit_that_has_already_started()
    {
        var booking = NewBooking();
        var duringTheVisit = new DateTimeOffset(2026, 12, 3, 7, 15, 0, TimeSpan.Zero); // 10:15 in Moscow

        booking.CancelByStaff(Manager, "Клиент не приехал", duringTheVisit);

        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.Equal(duringTheVisit, booking.CancelledAt);
        Assert.Equal("Клиент не приехал", booking.CancellationReason);
    }

    [Fact]
    public void Staff_cannot_cancel_a_booking_twice()
    {
        var booking = NewBooking();
        booking.CancelByClient(Client, StartsAt.AddDays(-1), CancelledAt);

        var error = Assert.Throws<DomainException>(() => booking.CancelByStaff(Manager, "Дубль", CancelledAt.AddHours(1)));

        Assert.Equal("Booking.AlreadyCancelled", error.Code);
        Assert.Equal(Client, booking.CancelledById);
        Assert.False(booking.CancelledByStaff);
        Assert.Null(booking.CancellationReason);
    }
}
