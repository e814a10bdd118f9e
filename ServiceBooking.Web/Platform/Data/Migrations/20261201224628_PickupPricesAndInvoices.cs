using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceBooking.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PickupPricesAndInvoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "pickup_invoice_numbers");

            migrationBuilder.AddColumn<int>(
                name: "invoice_number",
                table: "pickup_requests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "price",
                table: "pickup_requests",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.InsertData(
                table: "roles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[] { "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0008", "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0008", "Driver", "DRIVER" });

            migrationBuilder.CreateIndex(
                name: "ix_pickup_requests_district_requested",
                table: "pickup_requests",
                columns: new[] { "district_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_pickup_requests_driver_completed",
                table: "pickup_requests",
                columns: new[] { "driver_id", "completed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_pickup_requests_requested",
                table: "pickup_requests",
                column: "requested_at");

            migrationBuilder.CreateIndex(
                name: "ix_pickup_requests_wished",
                table: "pickup_requests",
                columns: new[] { "wished_date", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ux_pickup_requests_invoice",
                table: "pickup_requests",
                column: "invoice_number",
                unique: true,
                filter: "invoice_number IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_pickup_requests_district_requested",
                table: "pickup_requests");

            migrationBuilder.DropIndex(
                name: "ix_pickup_requests_driver_completed",
                table: "pickup_requests");

            migrationBuilder.DropIndex(
                name: "ix_pickup_requests_requested",
                table: "pickup_requests");

            migrationBuilder.DropIndex(
                name: "ix_pickup_requests_wished",
                table: "pickup_requests");

            migrationBuilder.DropIndex(
                name: "ux_pickup_requests_invoice",
                table: "pickup_requests");

            migrationBuilder.DeleteData(
                table: "roles",
                keyColumn: "id",
                keyValue: "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0008");

            migrationBuilder.DropColumn(
                name: "invoice_number",
                table: "pickup_requests");

            migrationBuilder.DropColumn(
                name: "price",
                table: "pickup_requests");

            migrationBuilder.DropSequence(
                name: "pickup_invoice_numbers");
        }
    }
}
