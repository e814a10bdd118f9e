using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ServiceBooking.Web.Platform.Data;

#nullable disable

namespace ServiceBooking.Web.Data.Migrations
{
    /// <summary>
    /// Live pages (Platform/Live): every committed change to what a grid shows publishes a notification on channel
    /// <c>live</c> and bumps a version per topic, whoever wrote it (the site, a job, psql). Written by hand: the table and
    /// functions are SQL only and not part of the EF model, so the model snapshot is untouched.
    /// </summary>
    /// <remarks>
    /// <para><c>live_publish(topic)</c> gives the topic a new version from one sequence (so versions only grow, even
    /// when a row of <c>live_versions</c> is deleted) and calls <c>pg_notify('live', topic)</c>. PostgreSQL delivers a
    /// notification only when the transaction commits, and drops it on rollback; identical notifications of one
    /// transaction arrive once.</para>
    /// <para>The triggers are per statement, with transition tables, so a bulk insert of a year of bookings publishes
    /// once per day it touches, not once per row. Topics: <c>day:YYYY-MM-DD</c> for a day's bookings and its day off;
    /// <c>calendar</c> for the working calendar (advisors, days off) that every grid shows, and for a TRUNCATE.</para>
    /// <para>The version row of a day is updated by the booking's own statement and stays locked until that
    /// transaction ends, so bookings of one day commit one after another; a booking's transaction is a few
    /// milliseconds, and they already queue on the unique indexes of the day's cells.</para>
    /// </remarks>
    [DbContext(typeof(ApplicationDbContext))]
    [Migration("20261201130000_LivePages")]
    public partial class LivePages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE SEQUENCE live_version_seq;

                CREATE TABLE live_versions (
                    topic text PRIMARY KEY,
                    version bigint NOT NULL
                );

                CREATE FUNCTION live_publish(p_topic text) RETURNS bigint LANGUAGE plpgsql AS $$
                DECLARE
                    v bigint;
                BEGIN
                    INSERT INTO live_versions AS lv (topic, version) VALUES (p_topic, nextval('live_version_seq'))
                    ON CONFLICT (topic) DO UPDATE SET version = excluded.version
                    RETURNING lv.version INTO v;
                    PERFORM pg_notify('live', p_topic);
                    RETURN v;
                END $$;

                -- The days a statement touched (both the old and the new date of an update), in order, so that two
                -- statements publishing the same days lock their version rows in the same order.
                CREATE FUNCTION live_days_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM live_publish('day:' || to_char(d, 'YYYY-MM-DD')) FROM (SELECT DISTINCT date AS d FROM new_rows ORDER BY 1) days;
                    ELSIF TG_OP = 'UPDATE' THEN
                        PERFORM live_publish('day:' || to_char(d, 'YYYY-MM-DD'))
                        FROM (SELECT date AS d FROM old_rows UNION SELECT date FROM new_rows ORDER BY 1) days;
                    ELSE
                        PERFORM live_publish('day:' || to_char(d, 'YYYY-MM-DD')) FROM (SELECT DISTINCT date AS d FROM old_rows ORDER BY 1) days;
                    END IF;
                    IF TG_TABLE_NAME = 'days_off' THEN
                        PERFORM live_publish('calendar');
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION live_calendar_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM live_publish('calendar');
                    RETURN NULL;
                END $$;

                CREATE TRIGGER live_bookings_insert AFTER INSERT ON bookings REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION live_days_changed();
                CREATE TRIGGER live_bookings_update AFTER UPDATE ON bookings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION live_days_changed();
                CREATE TRIGGER live_bookings_delete AFTER DELETE ON bookings REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION live_days_changed();
                CREATE TRIGGER live_bookings_truncate AFTER TRUNCATE ON bookings
                    FOR EACH STATEMENT EXECUTE FUNCTION live_calendar_changed();

                CREATE TRIGGER live_days_off_insert AFTER INSERT ON days_off REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION live_days_changed();
                CREATE TRIGGER live_days_off_update AFTER UPDATE ON days_off REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION live_days_changed();
                CREATE TRIGGER live_days_off_delete AFTER DELETE ON days_off REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION live_days_changed();
                CREATE TRIGGER live_days_off_truncate AFTER TRUNCATE ON days_off
                    FOR EACH STATEMENT EXECUTE FUNCTION live_calendar_changed();

                CREATE TRIGGER live_service_advisors AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_advisors
                    FOR EACH STATEMENT EXECUTE FUNCTION live_calendar_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER live_service_advisors ON service_advisors;
                DROP TRIGGER live_days_off_truncate ON days_off;
                DROP TRIGGER live_days_off_delete ON days_off;
                DROP TRIGGER live_days_off_update ON days_off;
                DROP TRIGGER live_days_off_insert ON days_off;
                DROP TRIGGER live_bookings_truncate ON bookings;
                DROP TRIGGER live_bookings_delete ON bookings;
                DROP TRIGGER live_bookings_update ON bookings;
                DROP TRIGGER live_bookings_insert ON bookings;
                DROP FUNCTION live_calendar_changed();
                DROP FUNCTION live_days_changed();
                DROP FUNCTION live_publish(text);
                DROP TABLE live_versions;
                DROP SEQUENCE live_version_seq;
                """);
        }
    }
}
