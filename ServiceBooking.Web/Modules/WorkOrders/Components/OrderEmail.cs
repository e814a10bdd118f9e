namespace ServiceBooking.Web.Modules.WorkOrders.Components;

/// <summary>
/// What the work order emails tell the client, already written in the reader's language: the order's number, the car
/// (none for a caller who named no car), when it was taken in or became ready, the workshop's address (when configured)
/// and the link to their bookings page. Nothing internal: no sums, no staff.
/// </summary>
public sealed record OrderEmail(string Name, string Number, string? Car, string When, string? Address, string BookingsLink);
