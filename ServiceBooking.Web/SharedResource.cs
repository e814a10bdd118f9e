namespace ServiceBooking.Web;

/// <summary>Marker for the one resource set of the site: <c>Resources/SharedResource.resx</c> (English) and <c>.ru.resx</c>.</summary>
public sealed class SharedResource;
