namespace ServiceBooking.Web.Modules.Pickups.Components;

/// <summary>
/// The facts of a pick-up as the client's emails show them, formatted in the client's language: whom it greets, the
/// car, the address, when the driver comes and what it costs.
/// </summary>
public sealed record PickupEmail(string Name, string Car, string Address, string When, string Price);
