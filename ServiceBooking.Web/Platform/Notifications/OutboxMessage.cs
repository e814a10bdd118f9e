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

public enum EmailKind
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
}

/// <summary>
/// One email in the outbox: stored in the transaction of the change that causes it, delivered later by
/// <see cref="OutboxDispatcher"/>. <see cref="DedupKey"/> is unique, so the same email is never queued twice.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public EmailKind Kind { get; set; }

    public string DedupKey { get; set; } = string.Empty;

    public string To { get; set; } = string.Empty;

    public string? ToName { get; set; }

    public string Subject { get; set; } = string.Empty;

    public string HtmlBody { get; set; } = string.Empty;

    public string TextBody { get; set; } = string.Empty;

    /// <summary>Extra headers (List-Unsubscribe…), as JSON.</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    public List<OutboxAttachment> Attachments { get; set; } = [];

    /// <summary>The account the email is for, when there is one (promo mail checks the opt-out at sending time).</summary>
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

    public EmailMessage ToEmail() => new(To, ToName, Subject, HtmlBody, TextBody)
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
