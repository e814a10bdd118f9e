using System.ComponentModel.DataAnnotations;

namespace ServiceBooking.Web.Modules.Telegram;

/// <summary>How updates (what people write to the bot) reach the site.</summary>
public enum TelegramUpdateMode
{
    /// <summary>A webhook when the public URL is https (Telegram calls only https), long polling otherwise.</summary>
    Auto,

    /// <summary>Telegram posts each update to <c>/telegram/webhook</c> with the bot's secret in a header.</summary>
    Webhook,

    /// <summary>One instance at a time asks Telegram for updates (<c>getUpdates</c>), for a site without a public https address.</summary>
    Polling,

    /// <summary>None: the site only sends.</summary>
    Off,
}

/// <summary>
/// Configuration section <c>Telegram</c>: the bot the site speaks through. An Admin enters the token on
/// <c>/Admin/Telegram</c>; <see cref="BotToken"/> in configuration, when set, takes its place and the page only shows it.
/// </summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>The bot's token from @BotFather; empty: this instance sends nothing by Telegram (its notices wait for one that does).</summary>
    public string? BotToken { get; set; }

    /// <summary>The Bot API's address: Telegram's, or a local Bot API server (tests use a stand-in speaking its protocol).</summary>
    [Url]
    public string ApiUrl { get; set; } = "https://api.telegram.org";

    /// <summary>Least time between two messages to one chat (Telegram allows about one a second).</summary>
    [Range(0, 60)]
    public double SecondsPerChat { get; set; } = 1.0;

    public TelegramUpdateMode Updates { get; set; } = TelegramUpdateMode.Auto;

    /// <summary>How long a long poll waits for an update (Telegram allows up to 50 s).</summary>
    [Range(0, 50)]
    public int PollSeconds { get; set; } = 25;

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);
}
