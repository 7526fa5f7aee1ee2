package com.bp010.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The data-quality lines of the demo summary, computed as the report computes them: the score of the report's window
 * by {@code reporting.fnc_dq_score} (passed / evaluated over the latest verdict of every reading, so a rerun prints
 * the same), shown rounded down (99.99 %, never 100 % while a check failed), and the most severe failed checks from
 * {@code reporting.vw_dq_failures}.
 */
record DqConsole(LocalDate from, LocalDate to, long evaluated, long passed, long failed, long notEvaluated,
                 List<String> topFailures, long listed, long listedProject) {
    static final int TOP = 5;

    static DqConsole load(Connection c, LocalDate from, LocalDate to, ZoneId zone) throws SQLException {
        if (from == null || to == null) {
            return new DqConsole(from, to, 0, 0, 0, 0, List.of(), 0, 0);
        }
        long evaluated;
        long passed;
        long failed;
        long notEvaluated;
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM reporting.fnc_dq_score(?, ?)")) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                evaluated = rs.getLong("evaluated");
                passed = rs.getLong("passed");
                failed = rs.getLong("failed");
                notEvaluated = rs.getLong("not_evaluated");
            }
        }
        List<String> top = new ArrayList<>();
        long listed = 0;
        long listedProject = 0;
        // the failed checks listed: the window's readings' and the well masters' (a master check has no reading
        // time), one line per (reading, rule); their number, not the score's count of failed readings, heads the list
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT well_id, timestamp_lectura, nombre_tecnico, valor, limite, motivo, severidad,
                       count(*) OVER () AS listed,
                       count(*) FILTER (WHERE rule_id LIKE 'DQP-%') OVER () AS listed_project
                  FROM reporting.vw_dq_failures
                 WHERE timestamp_lectura IS NULL OR (timestamp_lectura >= ? AND timestamp_lectura < ?)
                 ORDER BY orden_severidad, timestamp_lectura DESC NULLS FIRST, well_id, rule_id
                 LIMIT ?""")) {
            ps.setObject(1, from.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
            ps.setObject(2, to.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
            ps.setInt(3, TOP);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    listed = rs.getLong("listed");
                    listedProject = rs.getLong("listed_project");
                    var at = rs.getObject("timestamp_lectura", java.time.OffsetDateTime.class);
                    Double limit = rs.getObject("limite") == null ? null : rs.getDouble("limite");
                    top.add(String.format(Locale.ROOT, "  %-8s %-10s %-16s %-24s %s%s: %s", rs.getString("severidad"),
                            rs.getString("well_id"), at == null ? "well master"
                                    : at.atZoneSameInstant(zone).toLocalDateTime().toString().replace('T', ' '),
                            rs.getString("nombre_tecnico"), rs.getString("valor"),
                            limit == null ? "" : " (limit " + trim(limit) + ")", rs.getString("motivo")));
                }
            }
        }
        return new DqConsole(from, to, evaluated, passed, failed, notEvaluated, top, listed, listedProject);
    }

    /** {@code 99.99 %}: rounded down, so a failed check never reads as 100 %; {@code n/a} when nothing was evaluated. */
    String score() {
        if (evaluated == 0) {
            return "n/a";
        }
        long hundredths = passed * 10_000 / evaluated;
        return String.format(Locale.ROOT, "%d.%02d %%", hundredths / 100, hundredths % 100);
    }

    String lines() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Data quality: score %s (%d evaluated, %d failed, %d not evaluated; %s to %s)%n", score(), evaluated,
                failed, notEvaluated, from, to));
        if (!topFailures.isEmpty()) {
            // the project's own checks (DQP-nnn, e.g. a counter glitch) are listed but are none of the score's rules
            s.append("Failed checks (most severe first, ").append(listed).append(" in all")
                    .append(listedProject == 0 ? "" : "; " + listedProject + " of them the project's (DQP), outside the score")
                    .append("):\n");
            topFailures.forEach(f -> s.append(f).append('\n'));
        }
        return s.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
