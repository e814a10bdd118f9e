using Npgsql;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace ServiceBooking.Web.Modules.Telegram;

/// <summary>
/// Long polling (<see cref="TelegramUpdateMode.Polling"/>, or Auto without an https public URL): one instance at a time
/// (a PostgreSQL advisory lock; Telegram refuses two pollers of one bot) asks for updates and hands each to
/// <see cref="TelegramUpdates"/>. An update is confirmed by asking for the ones after it, once it is handled; one
/// handled but not yet confirmed when the poller stops comes again and is recognised by its id.
/// </summary>
public sealed partial class TelegramPolling(TelegramBots bots, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<TelegramPolling> log) : BackgroundService
{
    /// <summary>The advisory lock's key (any number no other lock of the site uses).</summary>
    private const long PollerLock = 0x5B_7E1E_6A4D;

    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (scope.ServiceProvider.GetRequiredService<TelegramSetup>().Updates != TelegramUpdateMode.Polling)
            {
                return;
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (bots.Current is null)
                {
                    await Task.Delay(Idle, stoppingToken);
                    continue;
                }

                // Its own connection, outside the pool: the lock lasts as long as it is open.
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Default")) { Pooling = false }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                if (await TryLockAsync(connection, stoppingToken))
                {
                    await PollAsync(stoppingToken);
                }
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(log, error);
            }

            await Task.Delay(Idle, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Polls while this instance holds the lock (its connection stays open meanwhile) and a bot is set up.</summary>
    private async Task PollAsync(CancellationToken stoppingToken)
    {
        int? offset = null;
        while (!stoppingToken.IsCancellationRequested && bots.Current is { } bot)
        {
            var updates = await bot.Client.GetUpdates(offset, limit: 100, timeout: bots.Options.PollSeconds,
                allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery], cancellationToken: stoppingToken);
            foreach (var update in updates)
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TelegramUpdates>().HandleAsync(update, stoppingToken);
                offset = update.Id + 1;
            }
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", PollerLock);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram long polling failed; trying again shortly")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
