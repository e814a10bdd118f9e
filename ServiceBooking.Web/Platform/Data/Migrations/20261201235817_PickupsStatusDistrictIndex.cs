using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceBooking.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PickupsStatusDistrictIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_pickup_requests_status_district",
                table: "pickup_requests",
                columns: new[] { "status", "district_id", "requested_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_pickup_requests_status_district",
                table: "pickup_requests");
        }
    }
}
