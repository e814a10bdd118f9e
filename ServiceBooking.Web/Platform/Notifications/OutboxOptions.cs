using System.ComponentModel.DataAnnotations;

namespace ServiceBooking.Web.Platform.Notifications;

/// <summary>Configuration section <c>Outbox</c>: how the queue is delivered.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Attempts before a message is marked Failed (an Admin can retry it).</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Messages one dispatcher claims at a time.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claim lasts; a dispatcher that died leaves its messages to others after this.</summary>
    [Range(10, 3600)]
    public int ClaimSeconds { get; set; } = 120;

    /// <summary>Wait before the second attempt; it doubles after each failure, up to <see cref="MaxRetryMinutes"/>.</summary>
    [Range(1, 3600)]
    public int FirstRetrySeconds { get; set; } = 30;

    [Range(1, 1440)]
    public int MaxRetryMinutes { get; set; } = 60;

    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(FirstRetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1)), MaxRetryMinutes * 60));
}
