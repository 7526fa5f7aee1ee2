package com.bp010.referencial;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule types the loader writes are exactly those the table's CHECK admits (V3), no more, no fewer. */
class DqRuleTypeIT {
    @Test
    void shouldNameTheSameRuleTypes_whenJavaAndTheTableCheckAreCompared() {
        try (TestDatabase db = TestDatabase.migrated()) {
            assertThat(db.checkValues("referencial.tbl_dq_rules", "tipo")).containsExactlyInAnyOrderElementsOf(DqRuleType.names());
        }
    }
}
