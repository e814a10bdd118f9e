using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ServiceBooking.Web.Platform.Data.Migrations
{
    /// <summary>
    /// Work orders, part 1 (issue 13): orders with their stage submissions (options and expense lines as jsonb inside
    /// them), mechanics' shifts, the client blacklist and the workshop's staff roles. The rules that must hold under
    /// concurrency are partial unique indexes: one active order per mechanic, one order per booking, one waiting
    /// submission per order, one open shift per mechanic, one standing blacklist entry per account and per phone.
    /// </summary>
    /// <remarks>
    /// <c>work_order_numbers</c> (written by hand, not part of the EF model) holds the last number of each year. Opening an
    /// order takes the next one with <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c> in the order's transaction: the
    /// row stays locked until the commit, so concurrent orders get consecutive numbers, and a rolled-back order gives
    /// its number back (no gaps). Orders of one year queue on that row for the milliseconds of their insert.
    /// </remarks>
    public partial class WorkOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE work_order_numbers (
                    year integer PRIMARY KEY,
                    last integer NOT NULL CHECK (last BETWEEN 1 AND 99999)
                );
                """);

            migrationBuilder.CreateTable(
                name: "blacklist_entries",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    client_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    added_by_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lifted_by_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    lifted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_blacklist_entries", x => x.id);
                    table.CheckConstraint("ck_blacklist_entries_someone", "client_id IS NOT NULL OR phone IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_blacklist_entries_users_added_by_id",
                        column: x => x.added_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_blacklist_entries_users_client_id",
                        column: x => x.client_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_blacklist_entries_users_lifted_by_id",
                        column: x => x.lifted_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "shifts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    mechanic_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    checked_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shifts", x => x.id);
                    table.ForeignKey(
                        name: "fk_shifts_users_mechanic_id",
                        column: x => x.mechanic_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_orders",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    client_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    client_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    car_id = table.Column<int>(type: "integer", nullable: true),
                    booking_id = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    mechanic_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    shop_priority = table.Column<int>(type: "integer", nullable: false),
                    shop_mechanic_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    shop_claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    shop_sum = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    shop_filed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    arrival_mileage = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_orders", x => x.id);
                    table.CheckConstraint("ck_work_orders_priority", "shop_priority BETWEEN 1 AND 10");
                    table.ForeignKey(
                        name: "fk_work_orders_bookings_booking_id",
                        column: x => x.booking_id,
                        principalTable: "bookings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_orders_cars_car_id",
                        column: x => x.car_id,
                        principalTable: "cars",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_orders_users_client_id",
                        column: x => x.client_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_orders_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_orders_users_mechanic_id",
                        column: x => x.mechanic_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_orders_users_shop_mechanic_id",
                        column: x => x.shop_mechanic_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stage_submissions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    work_order_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    submitted_by_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    options = table.Column<string>(type: "jsonb", nullable: false),
                    agreed_sum = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    refusal_sum = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    refusal_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    prepayment = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    photo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    problem = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    expenses = table.Column<string>(type: "jsonb", nullable: false),
                    total_received = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    net_sum = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    contract_photo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stage_submissions", x => x.id);
                    table.ForeignKey(
                        name: "fk_stage_submissions_users_decided_by_id",
                        column: x => x.decided_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stage_submissions_users_submitted_by_id",
                        column: x => x.submitted_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stage_submissions_work_orders_work_order_id",
                        column: x => x.work_order_id,
                        principalTable: "work_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "roles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[,]
                {
                    { "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0004", "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0004", "Supervisor", "SUPERVISOR" },
                    { "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0005", "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0005", "Mechanic", "MECHANIC" },
                    { "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0006", "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0006", "ShopMechanic", "SHOPMECHANIC" },
                    { "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0007", "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0007", "Operator", "OPERATOR" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_blacklist_entries_added_by_id",
                table: "blacklist_entries",
                column: "added_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_blacklist_entries_lifted_by_id",
                table: "blacklist_entries",
                column: "lifted_by_id");

            migrationBuilder.CreateIndex(
                name: "ux_blacklist_entries_client_active",
                table: "blacklist_entries",
                column: "client_id",
                unique: true,
                filter: "lifted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_blacklist_entries_phone_active",
                table: "blacklist_entries",
                column: "phone",
                unique: true,
                filter: "lifted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_shifts_checked_in",
                table: "shifts",
                column: "checked_in_at");

            migrationBuilder.CreateIndex(
                name: "ix_shifts_mechanic_checked_in",
                table: "shifts",
                columns: new[] { "mechanic_id", "checked_in_at" });

            migrationBuilder.CreateIndex(
                name: "ux_shifts_mechanic_open",
                table: "shifts",
                column: "mechanic_id",
                unique: true,
                filter: "checked_out_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_stage_submissions_decided_by_id",
                table: "stage_submissions",
                column: "decided_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_stage_submissions_submitted_by_id",
                table: "stage_submissions",
                column: "submitted_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_stage_submissions_work_order_id",
                table: "stage_submissions",
                column: "work_order_id");

            migrationBuilder.CreateIndex(
                name: "ux_stage_submissions_pending",
                table: "stage_submissions",
                column: "work_order_id",
                unique: true,
                filter: "state = 'Submitted'");

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_car_id",
                table: "work_orders",
                column: "car_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_client_id",
                table: "work_orders",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_created",
                table: "work_orders",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_created_by_id",
                table: "work_orders",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_mechanic_created",
                table: "work_orders",
                columns: new[] { "mechanic_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_shop_mechanic_id",
                table: "work_orders",
                column: "shop_mechanic_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_status_created",
                table: "work_orders",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ux_work_orders_booking",
                table: "work_orders",
                column: "booking_id",
                unique: true,
                filter: "booking_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_work_orders_mechanic_active",
                table: "work_orders",
                column: "mechanic_id",
                unique: true,
                filter: "status IN ('Assigned', 'InProgress')");

            migrationBuilder.CreateIndex(
                name: "ux_work_orders_number",
                table: "work_orders",
                column: "number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE work_order_numbers;");

            migrationBuilder.DropTable(
                name: "blacklist_entries");

            migrationBuilder.DropTable(
                name: "shifts");

            migrationBuilder.DropTable(
                name: "stage_submissions");

            migrationBuilder.DropTable(
                name: "work_orders");

            migrationBuilder.DeleteData(
                table: "roles",
                keyColumn: "id",
                keyValue: "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0004");

            migrationBuilder.DeleteData(
                table: "roles",
                keyColumn: "id",
                keyValue: "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0005");

            migrationBuilder.DeleteData(
                table: "roles",
                keyColumn: "id",
                keyValue: "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0006");

            migrationBuilder.DeleteData(
                table: "roles",
                keyColumn: "id",
                keyValue: "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0007");
        }
    }
}
