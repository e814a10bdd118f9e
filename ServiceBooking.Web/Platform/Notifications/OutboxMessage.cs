using ServiceBooking.Web.Platform.Email;

namespace ServiceBooking.Web.Platform.Notifications;

public enum OutboxStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>Claimed by a dispatcher until <see cref="OutboxMessage.ClaimedUntil"/>.</summary>
    Sending,

    Sent,

    /// <summary>Gave up after the last attempt; <see cref="OutboxMessage.LastError"/> says why. An Admin can retry it.</summary>
    Failed,

    /// <summary>No longer wanted (a reminder for a cancelled visit, promo mail to someone who opted out).</summary>
    Dropped,
}

/// <summary>
/// How a notice reaches its recipient. Each channel has a sender (<see cref="INoticeSender"/>); the recipient is an
/// email address for email, a chat id for Telegram (issue 17 adds its sender).
/// </summary>
public enum NoticeChannel
{
    Email,
    Telegram,
}

/// <summary>What a notice is about, whichever channel carries it (a reminder is a reminder by email or by Telegram).</summary>
public enum NoticeKind
{
    AccountConfirmation,
    PasswordReset,
    EmailChange,
    EmailChangeNotice,
    BookingConfirmation,
    BookingReminder,
    BookingCancelled,
    MaintenanceReminder,
    Campaign,

    /// <summary>A staff account made by a supervisor or the Admin: the link to choose a password.</summary>
    StaffWelcome,

    /// <summary>The client's car was taken in and its work order opened.</summary>
    OrderAccepted,

    /// <summary>The work order's final report was approved: the car is ready to be collected.</summary>
    OrderReady,

    /// <summary>A manager proposed a time and price for collecting the client's car: the links to agree or decline.</summary>
    PickupProposal,

    /// <summary>The driver collected the car: the invoice, its PDF attached.</summary>
    PickupInvoice,

    /// <summary>The bot's answer to what someone wrote to it (the help text, a chat linked or unlinked).</summary>
    TelegramReply,
}

/// <summary>
/// One notice in the outbox, for one recipient on one channel: stored in the transaction of the change that causes it,
/// delivered later by <see cref="OutboxDispatcher"/> through the sender of its <see cref="Channel"/>.
/// <see cref="DedupKey"/> is unique per channel, so the same notice is never queued twice (and a reminder may go by
/// email and by Telegram under one key). The content fields serve every channel: a subject and HTML and plain-text
/// bodies (a Telegram message is the text, or Telegram's HTML); headers and attachments are email's.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public NoticeChannel Channel { get; set; } = NoticeChannel.Email;

    public NoticeKind Kind { get; set; }

    public string DedupKey { get; set; } = string.Empty;

    /// <summary>Where the channel delivers it: an email address, a Telegram chat id.</summary>
    public string Recipient { get; set; } = string.Empty;

    /// <summary>The recipient's name, as the channel shows it (the email's "To" name).</summary>
    public string? RecipientName { get; set; }

    public string Subject { get; set; } = string.Empty;

    public string HtmlBody { get; set; } = string.Empty;

    public string TextBody { get; set; } = string.Empty;

    /// <summary>Extra email headers (List-Unsubscribe…), as JSON.</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    public List<OutboxAttachment> Attachments { get; set; } = [];

    /// <summary>The account the notice is for, when there is one (promo notices check the opt-out at sending time).</summary>
    public string? UserId { get; set; }

    public int? CampaignId { get; set; }

    /// <summary>Set for a reminder: it is dropped if the booking is cancelled before it goes.</summary>
    public int? BookingId { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public EmailMessage ToEmail() => new(Recipient, RecipientName, Subject, HtmlBody, TextBody)
    {
        Headers = Headers,
        Attachments = [.. Attachments.Select(a => new EmailAttachment(a.FileName, a.ContentType, a.Content))],
    };
}

public sealed class OutboxAttachment
{
    public long Id { get; set; }

    public long OutboxMessageId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public byte[] Content { get; set; } = [];
}
