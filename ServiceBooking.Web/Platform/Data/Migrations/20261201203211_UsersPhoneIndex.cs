using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceBooking.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class UsersPhoneIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_users_phone_number",
                table: "users",
                column: "phone_number");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_users_phone_number",
                table: "users");
        }
    }
}
