using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;
using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Bookings.Domain;

public class BookingRulesTests
{
    private const string Client = "client-ivan";
    private const string Manager = "manager-anna";

    // Tuesday 1 December 2026, 09:10 in the service centre (06:10 UTC in Moscow); booking is open until 31 December.
    private static readonly DateTime LocalNow = new(2026, 12, 1, 9, 10, 0);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 6, 10, 0, TimeSpan.Zero);
    private static readonly DateOnly LastBookableDay = new(2026, 12, 31);
    private static readonly TimeSlot Slot = TimeSlot.Create(new DateOnly(2026, 12, 3), new TimeOnly(10, 0));

    private readonly CarModel _rio;
    private readonly ServiceAdvisor _advisor = NewAdvisor().WithId(1);
    private readonly Car _car;
    private readonly RepairType _to1;

    public BookingRulesTests()
    {
        _rio = NewModel(name: "Kia Rio (IV)", coefficient: 1.15m, engine: NewEngine(oil: NewOil(pricePerLitre: 890m), oilVolumeLitres: 4.2m)).WithId(4);
        _car = NewCar(ownerId: Client, model: _rio).WithId(7);
        _to1 = NewRepairType(
            name: "ТО-1",
            normHours: 1.5m,
            rate: NewRate(pricePerHour: 2500m),
            model: _rio,
            includesOilChange: true,
            parts: [(NewPart(name: "Масляный фильтр", price: 450.5m, fits: [_rio]), 2)]).WithId(3);
    }

    private BookingRequest Request(
        TimeSlot? slot = null, ServiceAdvisor? advisor = null, Car? car = null, RepairType? type = null, string clientId = Client, string bookedById = Client) =>
        new(slot ?? Slot, advisor ?? _advisor, car ?? _car, type ?? _to1, clientId, bookedById);

    private static BookingCircumstances Circumstances(
        DateTime? localNow = null,
        DateOnly? lastBookableDay = null,
        bool isDayOff = false,
        bool cellTaken = false,
        bool clientHasBookingThatDay = false,
        bool clientBlacklisted = false) =>
        new(localNow ?? LocalNow, Now, lastBookableDay ?? LastBookableDay, isDayOff, cellTaken, clientHasBookingThatDay, clientBlacklisted);

    private static DomainException Refusal(BookingRequest request, BookingCircumstances circumstances) =>
        Assert.Throws<DomainException>(() => BookingRules.Book(request, circumstances));

    [Fact]
    public void A_booking_takes_the_cell_for_the_clients_car_and_work_and_is_active()
    {
        var booking = BookingRules.Book(Request(), Circumstances());

        Assert.Equal(Slot, booking.Slot);
        Assert.Equal(new DateOnly(2026, 12, 3), booking.Date);
        Assert.Equal(new TimeOnly(10, 0), booking.Start);
        Assert.Same(_advisor, booking.Advisor);
        Assert.Equal(1, booking.AdvisorId);
        Assert.Same(_car, booking.Car);
        Assert.Equal(7, booking.CarId);
        Assert.Equal(Client, booking.ClientId);
        Assert.Same(_to1, booking.RepairType);
        Assert.Equal(3, booking.RepairTypeId);
        Assert.Equal(Client, booking.BookedById);
        Assert.Equal(Now, booking.BookedAt);
        Assert.Equal(BookingStatus.Active, booking.Status);
        Assert.True(booking.IsActive);
        Assert.Null(booking.CancelledById);
        Assert.Null(booking.CancelledAt);
        Assert.Null(booking.CancellationReason);
        Assert.False(booking.CancelledByStaff);
    }

    [Fact]
    public void A_booking_keeps_the_quote_lines_the_cost_calculator_gives()
    {
        // labour = 1.5 h × 2 500.00 × 1.15 = 4 312.50 (1.5 × 1.15 = 1.725 → 1.73 hours billed); parts = 2 × 450.50 = 901.00;
        // oil = 4.2 l × 890.00 = 3 738.00; total 8 951.50
        var booking = BookingRules.Book(Request(), Circumstances());

        var quote = CostCalculator.Calculate(_to1, _rio);
        Assert.Equal(new BookedQuote("ТО-1", quote.Labour, quote.PartsTotal, quote.Oil!.Amount, quote.Total, quote.BilledHours), booking.Quote);
        Assert.Equal(new BookedQuote("ТО-1", Rub(4312.5m), Rub(901m), Rub(3738m), Rub(8951.5m), 1.73m), booking.Quote);
    }

    [Fact]
    public void Work_without_an_oil_change_is_booked_with_no_oil_in_the_quote()
    {
        // labour = 1.0 h × 2 600.00 × 1.15 = 2 990.00 (1.15 hours billed); no parts, no oil
        var diagnostics = NewRepairType(name: "Диагностика", normHours: 1m, rate: NewRate(pricePerHour: 2600m), model: null, includesOilChange: false).WithId(5);

        var booking = BookingRules.Book(Request(type: diagnostics), Circumstances());

        Assert.Equal(new BookedQuote("Диагностика", Rub(2990m), Money.Zero, Money.Zero, Rub(2990m), 1.15m), booking.Quote);
    }

    [Fact]
    public void A_manager_booking_for_a_client_is_the_clients_booking_made_by_the_manager()
    {
        var booking = BookingRules.Book(Request(bookedById: Manager), Circumstances());

        Assert.Equal(Client, booking.ClientId);
        Assert.Equal(Manager, booking.BookedById);
    }

    [Fact]
    public void A_cell_can_be_booked_until_the_last_tick_before_it_starts()
    {
        var booking = BookingRules.Book(Request(), Circumstances(localNow: new DateTime(2026, 12, 3, 9, 59, 59).AddTicks(9_999_999)));

        Assert.Equal(Slot, booking.Slot);
    }

    [Theory]
    [InlineData(10, 0)] // the moment it starts
    [InlineData(10, 20)]
    [InlineData(18, 0)]
    public void A_cell_that_has_begun_is_refused_as_in_the_past(int hour, int minute)
    {
        var error = Refusal(Request(), Circumstances(localNow: new DateTime(2026, 12, 3, hour, minute, 0)));

        Assert.Equal("Booking.InThePast", error.Code);
    }

    [Fact]
    public void A_cell_on_the_last_bookable_day_can_be_booked()
    {
        var booking = BookingRules.Book(Request(), Circumstances(lastBookableDay: new DateOnly(2026, 12, 3)));

        Assert.Equal(new DateOnly(2026, 12, 3), booking.Date);
    }

    [Fact]
    public void A_cell_after_the_last_bookable_day_is_refused_naming_that_day()
    {
        var error = Refusal(Request(), Circumstances(lastBookableDay: new DateOnly(2026, 12, 2)));

        Assert.Equal("Booking.BeyondHorizon", error.Code);
        Assert.Equal<object>([new DateOnly(2026, 12, 2)], error.Arguments);
    }

    [Fact]
    public void A_cell_on_a_day_off_is_refused_naming_the_day()
    {
        var error = Refusal(Request(), Circumstances(isDayOff: true));

        Assert.Equal("Booking.DayOff", error.Code);
        Assert.Equal<object>([new DateOnly(2026, 12, 3)], error.Arguments);
    }

    [Fact]
    public void An_inactive_advisor_takes_no_bookings()
    {
        var error = Refusal(Request(advisor: NewAdvisor(active: false).WithId(2)), Circumstances());

        Assert.Equal("Booking.AdvisorUnavailable", error.Code);
    }

    [Fact]
    public void Another_owners_car_cannot_be_booked()
    {
        var olgasCar = NewCar(ownerId: "client-olga", model: _rio, plate: "В001ОР77").WithId(8);

        var error = Refusal(Request(car: olgasCar), Circumstances());

        Assert.Equal("Booking.NotYourCar", error.Code);
    }

    [Fact]
    public void A_car_removed_from_the_garage_cannot_be_booked()
    {
        var removed = NewCar(ownerId: Client, model: _rio, active: false).WithId(9);

        var error = Refusal(Request(car: removed), Circumstances());

        Assert.Equal("Booking.NotYourCar", error.Code);
    }

    [Fact]
    public void An_inactive_repair_type_is_refused_naming_the_work_and_the_model()
    {
        _to1.Deactivate();

        var error = Refusal(Request(), Circumstances());

        Assert.Equal("Booking.RepairTypeNotForCar", error.Code);
        Assert.Equal(["ТО-1", "Kia Rio (IV)"], error.Arguments);
    }

    [Fact]
    public void A_repair_type_for_another_model_is_refused_naming_the_work_and_the_cars_model()
    {
        var solaris = NewModel(name: "Hyundai Solaris (II)").WithId(5);
        var to2 = NewRepairType(name: "ТО-2", model: solaris).WithId(6);

        var error = Refusal(Request(type: to2), Circumstances());

        Assert.Equal("Booking.RepairTypeNotForCar", error.Code);
        Assert.Equal(["ТО-2", "Kia Rio (IV)"], error.Arguments);
    }

    [Fact]
    public void A_taken_cell_is_refused()
    {
        var error = Refusal(Request(), Circumstances(cellTaken: true));

        Assert.Equal("Booking.CellTaken", error.Code);
    }

    [Fact]
    public void A_second_booking_the_same_day_is_refused_naming_the_day()
    {
        var error = Refusal(Request(), Circumstances(clientHasBookingThatDay: true));

        Assert.Equal("Booking.OnePerDay", error.Code);
        Assert.Equal<object>([new DateOnly(2026, 12, 3)], error.Arguments);
    }

    [Fact]
    public void A_blacklisted_client_is_refused_online_before_any_other_rule_but_staff_may_still_book_for_them()
    {
        var everythingWrong = Circumstances(localNow: new DateTime(2026, 12, 3, 10, 0, 0), isDayOff: true, cellTaken: true, clientBlacklisted: true);

        Assert.Equal("Booking.NotOnline", Refusal(Request(), everythingWrong).Code);
        Assert.Equal(Manager, BookingRules.Book(Request(bookedById: Manager), Circumstances(clientBlacklisted: true)).BookedById);
    }

    /// <summary>
    /// Breaks rule <paramref name="first"/> and every rule after it, so the expected code proves that the rule is
    /// checked before all the later ones.
    /// </summary>
    [Theory]
    [InlineData(0, "Booking.InThePast")]
    [InlineData(1, "Booking.BeyondHorizon")]
    [InlineData(2, "Booking.DayOff")]
    [InlineData(3, "Booking.AdvisorUnavailable")]
    [InlineData(4, "Booking.NotYourCar")]
    [InlineData(5, "Booking.RepairTypeNotForCar")]
    [InlineData(6, "Booking.CellTaken")]
    [InlineData(7, "Booking.OnePerDay")]
    public void The_rules_are_checked_in_order_and_the_first_broken_one_is_reported(int first, string code)
    {
        bool Broken(int rule) => rule >= first;
        var solaris = NewModel(name: "Hyundai Solaris (II)").WithId(5);
        var request = Request(
            advisor: Broken(3) ? NewAdvisor(active: false).WithId(2) : _advisor,
            car: Broken(4) ? NewCar(ownerId: "client-olga", model: _rio).WithId(8) : _car,
            type: Broken(5) ? NewRepairType(name: "ТО-2", model: solaris).WithId(6) : _to1);
        var circumstances = Circumstances(
            localNow: Broken(0) ? new DateTime(2026, 12, 3, 10, 0, 0) : LocalNow,
            lastBookableDay: Broken(1) ? new DateOnly(2026, 12, 2) : LastBookableDay,
            isDayOff: Broken(2),
            cellTaken: Broken(6),
            clientHasBookingThatDay: Broken(7));

        Assert.Equal(code, Refusal(request, circumstances).Code);
    }
}
