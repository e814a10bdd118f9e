using System.ComponentModel.DataAnnotations;

namespace ServiceBooking.Web.Platform.Live;

/// <summary>Configuration section <c>Live</c>: the LISTEN connection and the server-sent-event streams.</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>Notifications this instance can hold for one stream before it tells the page to re-fetch instead.</summary>
    [Range(1, 10_000)]
    public int StreamBuffer { get; set; } = 32;

    /// <summary>A stream with nothing to say sends a keep-alive this often, so proxies keep it open and dead peers are noticed.</summary>
    [Range(1, 3600)]
    public int HeartbeatSeconds { get; set; } = 25;

    /// <summary>Streams one account may hold open on one instance (a tab each); more get 429.</summary>
    [Range(1, 100_000)]
    public int StreamsPerUser { get; set; } = 8;

    /// <summary>The longest pause between attempts to listen again after the database connection was lost.</summary>
    [Range(1, 600)]
    public int MaxReconnectSeconds { get; set; } = 30;
}
