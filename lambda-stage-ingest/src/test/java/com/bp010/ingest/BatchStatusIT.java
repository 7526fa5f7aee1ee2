package com.bp010.ingest;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch statuses the ingest logs are exactly those stage.ingest_batches' CHECK admits. */
class BatchStatusIT {
    @Test
    void shouldNameTheSameStatuses_whenJavaAndTheTableCheckAreCompared() {
        try (TestDatabase db = TestDatabase.migrated()) {
            assertThat(db.checkValues("stage.ingest_batches", "status")).containsExactlyInAnyOrderElementsOf(
                    Arrays.stream(BatchStatus.values()).filter(BatchStatus::logged).map(Enum::name).toList());
        }
    }
}
