using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceBooking.Domain.Telegram;
using ServiceBooking.Web.Platform.Data;
using Telegram.Bot;

namespace ServiceBooking.Web.Modules.Telegram;

/// <summary>The bot this instance speaks through now: its client, who it is, the webhook's secret.</summary>
public sealed record CurrentBot(ITelegramBotClient Client, long BotId, string Username, string WebhookSecret, bool FromConfiguration);

/// <summary>
/// Which bot the site uses: the configured token (<c>Telegram:BotToken</c>) if there is one, else the one an Admin
/// saved. Kept in memory and read again every <see cref="RefreshEvery"/> (another instance's Admin may have changed it),
/// and at once on this instance when its Admin saves.
/// </summary>
public sealed class TelegramBots(IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<TelegramOptions> options, IDataProtectionProvider protection)
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    private const string Purpose = "ServiceBooking.Telegram.BotToken";

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile CurrentBot? _current;
    private string? _token;

    /// <summary>The bot as last read; null when none is set up (the Telegram channel is then not sent on this instance).</summary>
    public CurrentBot? Current => _current;

    /// <summary>Whether a bot is set up: in configuration, or saved by an Admin and read by this instance.</summary>
    public bool IsSetUp => options.Value.Enabled || _current is not null;

    public TelegramOptions Options => options.Value;

    public IDataProtector Protector => protection.CreateProtector(Purpose);

    /// <summary>A client for <paramref name="token"/> (Telegram's retries off: the outbox and the callers retry).</summary>
    public ITelegramBotClient ClientFor(string token) =>
        new TelegramBotClient(new TelegramBotClientOptions(token, options.Value.ApiUrl) { RetryThreshold = 0, RetryCount = 0 }, http.CreateClient(TelegramOptions.Section));

    /// <summary>Reads the bot again (configuration first, then the saved one).</summary>
    public async Task<CurrentBot?> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (options.Value.Enabled)
            {
                var token = options.Value.BotToken!.Trim();
                if (_current is { FromConfiguration: true, Username.Length: > 0 } && _token == token)
                {
                    return _current;
                }

                // Sending needs no getMe: when Telegram cannot say who the bot is now, it is asked again next time.
                var client = _token == token && _current is { } known ? known.Client : ClientFor(token);
                var me = await WhoAsync(client, cancellationToken);
                (_token, _current) = (token, new CurrentBot(client, me?.Id ?? 0, me?.Username ?? string.Empty, SecretFor(token), true));
                return _current;
            }

            await using var scope = scopes.CreateAsyncScope();
            var saved = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().TelegramBots.AsNoTracking()
                .SingleOrDefaultAsync(b => b.Id == TelegramBot.TheBot, cancellationToken);
            if (saved is null)
            {
                (_token, _current) = (null, null);
                return null;
            }

            var savedToken = Protector.Unprotect(saved.ProtectedToken);
            if (_token != savedToken || _current?.WebhookSecret != saved.WebhookSecret)
            {
                (_token, _current) = (savedToken, new CurrentBot(ClientFor(savedToken), saved.BotId, saved.Username, saved.WebhookSecret, false));
            }

            return _current;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private static async Task<global::Telegram.Bot.Types.User?> WhoAsync(ITelegramBotClient client, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetMe(cancellationToken);
        }
        catch (Exception error) when (error is global::Telegram.Bot.Exceptions.RequestException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>A new webhook secret (what Telegram allows: A–Z, a–z, 0–9, _ and -, up to 256).</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The webhook secret of a configured token: derived from it, so every instance has the same.</summary>
    private static string SecretFor(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("webhook-secret:" + token)));
}

/// <summary>Reads the bot at start and every <see cref="TelegramBots.RefreshEvery"/>.</summary>
public sealed partial class TelegramBotRefresh(TelegramBots bots, ILogger<TelegramBotRefresh> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TelegramBots.RefreshEvery);
        do
        {
            try
            {
                await bots.RefreshAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(log, error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the Telegram bot's settings")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
