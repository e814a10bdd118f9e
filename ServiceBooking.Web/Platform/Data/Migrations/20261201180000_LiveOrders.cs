using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ServiceBooking.Web.Platform.Data;

#nullable disable

namespace ServiceBooking.Web.Data.Migrations
{
    /// <summary>
    /// Live work orders (Platform/Live, like <see cref="LivePages"/>): every committed change to an order or its stage
    /// submissions publishes <c>order:{id}</c> (the order's page), and every change to an order <c>orders</c> (the list).
    /// Written by hand like <c>LivePages</c>: triggers only, not part of the EF model, so the snapshot is untouched.
    /// </summary>
    /// <remarks>
    /// Per statement, with transition tables: an update of many orders publishes each order once, in order of id (so two
    /// statements lock their version rows in the same order), then the list once. A submission changes what its order's
    /// page shows but nothing of the list (the order's own row changes with it when its status does). A TRUNCATE cannot
    /// say which orders it emptied and publishes <c>orders</c> alone: only tests truncate.
    /// </remarks>
    [DbContext(typeof(ApplicationDbContext))]
    [Migration("20261201180000_LiveOrders")]
    public partial class LiveOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION live_orders_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM live_publish('order:' || id) FROM (SELECT DISTINCT id FROM new_rows ORDER BY 1) orders;
                    ELSIF TG_OP = 'UPDATE' THEN
                        PERFORM live_publish('order:' || id) FROM (SELECT id FROM old_rows UNION SELECT id FROM new_rows ORDER BY 1) orders;
                    ELSIF TG_OP = 'DELETE' THEN
                        PERFORM live_publish('order:' || id) FROM (SELECT DISTINCT id FROM old_rows ORDER BY 1) orders;
                    END IF;
                    PERFORM live_publish('orders');
                    RETURN NULL;
                END $$;

                CREATE FUNCTION live_submissions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM live_publish('order:' || id) FROM (SELECT DISTINCT work_order_id AS id FROM new_rows ORDER BY 1) orders;
                    ELSIF TG_OP = 'UPDATE' THEN
                        PERFORM live_publish('order:' || id)
                        FROM (SELECT work_order_id AS id FROM old_rows UNION SELECT work_order_id FROM new_rows ORDER BY 1) orders;
                    ELSIF TG_OP = 'DELETE' THEN
                        PERFORM live_publish('order:' || id) FROM (SELECT DISTINCT work_order_id AS id FROM old_rows ORDER BY 1) orders;
                    ELSE
                        PERFORM live_publish('orders');
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER live_work_orders_insert AFTER INSERT ON work_orders REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION live_orders_changed();
                CREATE TRIGGER live_work_orders_update AFTER UPDATE ON work_orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION live_orders_changed();
                CREATE TRIGGER live_work_orders_delete AFTER DELETE ON work_orders REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION live_orders_changed();
                CREATE TRIGGER live_work_orders_truncate AFTER TRUNCATE ON work_orders
                    FOR EACH STATEMENT EXECUTE FUNCTION live_orders_changed();

                CREATE TRIGGER live_stage_submissions_insert AFTER INSERT ON stage_submissions REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION live_submissions_changed();
                CREATE TRIGGER live_stage_submissions_update AFTER UPDATE ON stage_submissions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION live_submissions_changed();
                CREATE TRIGGER live_stage_submissions_delete AFTER DELETE ON stage_submissions REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION live_submissions_changed();
                CREATE TRIGGER live_stage_submissions_truncate AFTER TRUNCATE ON stage_submissions
                    FOR EACH STATEMENT EXECUTE FUNCTION live_submissions_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER live_stage_submissions_truncate ON stage_submissions;
                DROP TRIGGER live_stage_submissions_delete ON stage_submissions;
                DROP TRIGGER live_stage_submissions_update ON stage_submissions;
                DROP TRIGGER live_stage_submissions_insert ON stage_submissions;
                DROP TRIGGER live_work_orders_truncate ON work_orders;
                DROP TRIGGER live_work_orders_delete ON work_orders;
                DROP TRIGGER live_work_orders_update ON work_orders;
                DROP TRIGGER live_work_orders_insert ON work_orders;
                DROP FUNCTION live_submissions_changed();
                DROP FUNCTION live_orders_changed();
                """);
        }
    }
}
