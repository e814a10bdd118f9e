using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.WorkOrders;

/// <summary>
/// A client the workshop no longer takes online bookings from: by account, by phone, or both, with the reason. Lifting
/// the entry keeps it (who lifted it and when) for the history.
/// </summary>
public sealed class BlacklistEntry : Entity
{
    public const int MaxReasonLength = 500;

    private BlacklistEntry()
    {
    }

    public string? ClientId { get; private set; }

    /// <summary>E.164, as the Web layer normalised it.</summary>
    public string? Phone { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public string AddedById { get; private set; } = string.Empty;

    public DateTimeOffset AddedAt { get; private set; }

    public string? LiftedById { get; private set; }

    public DateTimeOffset? LiftedAt { get; private set; }

    public bool IsActive => LiftedAt is null;

    public static BlacklistEntry Add(string? clientId, string? phone, string? reason, string addedById, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(clientId) && string.IsNullOrWhiteSpace(phone)
            ? throw new DomainException("Blacklist.NobodyNamed")
            : new BlacklistEntry
            {
                ClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId,
                Phone = string.IsNullOrWhiteSpace(phone) ? null : phone,
                Reason = Text.Required(reason, MaxReasonLength, "Blacklist.Reason"),
                AddedById = addedById,
                AddedAt = now,
            };

    public void Lift(string byId, DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new DomainException("Blacklist.AlreadyLifted");
        }

        (LiftedById, LiftedAt) = (byId, now);
    }

    /// <summary>Whether this entry names the account or the phone (either one is enough).</summary>
    public bool Covers(string? clientId, string? phone) =>
        IsActive && ((clientId is not null && clientId == ClientId) || (phone is not null && phone == Phone));
}
