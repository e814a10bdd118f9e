namespace ServiceBooking.Web.Modules.Bookings.Components;

/// <summary>What the booking emails say about a visit, already written in the reader's language.</summary>
public sealed record VisitEmail(string Name, string When, string Advisor, string Car, string Work, string? Price, string? Address, string BookingsLink);
