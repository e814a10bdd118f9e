namespace ServiceBooking.Web.Platform.Email;

/// <summary>One email, ready to send: an HTML part, a plain-text part, optional attachments and headers.</summary>
public sealed record EmailMessage(
    string To,
    string? ToName,
    string Subject,
    string HtmlBody,
    string TextBody)
{
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
