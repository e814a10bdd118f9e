namespace ServiceBooking.Web.Modules.Garage.Components;

/// <summary>What the gallery shows of a car model.</summary>
public sealed record ModelCard(int Id, string Name, string? Picture, string Engine);
