package com.bp010.local.reliability;

import com.bp010.testsupport.TestDatabase;
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
 * A DQ rule switched between a reading rule and a well-master rule by a catalogue load (docs/AGGREGATION.md,
 * "Incremental runs", marks): the next incremental run must leave what one full recomputation of the same readings
 * under the new catalogue leaves, on a fresh database. Without the load's mark, the days that run did not touch kept
 * the old reading rule's hourly and daily counts (and its failures), and lacked the new reading rule's. The limits and
 * reporting.dim_pozo are compared too: a second load of the same limits rewrites nothing ({@link CatalogueChangeIT}).
 */
class RuleTypeChangeIT {
    @Test
    void shouldLeaveWhatAFullRunLeaves_whenACatalogueLoadSwitchesRulesBetweenReadingAndMaster(@TempDir Path tmp)
            throws IOException {
        // DQ-013 (oil_rate, a reading rule) becomes a well-master rule on api_gravity; DQ-033 (api_gravity, master)
        // becomes a reading rule on oil_rate
        Path changed = catalogue(tmp.resolve("config"), Map.of(
                "DQ-013,", "DQ-013,api_gravity,MAESTRA,10-50,,,HIGH,Gravedad API entre 10 y 50",
                "DQ-033,", "DQ-033,oil_rate,REPRESENTATIVIDAD,0-5000,,,MEDIUM,Caudal de petróleo físicamente posible"));
        try (TestDatabase incremental = TestDatabase.migrated(); TestDatabase fresh = TestDatabase.migrated()) {
            load(incremental, null);
            incremental.execute(MASTER);
            incremental.execute(readings("2026-05-01T00:00:00Z", "2026-05-02T18:40:00Z"));
            run(incremental, "{\"asOf\":\"2026-05-02T19:00:00Z\"}");
            assertThat(incremental.count("SELECT count(*) FROM reporting.fact_dq_diaria"
                    + " WHERE rule_id = 'DQ-013' AND fecha = '2026-05-01' AND failed > 0"))
                    .as("the reading rule counted failures on the first day").isPositive();

            load(incremental, changed);
            incremental.execute(readings("2026-05-02T19:00:00Z", "2026-05-02T19:40:00Z"));
            run(incremental, "{\"asOf\":\"2026-05-02T20:00:00Z\"}");

            load(fresh, changed);
            fresh.execute(MASTER);
            fresh.execute(readings("2026-05-01T00:00:00Z", "2026-05-02T19:40:00Z"));
            run(fresh, "{\"fechaInicio\":\"2026-04-30\",\"fechaFin\":\"2026-05-02\",\"asOf\":\"2026-05-02T20:00:00Z\"}");

            assertSameTables(fresh, incremental, "the incremental run after the catalogue load against one full run");
            assertThat(incremental.count("SELECT count(*) FROM reporting.fact_dq_diaria WHERE rule_id = 'DQ-033'"
                    + " AND fecha = '2026-05-01' AND evaluated = 72"))
                    .as("the new reading rule counted on the day the last run had no new reading").isEqualTo(2);
        }
    }
}
