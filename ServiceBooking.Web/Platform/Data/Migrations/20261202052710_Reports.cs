using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServiceBooking.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "quote_norm_hours",
                table: "bookings",
                type: "numeric(6,2)",
                precision: 6,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            // The hours each booked visit's labour was priced for, as BookedQuote.From takes them from a quote: the
            // work's norm-hours times the car model's coefficient. For the bookings made before this column, the
            // catalog's values as they are now are the best record there is.
            migrationBuilder.Sql("""
                UPDATE bookings b SET quote_norm_hours = round(rt.norm_hours * cm.coefficient, 2)
                FROM repair_types rt, cars c, car_models cm
                WHERE rt.id = b.repair_type_id AND c.id = b.car_id AND cm.id = c.model_id;
                """);

            migrationBuilder.CreateTable(
                name: "stored_reports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    from_day = table.Column<DateOnly>(type: "date", nullable: false),
                    to_day = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    size = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stored_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_stored_reports_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_closed",
                table: "work_orders",
                column: "closed_at",
                filter: "closed_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_pickup_requests_completed",
                table: "pickup_requests",
                column: "completed_at",
                filter: "completed_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_pickup_requests_paid",
                table: "pickup_requests",
                column: "paid_at",
                filter: "paid_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_booked_at",
                table: "bookings",
                column: "booked_at");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_cancelled_at",
                table: "bookings",
                column: "cancelled_at",
                filter: "cancelled_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_stored_reports_created_by_id",
                table: "stored_reports",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_stored_reports_kind_created",
                table: "stored_reports",
                columns: new[] { "kind", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ux_stored_reports_daily_day",
                table: "stored_reports",
                column: "from_day",
                unique: true,
                filter: "kind = 'Daily'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stored_reports");

            migrationBuilder.DropIndex(
                name: "ix_work_orders_closed",
                table: "work_orders");

            migrationBuilder.DropIndex(
                name: "ix_pickup_requests_completed",
                table: "pickup_requests");

            migrationBuilder.DropIndex(
                name: "ix_pickup_requests_paid",
                table: "pickup_requests");

            migrationBuilder.DropIndex(
                name: "ix_bookings_booked_at",
                table: "bookings");

            migrationBuilder.DropIndex(
                name: "ix_bookings_cancelled_at",
                table: "bookings");

            migrationBuilder.DropColumn(
                name: "quote_norm_hours",
                table: "bookings");
        }
    }
}
