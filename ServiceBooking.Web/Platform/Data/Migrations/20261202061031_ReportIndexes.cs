using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceBooking.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_work_orders_open_assigned",
                table: "work_orders",
                column: "assigned_at",
                filter: "closed_at IS NULL");

            // The reports' visits (bookings by day, by advisor and by repair type, with their quotes) read from the index
            // alone. Raw SQL: the quote is an owned type, whose column EF cannot name in the owner's index.
            migrationBuilder.Sql("CREATE INDEX ix_bookings_visits_report ON bookings (date) INCLUDE (advisor_id, repair_type_id, quote_total, id) WHERE status = 'Active';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_bookings_visits_report;");

            migrationBuilder.DropIndex(
                name: "ix_work_orders_open_assigned",
                table: "work_orders");
        }
    }
}
