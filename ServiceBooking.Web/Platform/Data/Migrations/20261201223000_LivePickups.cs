using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ServiceBooking.Web.Platform.Data;

#nullable disable

namespace ServiceBooking.Web.Data.Migrations
{
    /// <summary>
    /// Live pick-ups (Platform/Live, like <see cref="LiveOrders"/>): every committed change to a request or to a driver's
    /// profile (which changes why a request waits) publishes <c>pickups</c>, the desk's table and the drivers' pages.
    /// Written by hand: triggers only, not part of the EF model, so the snapshot is untouched. Per statement, so a
    /// statement that changes many rows publishes once.
    /// </summary>
    [DbContext(typeof(ApplicationDbContext))]
    [Migration("20261201223000_LivePickups")]
    public partial class LivePickups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION live_pickups_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM live_publish('pickups');
                    RETURN NULL;
                END $$;

                CREATE TRIGGER live_pickup_requests_change AFTER INSERT OR UPDATE OR DELETE ON pickup_requests
                    FOR EACH STATEMENT EXECUTE FUNCTION live_pickups_changed();
                CREATE TRIGGER live_pickup_requests_truncate AFTER TRUNCATE ON pickup_requests
                    FOR EACH STATEMENT EXECUTE FUNCTION live_pickups_changed();
                CREATE TRIGGER live_drivers_change AFTER INSERT OR UPDATE OR DELETE ON drivers
                    FOR EACH STATEMENT EXECUTE FUNCTION live_pickups_changed();
                CREATE TRIGGER live_drivers_truncate AFTER TRUNCATE ON drivers
                    FOR EACH STATEMENT EXECUTE FUNCTION live_pickups_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER live_drivers_truncate ON drivers;
                DROP TRIGGER live_drivers_change ON drivers;
                DROP TRIGGER live_pickup_requests_truncate ON pickup_requests;
                DROP TRIGGER live_pickup_requests_change ON pickup_requests;
                DROP FUNCTION live_pickups_changed();
                """);
        }
    }
}
