package com.bp010.local;

import com.bp010.db.migration.SchemaMigrator;
import com.bp010.testsupport.RepoPaths;
import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V20 turns reporting.fact_dq_diaria into a view over the hourly DQ counts plus reporting.fact_dq_diaria_base: a
 * database counted under V19 keeps every daily row and number. Built at V19 with rows of each kind the V19 engine
 * left: days counted by the hour (daily rows equal to the sum of their hours), a day counted before hourly counts
 * were kept, a well-master rule, a rule deactivated after its day was recounted, and a day whose daily row holds more
 * than its hours (a rule deactivated and active again).
 */
class DqDailyMigrationIT {
    private static final String DAILY = "SELECT well_id, fecha, rule_id, evaluated, passed, failed, not_evaluated"
            + " FROM reporting.fact_dq_diaria ORDER BY well_id, fecha, rule_id";

    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryDailyRowAndCount_whenAV19DatabaseMigratesToTheDailyView() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            Path v19 = RepoPaths.sqlUpTo(dir.resolve("v19"), 19, false);
            new SchemaMigrator(db.adminDataSource(), List.of("filesystem:" + v19)).migrate();
            execute(db, """
                    INSERT INTO reporting.fact_dq_horaria (well_id, hora, fecha, rule_ids, evaluated, passed, failed,
                                                           not_evaluated)
                    VALUES ('W1', '2026-03-02 00:00+00', '2026-03-02', '{R1,R2}', '{3,4}', '{3,2}', '{0,2}', '{1,0}'),
                           ('W1', '2026-03-02 01:00+00', '2026-03-02', '{R1,R2}', '{2,4}', '{1,4}', '{1,0}', '{0,0}'),
                           ('W2', '2026-03-02 00:00+00', '2026-03-02', '{R1}', '{2}', '{2}', '{0}', '{0}');
                    INSERT INTO reporting.fact_dq_diaria (well_id, fecha, rule_id, evaluated, passed, failed, not_evaluated)
                    VALUES ('W1', '2026-03-02', 'R1', 5, 4, 1, 1),
                           ('W1', '2026-03-02', 'R2', 8, 6, 2, 0),
                           ('W1', '2026-03-02', 'M1', 1, 0, 1, 0),
                           ('W1', '2026-03-02', 'X', 2, 1, 1, 0),
                           ('W1', '2026-03-01', 'R1', 7, 7, 0, 0),
                           ('W2', '2026-03-02', 'R1', 5, 4, 1, 0);
                    """);
            List<String> before = rows(db, DAILY);

            db.migrate();

            assertThat(rows(db, DAILY)).isEqualTo(before).hasSize(6);
            assertThat(rows(db, "SELECT well_id, fecha, rule_id, evaluated, passed, failed, not_evaluated"
                    + " FROM reporting.fact_dq_diaria_base ORDER BY well_id, fecha, rule_id"))
                    .as("what the hours do not hold: the master rule, the deactivated rule, the day without hours,"
                            + " and what W2's day holds beyond its hour")
                    .containsExactly("W1 2026-03-01 R1 7 7 0 0", "W1 2026-03-02 M1 1 0 1 0",
                            "W1 2026-03-02 X 2 1 1 0", "W2 2026-03-02 R1 3 2 1 0");
        }
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> rows(TestDatabase db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
