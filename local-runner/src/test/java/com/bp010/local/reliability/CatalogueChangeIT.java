package com.bp010.local.reliability;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static com.bp010.local.reliability.CatalogueFixture.MASTER;
import static com.bp010.local.reliability.CatalogueFixture.assertSameTables;
import static com.bp010.local.reliability.CatalogueFixture.catalogue;
import static com.bp010.local.reliability.CatalogueFixture.load;
import static com.bp010.local.reliability.CatalogueFixture.readings;
import static com.bp010.local.reliability.CatalogueFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reference-catalogue load between two incremental runs (docs/AGGREGATION.md, "Incremental runs", marks): the
 * second incremental run must leave what a full recomputation of the same window leaves after the same loads and
 * readings (the same history: a rule deactivated since keeps the counts it made, both sides). Without a mark, the days
 * the second run had no new reading kept the verdicts, counts and targets of the old catalogue. A reload of an
 * unchanged catalogue must rewrite nothing and mark nothing.
 */
class CatalogueChangeIT {
    private static final String FIRST_AS_OF = "2026-05-02T19:00:00Z";
    private static final String SECOND_AS_OF = "2026-05-02T20:00:00Z";

    /** What every test starts from, built once: the first run of each side; each test works on copies. */
    private static TestDatabase incrementalFirstRun;
    private static TestDatabase fullFirstRun;

    /**
     * Loads the repository's catalogue in two databases, readings of two days, a run each (incremental, full window).
     */
    @BeforeAll
    static void firstRuns() {
        incrementalFirstRun = TestDatabase.migrated();
        fullFirstRun = TestDatabase.migrated();
        for (TestDatabase db : new TestDatabase[] {incrementalFirstRun, fullFirstRun}) {
            load(db, null);
            db.execute(MASTER);
            db.execute(readings("2026-05-01T00:00:00Z", "2026-05-02T18:40:00Z"));
        }
        run(incrementalFirstRun, "{\"asOf\":\"" + FIRST_AS_OF + "\"}");
        run(fullFirstRun, fullWindow(FIRST_AS_OF));
    }

    @AfterAll
    static void dropFirstRuns() {
        for (TestDatabase db : new TestDatabase[] {incrementalFirstRun, fullFirstRun}) {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void shouldLeaveWhatAFullRunLeaves_whenARulesRangeChanges(@TempDir Path tmp) throws IOException {
        // oil rates of 50 pass DQ-013's range before the load and fail it after
        incrementalEqualsFull(catalogue(tmp, Map.of("DQ-013,",
                "DQ-013,oil_rate,REPRESENTATIVIDAD,0-45,,,HIGH,Caudal de petróleo físicamente posible")), true);
    }

    @Test
    void shouldLeaveWhatAFullRunLeaves_whenARuleIsAdded(@TempDir Path tmp) throws IOException {
        incrementalEqualsFull(catalogue(tmp, Map.of("DQ-099,",
                "DQ-099,water_rate,REPRESENTATIVIDAD,0-60,,,LOW,Caudal de agua de prueba")), true);
    }

    @Test
    void shouldLeaveWhatAFullRunLeaves_whenARuleIsDeactivated(@TempDir Path tmp) throws IOException {
        // left out of the file: it has verdicts, so the loader deactivates it
        incrementalEqualsFull(catalogue(tmp, Map.of("DQ-013,", "")), true);
    }

    @Test
    void shouldLeaveWhatAFullRunLeaves_whenATargetChanges(@TempDir Path tmp) throws IOException {
        // oil_rate's target (52): the daily facts' variance against target (reporting.dim_pozo.target_oil_rate)
        incrementalEqualsFull(catalogue(tmp, Map.of(), Map.of("\"target\": 52,", "\"target\": 60,")), true);
    }

    @Test
    void shouldRewriteAndMarkNothing_whenTheSameCatalogueIsLoadedAgain() {
        incrementalEqualsFull(null, false);
    }

    /**
     * On copies of the two first runs ({@link #firstRuns()}): the catalogue in {@code changed} (null: the same again),
     * an hour of readings, and a run each again.
     */
    private static void incrementalEqualsFull(Path changed, boolean marks) {
        try (TestDatabase incremental = incrementalFirstRun.copy(); TestDatabase full = fullFirstRun.copy()) {
            String limitsWritten = "SELECT string_agg(limite_id || ' ' || updated_at, ',' ORDER BY limite_id)"
                    + " FROM referencial.tbl_limites_pozo";
            Object before = incremental.queryValue(limitsWritten);
            assertThat(incremental.count("SELECT count(*) FROM reporting.recalculo_pendiente")).isZero();

            load(incremental, changed);
            load(full, changed);
            if (marks) {
                assertThat(incremental.count("SELECT count(*) FROM reporting.recalculo_pendiente"
                        + " WHERE well_id IS NULL AND dia_desde <= '2026-05-01' AND dia_hasta >= '2026-05-02'"))
                        .as("the load marked every well's reading days").isEqualTo(1);
            } else {
                assertThat(incremental.queryValue(limitsWritten)).as("limit rows rewritten by an unchanged load")
                        .isEqualTo(before);
                assertThat(incremental.count("SELECT count(*) FROM reporting.recalculo_pendiente"))
                        .as("recomputation marks of an unchanged load").isZero();
                assertThat(incremental.count("SELECT count(*) FROM reporting.dimensiones_pendientes"))
                        .as("dimension marks of an unchanged load").isZero();
                run(incremental, "{\"asOf\":\"" + SECOND_AS_OF + "\"}", "NOTHING_TO_DO");
            }

            for (TestDatabase db : new TestDatabase[] {incremental, full}) {
                db.execute(readings("2026-05-02T19:00:00Z", "2026-05-02T19:40:00Z"));
            }
            run(incremental, "{\"asOf\":\"" + SECOND_AS_OF + "\"}");
            run(full, fullWindow(SECOND_AS_OF));
            assertSameTables(full, incremental, "incremental runs around the load against full ones");
            assertThat(incremental.count("SELECT count(*) FROM reporting.recalculo_pendiente"))
                    .as("marks left after the run that took them").isZero();
        }
    }

    private static String fullWindow(String asOf) {
        return "{\"fechaInicio\":\"2026-04-30\",\"fechaFin\":\"2026-05-02\",\"asOf\":\"" + asOf + "\"}";
    }
}
