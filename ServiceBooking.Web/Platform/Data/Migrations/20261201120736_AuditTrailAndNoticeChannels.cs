using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServiceBooking.Web.Platform.Data.Migrations
{
    /// <summary>
    /// The audit trail (append-only: triggers refuse UPDATE, DELETE and TRUNCATE, for every database user, owner and
    /// superuser included, unless one disables them on purpose), and the outbox's channel and recipient: existing rows
    /// are email notices, their address becomes the recipient.
    /// </summary>
    public partial class AuditTrailAndNoticeChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_outbox_dedup_key",
                table: "outbox_messages");

            migrationBuilder.RenameColumn(
                name: "to_name",
                table: "outbox_messages",
                newName: "recipient_name");

            migrationBuilder.RenameColumn(
                name: "to",
                table: "outbox_messages",
                newName: "recipient");

            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "outbox_messages",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Email");

            // Every row there was an email; new rows say their channel themselves.
            migrationBuilder.Sql("ALTER TABLE outbox_messages ALTER COLUMN channel DROP DEFAULT;");

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actor_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    actor_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: false),
                    request_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ux_outbox_channel_dedup_key",
                table: "outbox_messages",
                columns: new[] { "channel", "dedup_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor",
                table: "audit_entries",
                columns: new[] { "actor_id", "at" },
                filter: "actor_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_type_at",
                table: "audit_entries",
                columns: new[] { "entity_type", "at" });

            // Statement triggers: an UPDATE or DELETE is refused even when it would touch no row, and TRUNCATE (which
            // fires no row triggers) is refused too.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_entries is append-only: % is not allowed', TG_OP
                        USING ERRCODE = 'insufficient_privilege',
                              HINT = 'Audit entries are only ever added; a correction is a new entry.';
                END;
                $$;
                CREATE TRIGGER audit_entries_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.Sql("DROP FUNCTION audit_entries_append_only();");

            migrationBuilder.DropIndex(
                name: "ux_outbox_channel_dedup_key",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "outbox_messages");

            migrationBuilder.RenameColumn(
                name: "recipient_name",
                table: "outbox_messages",
                newName: "to_name");

            migrationBuilder.RenameColumn(
                name: "recipient",
                table: "outbox_messages",
                newName: "to");

            migrationBuilder.CreateIndex(
                name: "ux_outbox_dedup_key",
                table: "outbox_messages",
                column: "dedup_key",
                unique: true);
        }
    }
}
