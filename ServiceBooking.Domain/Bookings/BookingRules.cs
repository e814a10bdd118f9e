using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;

namespace ServiceBooking.Domain.Bookings;

/// <summary>What someone asks for: this cell, for this client's car, this work.</summary>
public sealed record BookingRequest(TimeSlot Slot, ServiceAdvisor Advisor, Car Car, RepairType RepairType, string ClientId, string BookedById);

/// <summary>
/// What the rules need to know about the world at the moment of booking. <see cref="ClientBlacklisted"/>: the workshop
/// no longer takes online bookings from this client (the work orders' blacklist).
/// </summary>
public sealed record BookingCircumstances(
    DateTime LocalNow,
    DateTimeOffset Now,
    DateOnly LastBookableDay,
    bool IsDayOff,
    bool CellTaken,
    bool ClientHasBookingThatDay,
    bool ClientBlacklisted = false);

/// <summary>
/// The booking rules of PRODUCT.md section D. The two that must hold under concurrency (one active booking per cell,
/// one per client per day) are also unique indexes in the database; checking them here gives the friendly message
/// in the common case, the database settles a race.
/// </summary>
public static class BookingRules
{
    public static Booking Book(BookingRequest request, BookingCircumstances now)
    {
        var slot = request.Slot;
        if (now.ClientBlacklisted && request.BookedById == request.ClientId)
        {
            // Said first and alone: the client is not sent from cell to cell. Staff may still book for them at the desk.
            throw new DomainException("Booking.NotOnline");
        }

        if (slot.HasStartedAt(now.LocalNow))
        {
            throw new DomainException("Booking.InThePast");
        }

        if (slot.Date > now.LastBookableDay)
        {
            throw new DomainException("Booking.BeyondHorizon", now.LastBookableDay);
        }

        if (now.IsDayOff)
        {
            throw new DomainException("Booking.DayOff", slot.Date);
        }

        if (!request.Advisor.IsActive)
        {
            throw new DomainException("Booking.AdvisorUnavailable");
        }

        if (!request.Car.IsActive || !request.Car.IsOwnedBy(request.ClientId))
        {
            throw new DomainException("Booking.NotYourCar");
        }

        if (!request.RepairType.IsAvailableFor(request.Car.Model))
        {
            throw new DomainException("Booking.RepairTypeNotForCar", request.RepairType.Name, request.Car.Model.Name);
        }

        if (now.CellTaken)
        {
            throw new DomainException("Booking.CellTaken");
        }

        if (now.ClientHasBookingThatDay)
        {
            throw new DomainException("Booking.OnePerDay", slot.Date);
        }

        var quote = BookedQuote.From(CostCalculator.Calculate(request.RepairType, request.Car.Model));
        return Booking.Create(slot, request.Advisor, request.Car, request.RepairType, quote, request.BookedById, now.Now);
    }
}
