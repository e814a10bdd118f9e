using System.ComponentModel.DataAnnotations;

namespace ServiceBooking.Web.Modules.Telegram;

/// <summary>Configuration section <c>Telegram</c>: the bot the site speaks through.</summary>
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

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);
}
