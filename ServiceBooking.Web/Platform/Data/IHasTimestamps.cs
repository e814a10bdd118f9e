namespace ServiceBooking.Web.Platform.Data;

/// <summary>An entity whose created and updated stamps are filled in by <see cref="TimestampInterceptor"/>.</summary>
public interface IHasTimestamps
{
    DateTimeOffset CreatedAt { get; set; }

    DateTimeOffset? UpdatedAt { get; set; }
}
