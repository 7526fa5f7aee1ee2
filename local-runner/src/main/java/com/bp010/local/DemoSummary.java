package com.bp010.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The few lines a person reads after {@code bp010 demo}: what came in, how good it was, what needs attention. */
final class DemoSummary {
    private DemoSummary() {
    }

    static String text(ReportData d, JsonNode ingest, JsonNode run, DqConsole dq) {
        StringBuilder s = new StringBuilder("\n");
        Map<String, Object> t = d.totals();
        s.append(String.format(Locale.ROOT, "Wells: %s   readings landed: %s   production rows: %s   days: %s to %s%n",
                t.get("wells"), t.get("readings"), t.get("production_rows"), t.get("first_day"), t.get("last_day")));
        s.append(String.format(Locale.ROOT, "Ingest: %d inserted, %d duplicate, %d revised, %d rejected%s%n",
                ingest.path("rowsInserted").asLong(), ingest.path("rowsDuplicate").asLong(),
                ingest.path("rowsRevised").asLong(), ingest.path("rowsRejected").asLong(),
                ingest.path("rejectsByReason").isEmpty() ? "" : " " + ingest.path("rejectsByReason")));
        s.append(dq.lines());
        s.append("Wells by state:");
        for (Map<String, Object> st : d.states()) {
            s.append(' ').append(st.get("estado_operativo")).append(' ').append(st.get("wells"));
        }
        s.append(String.format(Locale.ROOT, "%nConsistency violations: %s %s%n", run.path("consistency").path("violations"),
                run.path("consistency").path("byRule")));
        List<Map<String, Object>> alerts = d.alerts();
        s.append("Top alerts (").append(t.get("alerts")).append(" in all):\n");
        alerts.stream().limit(8).forEach(a -> s.append(String.format(Locale.ROOT, "  %-10s %-11s %-24s %s%n",
                a.get("well_id"), a.get("severidad"), a.get("referencia"), a.get("mensaje"))));
        if (!d.dailyField().isEmpty()) {
            Map<String, Object> day = d.dailyField().size() > 1 ? d.dailyField().get(d.dailyField().size() - 2)
                    : d.dailyField().get(0);
            s.append(String.format(Locale.ROOT,
                    "Field on %s: oil %s bbl, water %s bbl, gas %s Mscf, energy %s kWh, %s kWh/bbl of liquid%n",
                    day.get("fecha"), fmt(day.get("petroleo")), fmt(day.get("agua")),
                    fmt(day.get("gas")), fmt(day.get("energia")),
                    fmt(day.get("kwh_por_bbl"))));
        }
        return s.toString();
    }

    private static String fmt(Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Math.abs(d) >= 1000 ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%.2f", d);
        }
        return v == null ? "" : v.toString();
    }
}
