namespace ServiceBooking.Domain.Telegram;

/// <summary>
/// A person's Telegram chat, linked from their profile with a one-time code (<c>/start CODE</c>): the site writes to
/// that chat and takes commands from it as that person. One chat per person and one person per chat.
/// </summary>
public sealed class TelegramLink
{
    private TelegramLink()
    {
    }

    public string UserId { get; private set; } = string.Empty;

    public long ChatId { get; private set; }

    /// <summary>The chat's @username when it has one (shown on the profile), without the @.</summary>
    public string? Username { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }

    public static TelegramLink Create(string userId, long chatId, string? username, DateTimeOffset now) =>
        new() { UserId = userId, ChatId = chatId, Username = string.IsNullOrWhiteSpace(username) ? null : username.Trim(), LinkedAt = now };
}

/// <summary>
/// A code a person's profile showed for linking a chat: kept as its hash, good once and for <see cref="Lifetime"/>;
/// a new one replaces the person's earlier code.
/// </summary>
public sealed class TelegramLinkCode
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private TelegramLinkCode()
    {
    }

    public string UserId { get; private set; } = string.Empty;

    public byte[] CodeHash { get; private set; } = [];

    public DateTimeOffset ExpiresAt { get; private set; }

    public static TelegramLinkCode Create(string userId, byte[] codeHash, DateTimeOffset now) =>
        new() { UserId = userId, CodeHash = codeHash, ExpiresAt = now + Lifetime };

    public bool IsValidAt(DateTimeOffset now) => now < ExpiresAt;
}

/// <summary>
/// An update Telegram delivered (by webhook or long polling), by its id: stored in the transaction of what the update
/// did, so an update delivered again (Telegram retries a webhook, a poller restarts before confirming) does nothing twice.
/// </summary>
public sealed class TelegramUpdate
{
    private TelegramUpdate()
    {
    }

    public long UpdateId { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public static TelegramUpdate Create(long updateId, DateTimeOffset now) => new() { UpdateId = updateId, ReceivedAt = now };
}
