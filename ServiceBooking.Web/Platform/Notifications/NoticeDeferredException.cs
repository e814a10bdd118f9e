namespace ServiceBooking.Web.Platform.Notifications;

/// <summary>
/// A channel asked to be left alone for a while (Telegram's 429 with <c>retry_after</c>): the notice is tried again no
/// sooner than <see cref="RetryAfter"/> from now, or the outbox's own back-off if that is longer.
/// </summary>
public sealed class NoticeDeferredException(TimeSpan retryAfter, string message, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
