namespace ServiceBooking.Domain.Telegram;

/// <summary>
/// The bot the site speaks through, as an Admin entered it: its token (kept encrypted by the site, never shown again),
/// who Telegram says it is (checked with <c>getMe</c> when saved), and the secret Telegram sends back with every webhook
/// call. One row: the site has one bot.
/// </summary>
public sealed class TelegramBot
{
    /// <summary>The one row's key.</summary>
    public const int TheBot = 1;

    private TelegramBot()
    {
    }

    public int Id { get; private set; } = TheBot;

    /// <summary>The token, encrypted with the site's data-protection keys.</summary>
    public string ProtectedToken { get; private set; } = string.Empty;

    /// <summary>Telegram's id of the bot (the token's first part).</summary>
    public long BotId { get; private set; }

    /// <summary>The bot's @username without the @, for the links that open it (t.me/username).</summary>
    public string Username { get; private set; } = string.Empty;

    /// <summary>What Telegram sends in <c>X-Telegram-Bot-Api-Secret-Token</c> with each update (letters, digits, _ and -).</summary>
    public string WebhookSecret { get; private set; } = string.Empty;

    public string SavedById { get; private set; } = string.Empty;

    public DateTimeOffset SavedAt { get; private set; }

    public static TelegramBot Create(string protectedToken, long botId, string username, string webhookSecret, string savedById, DateTimeOffset now) =>
        new() { ProtectedToken = protectedToken, BotId = botId, Username = username, WebhookSecret = webhookSecret, SavedById = savedById, SavedAt = now };

    /// <summary>Another token (or the same one checked again): a new secret for the webhook too.</summary>
    public void Replace(string protectedToken, long botId, string username, string webhookSecret, string savedById, DateTimeOffset now)
    {
        ProtectedToken = protectedToken;
        BotId = botId;
        Username = username;
        WebhookSecret = webhookSecret;
        SavedById = savedById;
        SavedAt = now;
    }
}
