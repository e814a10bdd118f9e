using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ServiceBooking.Web.Platform.Data;

#nullable disable

namespace ServiceBooking.Web.Data.Migrations
{
    /// <summary>
    /// The lists' topics (<c>pickups</c>, <c>orders</c>) are only notified, no longer versioned. <c>live_publish</c>
    /// upserts the topic's one row of <c>live_versions</c>, which stays locked until the transaction ends, so every
    /// transaction touching any request, driver or order waited for the one before it to commit (bench/RESULTS.md, the
    /// pick-up burst). Nothing reads those two versions (the lists' streams send a bare <c>changed</c>; only days and the
    /// calendar are versioned for their grids), and the listener needs only the notification, which PostgreSQL still
    /// sends once per topic and transaction, at commit. Written by hand: functions only.
    /// </summary>
    [DbContext(typeof(ApplicationDbContext))]
    [Migration("20261202020000_LiveListsNotifyOnly")]
    public partial class LiveListsNotifyOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Functions("PERFORM pg_notify('live', 'pickups')", "PERFORM pg_notify('live', 'orders')"));
            migrationBuilder.Sql("DELETE FROM live_versions WHERE topic IN ('pickups', 'orders');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Functions("PERFORM live_publish('pickups')", "PERFORM live_publish('orders')"));
        }

        private static string Functions(string pickups, string orders) => $$"""
            CREATE OR REPLACE FUNCTION live_pickups_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                {{pickups}};
                RETURN NULL;
            END $$;

            CREATE OR REPLACE FUNCTION live_orders_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    PERFORM live_publish('order:' || id) FROM (SELECT DISTINCT id FROM new_rows ORDER BY 1) orders;
                ELSIF TG_OP = 'UPDATE' THEN
                    PERFORM live_publish('order:' || id) FROM (SELECT id FROM old_rows UNION SELECT id FROM new_rows ORDER BY 1) orders;
                ELSIF TG_OP = 'DELETE' THEN
                    PERFORM live_publish('order:' || id) FROM (SELECT DISTINCT id FROM old_rows ORDER BY 1) orders;
                END IF;
                {{orders}};
                RETURN NULL;
            END $$;

            CREATE OR REPLACE FUNCTION live_submissions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    PERFORM live_publish('order:' || id) FROM (SELECT DISTINCT work_order_id AS id FROM new_rows ORDER BY 1) orders;
                ELSIF TG_OP = 'UPDATE' THEN
                    PERFORM live_publish('order:' || id)
                    FROM (SELECT work_order_id AS id FROM old_rows UNION SELECT work_order_id FROM new_rows ORDER BY 1) orders;
                ELSIF TG_OP = 'DELETE' THEN
                    PERFORM live_publish('order:' || id) FROM (SELECT DISTINCT work_order_id AS id FROM old_rows ORDER BY 1) orders;
                ELSE
                    {{orders}};
                END IF;
                RETURN NULL;
            END $$;
            """;
    }
}
