using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Campaigns;

public enum AudienceKind
{
    AllClients,
    ModelOwners,
    ChosenClients,
}

public enum CampaignStatus
{
    /// <summary>Written and waiting for the campaign job to queue its emails.</summary>
    Queued,

    /// <summary>Every recipient's email is in the outbox; progress is read from there.</summary>
    Enqueued,
}

/// <summary>
/// A promo campaign: a subject and a text with simple formatting, sent to all clients, the owners of chosen car
/// models, or chosen clients. Clients who opted out of promo mail never get it.
/// </summary>
public sealed class Campaign : Entity
{
    public const int MaxSubjectLength = 150;
    public const int MaxBodyLength = 10_000;

    private Campaign()
    {
    }

    public string Subject { get; private set; } = string.Empty;

    /// <summary>The text as the manager wrote it (paragraphs, **bold**, *italic*, links, "- " lists).</summary>
    public string Body { get; private set; } = string.Empty;

    public AudienceKind Audience { get; private set; }

    public List<int> ModelIds { get; private set; } = [];

    public List<string> ClientIds { get; private set; } = [];

    public string CreatedById { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public CampaignStatus Status { get; private set; }

    /// <summary>How many emails were queued (known once <see cref="Status"/> is Enqueued).</summary>
    public int Recipients { get; private set; }

    public DateTimeOffset? EnqueuedAt { get; private set; }

    public static Campaign Create(
        string subject, string body, AudienceKind audience, IEnumerable<int> modelIds, IEnumerable<string> clientIds, string createdById, DateTimeOffset now)
    {
        var models = modelIds.Distinct().ToList();
        var clients = clientIds.Distinct().ToList();
        if (!Enum.IsDefined(audience))
        {
            throw new DomainException("Campaign.AudienceInvalid");
        }

        if (audience == AudienceKind.ModelOwners && models.Count == 0)
        {
            throw new DomainException("Campaign.NoModels");
        }

        if (audience == AudienceKind.ChosenClients && clients.Count == 0)
        {
            throw new DomainException("Campaign.NoClients");
        }

        return new Campaign
        {
            Subject = Text.Required(subject, MaxSubjectLength, "Campaign.Subject"),
            Body = RequiredBody(body),
            Audience = audience,
            ModelIds = audience == AudienceKind.ModelOwners ? models : [],
            ClientIds = audience == AudienceKind.ChosenClients ? clients : [],
            CreatedById = createdById,
            CreatedAt = now,
            Status = CampaignStatus.Queued,
        };
    }

    /// <summary>The job that queues the emails has them all in the outbox.</summary>
    public void MarkEnqueued(int recipients, DateTimeOffset now)
    {
        Recipients = recipients;
        EnqueuedAt = now;
        Status = CampaignStatus.Enqueued;
    }

    private static string RequiredBody(string? body)
    {
        var text = (body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            throw new DomainException("Campaign.BodyRequired");
        }

        return text.Length > MaxBodyLength ? throw new DomainException("Campaign.BodyTooLong", MaxBodyLength) : text;
    }
}
