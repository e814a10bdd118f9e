using Microsoft.Extensions.Options;
using Npgsql;

namespace ServiceBooking.Web.Platform.Live;

/// <summary>
/// One long-lived PostgreSQL connection per instance, outside the pool, that <c>LISTEN</c>s on
/// <see cref="LiveTopics.Channel"/> and hands every notification to the <see cref="LiveHub"/>. When the connection is
/// lost (the server restarted, a network cut, an administrator's <c>pg_terminate_backend</c>) it says so to the hub and
/// connects again after a pause that doubles up to <see cref="LiveOptions.MaxReconnectSeconds"/>, with jitter so that
/// many instances do not come back at the same instant.
/// </summary>
public sealed class LiveListener(LiveHub hub, IConfiguration configuration, IOptions<LiveOptions> options, ILogger<LiveListener> logger)
    : BackgroundService
{
    /// <summary>How the listening connection names itself in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "servicebooking-live";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = ListenConnectionString(configuration.GetConnectionString("Default")!);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, notification) => hub.Publish(notification.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {LiveTopics.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Only now: a change committed before this point is in what the caches read from here on.
                hub.Connected();
                if (failures > 0)
                {
                    logger.LogInformation("Listening for live changes again after {Failures} failed attempts", failures);
                }

                failures = 0;
                while (true)
                {
                    // Notifications arrive through the event above while this waits; keep-alives find a dead peer.
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                hub.Disconnected();
                var pause = Backoff(failures++, options.Value.MaxReconnectSeconds);
                logger.LogWarning(error, "The live-changes connection failed; trying again in {Pause} ms", (int)pause.TotalMilliseconds);
                try
                {
                    await Task.Delay(pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        hub.Disconnected();
    }

    /// <summary>250 ms, 500 ms, 1 s, … up to the maximum, each between 50 % and 100 % of that.</summary>
    internal static TimeSpan Backoff(int failures, int maxSeconds)
    {
        var ceiling = Math.Min(maxSeconds * 1000.0, 250.0 * Math.Pow(2, Math.Min(failures, 20)));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    /// <summary>
    /// The site's database, on a connection of its own: not pooled (it lives as long as the instance), with TCP
    /// keep-alives so that a silently dropped connection is noticed within seconds, and named for pg_stat_activity.
    /// </summary>
    internal static string ListenConnectionString(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        Pooling = false,
        KeepAlive = 10,
        ApplicationName = ApplicationName,
        MaxAutoPrepare = 0,
    }.ConnectionString;
}
