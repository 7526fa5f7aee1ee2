package com.bp010.ingest;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch statuses the ingest logs are exactly those stage.ingest_batches' CHECK admits. */
class BatchStatusIT {
    @Test
    void shouldNameTheSameStatuses_whenJavaAndTheTableCheckAreCompared() throws Exception {
        try (TestDatabase db = TestDatabase.migrated()) {
            String check = (String) db.queryValue("SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c "
                    + "WHERE c.conrelid = 'stage.ingest_batches'::regclass AND c.contype = 'c' "
                    + "AND pg_get_constraintdef(c.oid) LIKE '%status%'");
            List<String> allowed = new ArrayList<>();
            Matcher m = Pattern.compile("'([A-Z_]+)'").matcher(check);
            while (m.find()) {
                allowed.add(m.group(1));
            }

            assertThat(allowed).containsExactlyInAnyOrderElementsOf(Arrays.stream(BatchStatus.values())
                    .filter(BatchStatus::logged).map(Enum::name).toList());
        }
    }
}
