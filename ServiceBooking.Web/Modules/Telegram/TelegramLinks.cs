using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Telegram;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Web.Modules.Telegram;

/// <summary>A person's chat as their profile shows it.</summary>
public sealed record ChatLink(long ChatId, string? Username, DateTimeOffset LinkedAt);

/// <summary>A code just made for linking: what to send the bot, and the link that sends it with one tap.</summary>
public sealed record LinkCode(string Code, string? OpenBot, DateTimeOffset ExpiresAt);

/// <summary>
/// Linking from the profile: a one-time code (kept as its hash, good for <see cref="TelegramLinkCode.Lifetime"/>), sent
/// to the bot as <c>/start CODE</c> (the link <c>t.me/bot?start=CODE</c> does it with one tap); unlinking from the
/// profile tells the chat.
/// </summary>
public sealed class TelegramLinks(ApplicationDbContext db, TelegramBots bots, OutboxWriter outbox, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>Whether a bot is set up (without one the profile has nothing to link to).</summary>
    public bool BotReady => bots.IsSetUp;

    public string? BotUsername => bots.Current?.Username is { Length: > 0 } name ? name : null;

    public async Task<ChatLink?> LinkOfAsync(string userId, CancellationToken cancellationToken) =>
        await db.TelegramLinks.AsNoTracking().Where(l => l.UserId == userId)
            .Select(l => new ChatLink(l.ChatId, l.Username, l.LinkedAt)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>A new code for <paramref name="userId"/>, replacing any earlier one.</summary>
    public async Task<LinkCode> NewCodeAsync(string userId, CancellationToken cancellationToken)
    {
        var code = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        await db.TelegramLinkCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var made = TelegramLinkCode.Create(userId, TelegramUpdates.HashCode(code), now);
        db.TelegramLinkCodes.Add(made);
        await db.SaveChangesAsync(cancellationToken);
        return new LinkCode(code, BotUsername is { } bot ? $"https://t.me/{bot}?start={code}" : null, made.ExpiresAt);
    }

    /// <summary>Unlinks the person's chat and tells the chat so; false when none was linked.</summary>
    public async Task<bool> UnlinkAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        if (await db.TelegramLinks.SingleOrDefaultAsync(l => l.UserId == user.Id, cancellationToken) is not { } link)
        {
            return false;
        }

        db.TelegramLinks.Remove(link);
        string message;
        using (new CultureScope(Cultures.Get(user.PreferredCulture)))
        {
            message = text["Telegram.Bot.UnlinkedFromSite"];
        }

        outbox.AddTelegram(link.ChatId, message, NoticeKind.TelegramReply, $"telegram-unlinked:{link.ChatId}:{link.LinkedAt.UtcTicks}", user.Id);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
