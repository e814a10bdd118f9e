using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Telegram;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace ServiceBooking.Web.Modules.Telegram;

/// <summary>What saving a token came to.</summary>
public enum TokenCheck
{
    Saved,

    /// <summary>Not a token's form (digits, a colon, the secret).</summary>
    Malformed,

    /// <summary>Telegram answered that the token is not a bot's (401, 404).</summary>
    Refused,

    /// <summary>Telegram could not be reached, or failed; nothing was saved.</summary>
    Unreachable,

    /// <summary>The token comes from configuration: the page cannot change it.</summary>
    Configured,
}

/// <summary>The bot as the Admin's page shows it.</summary>
public sealed record BotStatus(string? Username, bool FromConfiguration, TelegramUpdateMode Updates, string? WebhookUrl, DateTimeOffset? SavedAt, int LinkedChats);

/// <summary>
/// The Admin's set-up of the bot (<c>/Admin/Telegram</c>): a token is checked with <c>getMe</c> before it is kept
/// (encrypted), and Telegram is told where updates go: the webhook at the public URL with a new secret, or none (long
/// polling). Removing the token stops the channel on every instance within <see cref="TelegramBots.RefreshEvery"/>.
/// </summary>
public sealed class TelegramSetup(ApplicationDbContext db, TelegramBots bots, SiteLinks links, TimeProvider clock)
{
    public const string WebhookPath = "telegram/webhook";

    /// <summary>The updates' way on this site: <see cref="TelegramUpdateMode.Auto"/> resolved by the public URL's scheme.</summary>
    public TelegramUpdateMode Updates => bots.Options.Updates switch
    {
        TelegramUpdateMode.Auto => links.Base.Scheme == Uri.UriSchemeHttps ? TelegramUpdateMode.Webhook : TelegramUpdateMode.Polling,
        var mode => mode,
    };

    public string WebhookUrl => links.To(WebhookPath);

    public async Task<BotStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var saved = await db.TelegramBots.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var current = bots.Current;
        var linked = await db.TelegramLinks.CountAsync(cancellationToken);
        return new BotStatus(
            current?.Username ?? saved?.Username, bots.Options.Enabled, Updates, Updates == TelegramUpdateMode.Webhook ? WebhookUrl : null, saved?.SavedAt, linked);
    }

    public async Task<TokenCheck> SaveAsync(string? token, string adminId, CancellationToken cancellationToken)
    {
        if (bots.Options.Enabled)
        {
            return TokenCheck.Configured;
        }

        token = token?.Trim() ?? string.Empty;
        if (!IsTokenForm(token))
        {
            return TokenCheck.Malformed;
        }

        var client = bots.ClientFor(token);
        var secret = TelegramBots.NewSecret();
        global::Telegram.Bot.Types.User me;
        try
        {
            me = await client.GetMe(cancellationToken);
            await PointUpdatesAsync(client, secret, cancellationToken);
        }
        catch (ApiRequestException error) when (error.ErrorCode is 401 or 404)
        {
            return TokenCheck.Refused;
        }
        catch (Exception error) when (error is ApiRequestException or RequestException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return TokenCheck.Unreachable;
        }

        var now = clock.GetUtcNow();
        var protectedToken = bots.Protector.Protect(token);
        var saved = await db.TelegramBots.SingleOrDefaultAsync(cancellationToken);
        if (saved is null)
        {
            db.TelegramBots.Add(TelegramBot.Create(protectedToken, me.Id, me.Username ?? string.Empty, secret, adminId, now));
        }
        else
        {
            saved.Replace(protectedToken, me.Id, me.Username ?? string.Empty, secret, adminId, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await bots.RefreshAsync(cancellationToken);
        return TokenCheck.Saved;
    }

    /// <summary>Forgets the saved token (and tells Telegram to stop calling the webhook, if it can still be reached).</summary>
    public async Task<bool> RemoveAsync(CancellationToken cancellationToken)
    {
        if (bots.Options.Enabled || await db.TelegramBots.SingleOrDefaultAsync(cancellationToken) is not { } saved)
        {
            return false;
        }

        try
        {
            await bots.ClientFor(bots.Protector.Unprotect(saved.ProtectedToken)).DeleteWebhook(cancellationToken: cancellationToken);
        }
        catch (Exception error) when (error is ApiRequestException or RequestException or HttpRequestException)
        {
            // The token is forgotten all the same: Telegram's calls then fail the secret check.
        }

        db.TelegramBots.Remove(saved);
        await db.SaveChangesAsync(cancellationToken);
        await bots.RefreshAsync(cancellationToken);
        return true;
    }

    /// <summary>A bot token's form: the bot's id, a colon, then 20 or more letters, digits, _ or -.</summary>
    public static bool IsTokenForm(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && token[..colon].All(char.IsAsciiDigit) && token.Length - colon - 1 >= 20
               && token[(colon + 1)..].All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
    }

    private Task PointUpdatesAsync(ITelegramBotClient client, string secret, CancellationToken cancellationToken) =>
        Updates == TelegramUpdateMode.Webhook
            ? client.SetWebhook(WebhookUrl, secretToken: secret, allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery], dropPendingUpdates: false, cancellationToken: cancellationToken)
            : client.DeleteWebhook(cancellationToken: cancellationToken);
}
