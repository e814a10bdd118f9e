using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Tests.Platform.Data;

/// <summary>The migration that gives the outbox its channel keeps what was queued before it.</summary>
public sealed class NoticeChannelMigrationTests : IAsyncLifetime
{
    private const string BeforeChannels = "20261123122739_OutboxAndCampaigns";

    private readonly string _database = "sb_mig_" + Guid.NewGuid().ToString("N")[..12];

    private string ConnectionString => TestDatabase.ConnectionString(_database);

    public async Task InitializeAsync() => await ServerAsync($"CREATE DATABASE {_database}");

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ServerAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    private static async Task ServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private ApplicationDbContext Context()
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        ApplicationDbContext.Configure(options, ConnectionString);
        return new ApplicationDbContext(options.Options);
    }

    [Fact]
    public async Task Emails_queued_before_the_migration_are_email_notices_to_the_same_address_afterwards_and_still_deduplicated()
    {
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeChannels);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO outbox_messages (kind, dedup_key, "to", to_name, subject, html_body, text_body, headers, status, attempts, next_attempt_at, created_at)
                VALUES ('BookingReminder', 'BookingReminder:7', 'ivan@example.ru', 'Иван Петров', 'Напоминание', '<p>Завтра</p>', 'Завтра', '{{}}', 'Failed', 8, now(), now())
                """);
        }

        await using (var db = Context())
        {
            await db.Database.MigrateAsync();
            var kept = await db.Outbox.AsNoTracking().SingleAsync();

            Assert.Equal(
                (NoticeChannel.Email, "ivan@example.ru", "Иван Петров", NoticeKind.BookingReminder, OutboxStatus.Failed, 8, "Завтра"),
                (kept.Channel, kept.Recipient, kept.RecipientName, kept.Kind, kept.Status, kept.Attempts, kept.TextBody));
            Assert.Equal("ivan@example.ru", kept.ToEmail().To);
            var writer = new OutboxWriter(db, TimeProvider.System);
            var again = await writer.EnqueueManyAsync(
                [new OutboxEntry(kept.ToEmail(), NoticeKind.BookingReminder, "BookingReminder:7")], CancellationToken.None);
            Assert.Equal(0, again);
        }
    }
}
