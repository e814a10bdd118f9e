using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Live;

namespace ServiceBooking.Tests.Platform.Live;

/// <summary>
/// Publishing (the <c>live_publish</c> function and the triggers) and listening (one connection per instance, which
/// hands every notification to the hub): what any database session commits arrives, nothing arrives before the
/// commit or after a rollback, and the listener comes back after the server drops its connection.
/// </summary>
public sealed class LiveListenerTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    private LiveHub Hub => Fixture.Site.Services.GetRequiredService<LiveHub>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await WaitUntilAsync(() => Hub.IsListening);
    }

    [Fact]
    public async Task A_notification_published_by_sql_in_another_session_arrives()
    {
        using var subscription = Hub.Subscribe(["day:2030-01-15"])!;

        var version = await ScalarAsync<long>("select live_publish('day:2030-01-15')");

        Assert.Contains("day:2030-01-15", await NextAsync(subscription, "day:2030-01-15"));
        Assert.Equal(version, await ScalarAsync<long>("select version from live_versions where topic = 'day:2030-01-15'"));
    }

    [Fact]
    public async Task Each_publication_gives_the_topic_a_later_version()
    {
        var first = await ScalarAsync<long>("select live_publish('day:2030-01-15')");
        var second = await ScalarAsync<long>("select live_publish('day:2030-01-16')");
        var third = await ScalarAsync<long>("select live_publish('day:2030-01-15')");

        Assert.True(first < second && second < third, $"{first}, {second}, {third}");
    }

    [Fact]
    public async Task A_day_off_inserted_in_a_transaction_is_published_on_commit_and_not_before()
    {
        // (Only the day: the database reset before each test publishes the calendar too, and that may still be arriving.)
        using var subscription = Hub.Subscribe(["day:2030-02-03"])!;
        var calendar = await ScalarAsync<long>("select coalesce(max(version), 0) from live_versions where topic = 'calendar'");
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "insert into days_off (date, reason) values ('2030-02-03', 'Инвентаризация')", transaction);

        var before = await subscription.NextAsync(Quiet, CancellationToken.None);
        await transaction.CommitAsync();
        var after = await NextAsync(subscription, "day:2030-02-03");

        Assert.Empty(before!);
        Assert.Contains("day:2030-02-03", after);
        Assert.True(await ScalarAsync<long>("select version from live_versions where topic = 'calendar'") > calendar, "the calendar's version did not move");
    }

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing()
    {
        using var subscription = Hub.Subscribe(["day:2030-02-04"])!;
        await using var connection = await OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await ExecuteAsync(connection, "insert into days_off (date, reason) values ('2030-02-04', null)", transaction);
            await ExecuteAsync(connection, "select live_publish('day:2030-02-04')", transaction);
            await transaction.RollbackAsync();
        }

        Assert.Empty((await subscription.NextAsync(TimeSpan.FromSeconds(1), CancellationToken.None))!);
        Assert.Equal(0L, await ScalarAsync<long>("select count(*) from live_versions where topic = 'day:2030-02-04'"));
    }

    [Fact]
    public async Task When_the_server_drops_the_connection_streams_end_and_the_listener_comes_back()
    {
        using var before = Hub.Subscribe(["day:2030-03-01"])!;

        var dropped = await ScalarAsync<long>(
            $"select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity where application_name = '{LiveListener.ApplicationName}' and datname = current_database()) t");
        var ended = await before.NextAsync(Soon, CancellationToken.None);
        await WaitUntilAsync(() => Hub.IsListening);
        using var after = Hub.Subscribe(["day:2030-03-01"])!;
        await ScalarAsync<long>("select live_publish('day:2030-03-01')");

        Assert.Equal(1, dropped);
        Assert.Null(ended);
        Assert.Contains("day:2030-03-01", await NextAsync(after, "day:2030-03-01"));
    }

    [Fact]
    public async Task A_stream_that_falls_behind_is_told_to_resync_and_never_holds_up_the_publisher()
    {
        var hub = new LiveHub(Options.Create(new LiveOptions { StreamBuffer = 4 }));
        typeof(LiveHub).GetMethod("Connected", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.Invoke(hub, null);
        using var slow = hub.Subscribe(["day:2030-04-01"])!;

        for (var i = 0; i < 1000; i++)
        {
            hub.Publish("day:2030-04-01");
        }

        var topics = await slow.NextAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.Equal(["*", "day:2030-04-01"], topics!.Order());
    }

    [Fact]
    public async Task A_save_of_this_instance_is_told_to_its_hub_when_it_commits()
    {
        using var subscription = Hub.Subscribe(["day:2030-05-05"])!;
        await WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<Web.Platform.Data.ApplicationDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.DaysOff.Add(new Domain.Bookings.DayOff(new DateOnly(2030, 5, 5), null));
            await db.SaveChangesAsync();
            Assert.Empty((await subscription.NextAsync(Quiet, CancellationToken.None))!);
            await transaction.CommitAsync();
            return true;
        });

        Assert.Contains("day:2030-05-05", await NextAsync(subscription, "day:2030-05-05"));
    }

    private static async Task<IReadOnlySet<string>> NextAsync(LiveSubscription subscription, string expected)
    {
        var seen = new HashSet<string>();
        var deadline = DateTime.UtcNow + Soon;
        while (!seen.Contains(expected) && DateTime.UtcNow < deadline)
        {
            var topics = await subscription.NextAsync(deadline - DateTime.UtcNow, CancellationToken.None);
            Assert.NotNull(topics);
            seen.UnionWith(topics);
        }

        return seen;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Soon;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the listener did not connect");
            await Task.Delay(20);
        }
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlTransaction transaction)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }
}
