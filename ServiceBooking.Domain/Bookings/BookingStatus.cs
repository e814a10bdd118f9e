namespace ServiceBooking.Domain.Bookings;

public enum BookingStatus
{
    Active,
    Cancelled,
}
