namespace ServiceBooking.Web.Components.Garage;

/// <summary>What the gallery shows of a car model.</summary>
public sealed record ModelCard(int Id, string Name, string? Picture, string Engine);
