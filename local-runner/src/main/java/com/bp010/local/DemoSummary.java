package com.bp010.local;

import com.bp010.demo.Fault;
import com.bp010.demo.PlantedFault;
import com.bp010.report.Language;
import com.bp010.report.SurveillanceReport;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The few lines a person reads after {@code bp010 demo}: what came in (this run's ingest), how good it is and what
 * needs attention (the database's state, as the report shows it, so a rerun prints the same).
 */
final class DemoSummary {
    private DemoSummary() {
    }

    static String text(ReportData d, JsonNode ingest, DqConsole dq, List<PlantedFault> planted, java.time.ZoneId zone) {
        StringBuilder s = new StringBuilder("\n");
        Map<String, Object> t = d.totals();
        s.append(String.format(Locale.ROOT, "Wells: %s   readings landed: %s   production rows: %s   days: %s to %s%n",
                t.get("wells"), t.get("readings"), t.get("production_rows"), t.get("first_day"), t.get("last_day")));
        s.append(ingestLine(ingest));
        s.append(dq.lines());
        s.append("Wells by state:");
        for (Map<String, Object> st : d.states()) {
            s.append(' ').append(st.get("estado_operativo")).append(' ').append(st.get("wells"));
        }
        // the live violations (as the report shows them), not this run's own count: a rerun prints the same
        Map<Object, Long> byRule = new TreeMap<>(d.violations().stream().collect(
                Collectors.groupingBy(v -> v.get("codigo"), Collectors.counting())));
        s.append(String.format(Locale.ROOT, "%nConsistency violations: %d %s%n", d.violations().size(), byRule));
        cards(s, d.latestCards(), planted, zone);
        s.append("Project checks (DQP):");
        if (d.projectFindings().isEmpty()) {
            s.append(" none");
        }
        s.append('\n');
        d.projectFindings().stream().limit(5).forEach(f -> s.append(String.format(Locale.ROOT, "  %-7s %-10s %s  %s%n",
                f.get("rule_id"), f.get("well_id"), f.get("timestamp_lectura"), f.get("motivo"))));
        d.downtimeDays().forEach(w -> s.append(String.format(Locale.ROOT,
                "Downtime: %s on %s ran %s %% of the day; volumetric efficiency %s %% (while running)%n",
                w.get("well_id"), w.get("fecha"), fmt(w.get("uptime_pct")), fmt(w.get("pump_efficiency_pct")))));
        List<Map<String, Object>> alerts = d.alerts();
        s.append("Top alerts (").append(t.get("alerts")).append(" in all):\n");
        alerts.stream().limit(8).forEach(a -> s.append(String.format(Locale.ROOT, "  %-10s %-11s %-24s %s%n",
                a.get("well_id"), a.get("severidad"), a.get("referencia"), alertMessage(a))));
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

    /**
     * An alert's message with its state as the report names it, in the console's language (English): the view's
     * {@code mensaje} ends with the catalogue's code ({@code pump_fillage = 12 %: CRITICO_BAJO}), which the summary
     * shows as {@code Critical low} ({@code Critical: deep level} for a depth from surface).
     */
    static String alertMessage(Map<String, Object> a) {
        String message = String.valueOf(a.get("mensaje"));
        String code = ": " + a.get("estado");
        if (!(a.get("codigo_status") instanceof Number status) || !message.endsWith(code)) {
            return message;
        }
        return message.substring(0, message.length() - code.length()) + ": " + SurveillanceReport.stateName(
                Language.EN, status.intValue(), Boolean.TRUE.equals(a.get("profundidad")));
    }

    /**
     * The ingest's rows, inserted split by file kind (the readings, which the line above counts as landed, and the
     * well master's and reserves' rows), then duplicates, revisions and rejects.
     */
    static String ingestLine(JsonNode ingest) {
        Map<String, Long> byKind = new java.util.LinkedHashMap<>();
        for (JsonNode f : ingest.path("files")) {
            String format = f.path("format").asText();
            String kind = format.startsWith("TELEMETRY") ? "readings" : format.startsWith("WELL_MASTER")
                    ? "well master rows" : format.startsWith("RESERVES") ? "reserves rows" : format;
            byKind.merge(kind, f.path("rowsInserted").asLong(), Long::sum);
        }
        String split = byKind.size() < 2 || ingest.path("rowsInserted").asLong() == 0 ? ""
                : byKind.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ", " (", ")"));
        return String.format(Locale.ROOT, "Ingest: %d inserted%s, %d duplicate, %d revised, %d rejected%s%n",
                ingest.path("rowsInserted").asLong(), split, ingest.path("rowsDuplicate").asLong(),
                ingest.path("rowsRevised").asLong(), ingest.path("rowsRejected").asLong(),
                ingest.path("rejectsByReason").isEmpty() ? "" : " " + ingest.path("rejectsByReason"));
    }

    /**
     * The latest card diagnosis of every well counted by pattern; each planted pump problem with the well, what was
     * planted, what the diagnosis says of its latest card and why; any other well whose pump is not full.
     */
    private static void cards(StringBuilder s, List<Map<String, Object>> latest, List<PlantedFault> planted,
                              java.time.ZoneId zone) {
        Map<String, Map<String, Object>> byWell = latest.stream()
                .collect(Collectors.toMap(r -> (String) r.get("well_id"), r -> r, (a, b) -> a, TreeMap::new));
        Map<Object, Long> counts = latest.stream()
                .collect(Collectors.groupingBy(r -> r.get("patron"), TreeMap::new, Collectors.counting()));
        s.append("Pump cards (latest diagnosis per well):");
        counts.forEach((pattern, n) -> s.append(' ').append(pattern).append(' ').append(n));
        s.append(latest.isEmpty() ? " none diagnosed\n" : "\n");
        List<PlantedFault> problems = planted.stream().filter(p -> p.fault() == Fault.PUMP_PROBLEMS).toList();
        if (!problems.isEmpty()) {
            s.append(problemsHeader(problems.get(0).timestamp(), zone));
        }
        for (PlantedFault p : problems) {
            Map<String, Object> got = byWell.remove(p.wellId());
            if (got == null) {
                s.append(String.format(Locale.ROOT, "  %-10s planted %s (%s): no card diagnosed%n", p.wellId(),
                        p.expected(), p.value()));
                continue;
            }
            s.append(String.format(Locale.ROOT, "  %-10s planted %s (%s): diagnosed %s%s%n", p.wellId(), p.expected(),
                    p.value(), diagnosis(got), p.expected().equals(got.get("patron")) ? "" : " - NOT as planted"));
        }
        List<String> badMaster = planted.stream().filter(p -> p.fault() == Fault.BAD_MASTER_DATA)
                .map(PlantedFault::wellId).toList();
        byWell.values().stream().filter(r -> !"FULL_PUMP".equals(r.get("patron"))).forEach(r -> s.append(
                String.format(Locale.ROOT, "  %-10s %s: diagnosed %s%n", r.get("well_id"),
                        badMaster.contains(r.get("well_id"))
                                ? "a full pump read through its planted wrong master (pump depth)" : "not planted",
                        diagnosis(r))));
    }

    /** When the planted pump problems start, in field time to the minute as every other time of the summary. */
    static String problemsHeader(String instant, java.time.ZoneId zone) {
        return "Planted pump problems (from " + java.time.Instant.parse(instant).atZone(zone).toLocalDateTime()
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)) + "):\n";
    }

    private static String diagnosis(Map<String, Object> r) {
        return String.format(Locale.ROOT, "%s (%s, confidence %.2f, %s basis) because %s", r.get("patron"),
                r.get("severidad"), r.get("confianza") instanceof Number n ? n.doubleValue() : Double.NaN,
                r.get("base"), r.get("razones"));
    }

    private static String fmt(Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Math.abs(d) >= 1000 ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%.2f", d);
        }
        return v == null ? "" : v.toString();
    }
}
