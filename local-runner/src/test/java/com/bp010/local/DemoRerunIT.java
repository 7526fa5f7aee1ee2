package com.bp010.local;

import com.bp010.db.Env;
import com.bp010.demo.DemoDataGenerator;
import com.bp010.demo.Fault;
import com.bp010.demo.GeneratorOptions;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user who reruns the demo an hour later: the second set, ending an hour later, is ingested into the same database
 * through the real handler. The hours both sets hold read the same, so nothing is revised; only the new hour lands.
 */
class DemoRerunIT {
    @TempDir
    Path dir;

    @Test
    void shouldReviseNothing_whenTheDemoDataIsIngestedAgainAnHourLater() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            Env env = Env.of(db.env());
            Handlers.prepare(env);
            // as the demo does, sets ending at recent hours: the landing keeps them (older readings leave it at once,
            // past the retention, and a second ingest could not be compared with the first)
            Instant end = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minusSeconds(2 * 3600);
            GeneratorOptions first = new GeneratorOptions(4, 2, end, 42, "DEMO", EnumSet.allOf(Fault.class), true,
                    true, ZoneOffset.UTC);
            GeneratorOptions later = new GeneratorOptions(4, 2, end.plusSeconds(3600), 42, "DEMO",
                    EnumSet.allOf(Fault.class), true, true, ZoneOffset.UTC);
            new DemoDataGenerator().generate(first, dir.resolve("first"));
            new DemoDataGenerator().generate(later, dir.resolve("later"));

            JsonNode one = Handlers.ingest(env, dir.resolve("first"));
            JsonNode two = Handlers.ingest(env, dir.resolve("later"));

            assertThat(one.path("rowsRevised").asLong()).as(one.toString()).isZero();
            assertThat(two.path("retentionDeleted").asLong()).as(two.toString()).isZero();
            assertThat(two.path("rowsRevised").asLong()).as(two.toString()).isZero();
            // the new hour's 65 tags of each well are new; every other reading a duplicate of the first ingest's
            long readings = 4L * 65 * 48;
            assertThat(two.path("rowsDuplicate").asLong()).as(two.toString()).isGreaterThanOrEqualTo(readings - 4 * 65);
            assertThat(db.count("SELECT count(*) FROM stage.landing_revisions")).isZero();
        }
    }
}
