using ServiceBooking.Web.Platform.Email;

namespace ServiceBooking.Web.Platform.Notifications;

/// <summary>
/// Delivers the outbox's notices of one channel. The dispatcher hands each claimed notice to the sender of its
/// channel; an instance claims only the channels it has a sender for, so a channel is added by registering its
/// sender (<c>services.AddSingleton&lt;INoticeSender, …&gt;()</c>), not by a second outbox.
/// </summary>
public interface INoticeSender
{
    NoticeChannel Channel { get; }

    /// <summary>Whether this instance can send the channel now (a channel set up at run time may not be yet).</summary>
    bool CanSend => true;

    /// <summary>
    /// Sends the notices and reports each one's fate as it happens: null for delivered, or the error (the dispatcher
    /// retries it later or gives up). A failure of one notice must not stop the others; a sender that must pace itself
    /// (Telegram's one message a second per chat, its 429 <c>retry_after</c>) does so here.
    /// </summary>
    Task SendManyAsync(IReadOnlyList<OutboxMessage> notices, Func<int, Exception?, Task> reportAsync, CancellationToken cancellationToken);
}

/// <summary>The email channel: each notice becomes an <see cref="EmailMessage"/> for the configured <see cref="IEmailSender"/>.</summary>
public sealed class EmailNoticeSender(IEmailSender email) : INoticeSender
{
    public NoticeChannel Channel => NoticeChannel.Email;

    public Task SendManyAsync(IReadOnlyList<OutboxMessage> notices, Func<int, Exception?, Task> reportAsync, CancellationToken cancellationToken) =>
        email.SendManyAsync([.. notices.Select(n => n.ToEmail())], reportAsync, cancellationToken);
}
