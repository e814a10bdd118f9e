using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServiceBooking.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Bookings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bookings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    start_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    advisor_id = table.Column<int>(type: "integer", nullable: false),
                    client_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    car_id = table.Column<int>(type: "integer", nullable: false),
                    repair_type_id = table.Column<int>(type: "integer", nullable: false),
                    quote_repair_type_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    quote_labour = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    quote_parts = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    quote_oil = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    quote_total = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    booked_by_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    booked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancelled_by_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancellation_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    cancelled_by_staff = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bookings", x => x.id);
                    table.CheckConstraint("ck_bookings_start_on_grid", "start_time >= time '08:00' and start_time <= time '19:30' and extract(minute from start_time) in (0, 30) and extract(second from start_time) = 0");
                    table.ForeignKey(
                        name: "fk_bookings_cars_car_id",
                        column: x => x.car_id,
                        principalTable: "cars",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bookings_repair_types_repair_type_id",
                        column: x => x.repair_type_id,
                        principalTable: "repair_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bookings_service_advisors_advisor_id",
                        column: x => x.advisor_id,
                        principalTable: "service_advisors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bookings_users_booked_by_id",
                        column: x => x.booked_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bookings_users_client_id",
                        column: x => x.client_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_booked_by_id",
                table: "bookings",
                column: "booked_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_car_id",
                table: "bookings",
                column: "car_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_date_advisor",
                table: "bookings",
                columns: new[] { "date", "advisor_id" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_repair_type_id",
                table: "bookings",
                column: "repair_type_id");

            migrationBuilder.CreateIndex(
                name: "ux_bookings_cell_active",
                table: "bookings",
                columns: new[] { "advisor_id", "date", "start_time" },
                unique: true,
                filter: "status = 'Active'");

            migrationBuilder.CreateIndex(
                name: "ux_bookings_client_day_active",
                table: "bookings",
                columns: new[] { "client_id", "date" },
                unique: true,
                filter: "status = 'Active'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bookings");
        }
    }
}
