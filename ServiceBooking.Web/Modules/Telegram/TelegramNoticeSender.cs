using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using ServiceBooking.Domain.Telegram;
using ServiceBooking.Web.Platform.Notifications;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ServiceBooking.Web.Modules.Telegram;

/// <summary>
/// The outbox's Telegram channel: each notice's text to its chat (the notice's recipient is the chat id), through the
/// Bot API. Paced to <see cref="TelegramOptions.SecondsPerChat"/> per chat; a 429 ("retry after N") defers that
/// notice, and the chat's others of the batch, by N seconds at least (<see cref="NoticeDeferredException"/>); any other
/// failure is the outbox's to retry with its back-off. The outbox's claims and sent marks keep each notice to one
/// delivery however many instances send.
/// </summary>
public sealed class TelegramNoticeSender(TelegramBots bots, IOptions<TelegramOptions> options) : INoticeSender
{
    /// <summary>When each chat was last sent to (this process's clock), for the pacing.</summary>
    private readonly ConcurrentDictionary<long, long> _lastSent = new();

    public NoticeChannel Channel => NoticeChannel.Telegram;

    /// <summary>With a bot set up (in configuration, or saved by an Admin and read by this instance).</summary>
    public bool CanSend => bots.IsSetUp;

    public async Task SendManyAsync(IReadOnlyList<OutboxMessage> notices, Func<int, Exception?, Task> reportAsync, CancellationToken cancellationToken)
    {
        if ((bots.Current ?? await bots.RefreshAsync(cancellationToken))?.Client is not { } bot)
        {
            for (var i = 0; i < notices.Count; i++)
            {
                await reportAsync(i, new InvalidOperationException("No Telegram bot is set up."));
            }

            return;
        }

        var deferred = new Dictionary<long, NoticeDeferredException>();
        for (var i = 0; i < notices.Count; i++)
        {
            if (!long.TryParse(notices[i].Recipient, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var chat))
            {
                await reportAsync(i, new FormatException($"'{notices[i].Recipient}' is not a Telegram chat id."));
                continue;
            }

            if (deferred.TryGetValue(chat, out var wait))
            {
                await reportAsync(i, wait);
                continue;
            }

            try
            {
                await PaceAsync(chat, cancellationToken);
                await bot.SendMessage(chat, TelegramText.Fit(notices[i].TextBody), cancellationToken: cancellationToken);
                _lastSent[chat] = Stopwatch.GetTimestamp();
                await reportAsync(i, null);
            }
            catch (ApiRequestException error) when (error.ErrorCode == 429)
            {
                var after = TimeSpan.FromSeconds(Math.Max(1, error.Parameters?.RetryAfter ?? 1));
                deferred[chat] = new NoticeDeferredException(after, $"Telegram asked to wait {after.TotalSeconds:0} s before writing to this chat again.", error);
                await reportAsync(i, deferred[chat]);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await reportAsync(i, error);
            }
        }
    }

    private async Task PaceAsync(long chat, CancellationToken cancellationToken)
    {
        if (_lastSent.TryGetValue(chat, out var last))
        {
            var left = TimeSpan.FromSeconds(options.Value.SecondsPerChat) - Stopwatch.GetElapsedTime(last);
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, cancellationToken);
            }
        }
    }
}
