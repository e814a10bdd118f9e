using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Telegram;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform.Notifications;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ServiceBooking.Web.Modules.Telegram;

/// <summary>
/// What people write to the bot, by webhook or long polling alike. Each update is stored by its id in the transaction
/// of what it does (a link, an unlink, the reply queued in the outbox), so an update delivered twice does it once.
/// A chat not linked gets only the help text; <c>/start CODE</c> with a code from a profile links it, <c>/stop</c>
/// unlinks it.
/// </summary>
public sealed class TelegramUpdates(ApplicationDbContext db, OutboxWriter outbox, TimeProvider clock, SiteLinks links, IStringLocalizer<SharedResource> text)
{
    /// <summary>Handles <paramref name="update"/> unless it was handled before; false for a repeat.</summary>
    public async Task<bool> HandleAsync(Update update, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var fresh = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO telegram_updates (update_id, received_at) VALUES ({(long)update.Id}, {now}) ON CONFLICT DO NOTHING", cancellationToken);
        if (fresh == 0)
        {
            return false;
        }

        if (update.Message is { Chat.Type: ChatType.Private } message)
        {
            await OnMessageAsync(update.Id, message, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The SHA-256 a code is kept as.</summary>
    public static byte[] HashCode(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code));

    private async Task OnMessageAsync(long updateId, Message message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var chat = message.Chat.Id;
        var command = ChatCommand.Parse(message.Text);
        var linked = await LinkedUserAsync(chat, cancellationToken);
        var culture = linked?.PreferredCulture ?? CultureOf(message.From?.LanguageCode);
        string reply;
        if (command is { Name: "start" } && ChatCommand.IsLinkCode(command.Argument) && await ConsumeCodeAsync(command.Argument, now, cancellationToken) is { } userId)
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
            // The chat's earlier link and the person's earlier chat go first (each recorded in the trail), then the new one.
            db.TelegramLinks.RemoveRange(await db.TelegramLinks.Where(l => l.ChatId == chat || l.UserId == userId).ToListAsync(cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            db.TelegramLinks.Add(TelegramLink.Create(userId, chat, message.Chat.Username, now));
            culture = user.PreferredCulture;
            reply = Text(culture, "Telegram.Bot.Linked", user.Name.Salutation);
        }
        else if (command is { Name: "stop" } && linked is not null)
        {
            db.TelegramLinks.RemoveRange(await db.TelegramLinks.Where(l => l.ChatId == chat).ToListAsync(cancellationToken));
            reply = Text(culture, "Telegram.Bot.Unlinked", links.Page("/Profile/Telegram"));
        }
        else if (linked is not null)
        {
            reply = Text(culture, "Telegram.Bot.LinkedHelp", linked.Name.FullName);
        }
        else
        {
            reply = Text(culture, "Telegram.Bot.Help", links.Page("/Profile/Telegram"));
        }

        outbox.AddTelegram(chat, reply, NoticeKind.TelegramReply, $"telegram-update:{updateId}", linked?.Id);
    }

    private Task<ApplicationUser?> LinkedUserAsync(long chat, CancellationToken cancellationToken) =>
        (from link in db.TelegramLinks
         join user in db.Users on link.UserId equals user.Id
         where link.ChatId == chat
         select user).AsNoTracking().SingleOrDefaultAsync(cancellationToken);

    /// <summary>Takes the code if it is still good: one chat gets it, however many send it at once.</summary>
    private async Task<string?> ConsumeCodeAsync(string code, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<string>($"DELETE FROM telegram_link_codes WHERE code_hash = {HashCode(code)} AND expires_at > {now} RETURNING user_id AS \"Value\"")
            .ToListAsync(cancellationToken)).SingleOrDefault();

    private static string CultureOf(string? languageCode) =>
        languageCode is { } code && code.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Cultures.English : Cultures.Russian;

    private string Text(string culture, string key, params object[] values)
    {
        using var _ = new CultureScope(Cultures.Get(culture));
        return text[key, values];
    }
}
