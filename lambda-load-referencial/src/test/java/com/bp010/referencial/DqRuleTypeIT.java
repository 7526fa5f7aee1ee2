package com.bp010.referencial;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule types the loader writes are exactly those the table's CHECK admits (V3), no more, no fewer. */
class DqRuleTypeIT {
    @Test
    void shouldNameTheSameRuleTypes_whenJavaAndTheTableCheckAreCompared() throws Exception {
        try (TestDatabase db = TestDatabase.migrated()) {
            String check = (String) db.queryValue("SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c "
                    + "WHERE c.conrelid = 'referencial.tbl_dq_rules'::regclass AND c.contype = 'c' "
                    + "AND pg_get_constraintdef(c.oid) LIKE '%tipo%'");
            List<String> allowed = new ArrayList<>();
            Matcher m = Pattern.compile("'([A-Z_]+)'").matcher(check);
            while (m.find()) {
                allowed.add(m.group(1));
            }

            assertThat(allowed).containsExactlyInAnyOrderElementsOf(DqRuleType.names());
        }
    }
}
