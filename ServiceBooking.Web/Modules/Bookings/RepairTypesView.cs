namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// The work a car can have, priced, for the client's panel and the desk's alike (the partial Pages/_RepairTypes of this
/// module renders it).
/// </summary>
public sealed record RepairTypesView(IReadOnlyList<PricedRepairType> Types, int? SelectedId, string? Message);
