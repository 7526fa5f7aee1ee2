package com.bp010.pipeline;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static com.bp010.pipeline.PipelineSqlFixture.connectAsPipeline;
import static com.bp010.pipeline.PipelineSqlFixture.update;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monthly partitions of the fact tables whose bounds do not depend on the session time zone: a database used under
 * UTC and then under Asia/Kolkata (UTC+05:30), or holding partitions created under another zone, never gets
 * overlapping partitions, and rows land in the monthly partitions, not in the default one.
 */
class FactPartitionsIT {
    private static final String OVERLAPS = """
            SELECT count(*) FROM reporting.fnc_fact_partition_bounds('reporting.fact_operaciones_horarias') a
              JOIN reporting.fnc_fact_partition_bounds('reporting.fact_operaciones_horarias') b
                ON a.particion <> b.particion AND a.desde::timestamptz < b.hasta::timestamptz
               AND b.desde::timestamptz < a.hasta::timestamptz""";

    private TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.migrated();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldBoundHourlyPartitionsInUtc_whenTheSessionZoneChangesFromUtcToKolkata() throws SQLException {
        try (Connection utc = connectAsPipeline(db, "UTC")) {
            update(utc, "SELECT reporting.fnc_ensure_fact_partitions('2026-03-15', '2026-03-15')");
        }
        try (Connection kolkata = connectAsPipeline(db, "Asia/Kolkata")) {
            update(kolkata, "SELECT reporting.fnc_ensure_fact_partitions('2026-04-10', '2026-04-10')");
            // 01:30 on 1 April in Kolkata is 20:00 on 31 March in UTC
            update(kolkata, "INSERT INTO reporting.fact_operaciones_horarias (well_id, fecha_hora, n_lecturas)"
                    + " VALUES ('P-1', '2026-04-01 01:30:00', 1), ('P-1', '2026-04-01 06:30:00', 1)");
        }

        assertThat(db.count(OVERLAPS)).isZero();
        assertThat(db.queryValue("SELECT (desde::timestamptz AT TIME ZONE 'UTC')::text FROM reporting.fnc_fact_partition_bounds("
                + "'reporting.fact_operaciones_horarias') WHERE particion::text LIKE '%y2026m04'").toString())
                .isEqualTo("2026-04-01 00:00:00");
        assertThat(db.count("SELECT count(*) FROM reporting.fact_operaciones_horarias_default")).isZero();
        assertThat(db.queryValue("SELECT string_agg(tableoid::regclass::text, ' ' ORDER BY fecha_hora)"
                + " FROM reporting.fact_operaciones_horarias"))
                .isEqualTo("reporting.fact_operaciones_horarias_y2026m03 reporting.fact_operaciones_horarias_y2026m04");
    }

    @Test
    void shouldStartWhereALegacyPartitionEnds_whenOneWasCreatedUnderBogotaMidnights() throws SQLException {
        // what the old code made under America/Bogota: May from local midnight to local midnight (05:00 UTC)
        db.execute("CREATE TABLE reporting.fact_operaciones_horarias_y2026m05 PARTITION OF"
                + " reporting.fact_operaciones_horarias FOR VALUES FROM ('2026-05-01 05:00:00+00') TO"
                + " ('2026-06-01 05:00:00+00')");
        try (Connection utc = connectAsPipeline(db, "UTC")) {
            update(utc, "SELECT reporting.fnc_ensure_fact_partitions('2026-04-20', '2026-06-10')");
        }

        assertThat(db.count(OVERLAPS)).isZero();
        assertThat(db.queryValue("SELECT string_agg((desde::timestamptz AT TIME ZONE 'UTC') || ' .. '"
                + " || (hasta::timestamptz AT TIME ZONE 'UTC'), ' | ' ORDER BY desde::timestamptz)"
                + " FROM reporting.fnc_fact_partition_bounds('reporting.fact_operaciones_horarias')"))
                .isEqualTo("2026-04-01 00:00:00 .. 2026-05-01 00:00:00 | 2026-05-01 05:00:00 .. 2026-06-01 05:00:00"
                        + " | 2026-06-01 05:00:00 .. 2026-07-01 00:00:00");
    }
}
