package com.bp010.report;

import com.bp010.report.ReportModel.CardDiagnosis;
import com.bp010.report.ReportModel.DailyKpi;
import com.bp010.report.ReportModel.DqFailure;
import com.bp010.report.ReportModel.Finding;
import com.bp010.report.ReportModel.LiveAlert;
import com.bp010.report.ReportModel.Well;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The exceptions list: the wells that need attention today, ranked. A well's rank is its most urgent reason, in this
 * order: a parted rod; a variable at a critical code (1, 7, 8); a pump diagnosis other than a full pump; silent
 * variables (code 9); a live consistency violation; failed DQ checks in the window; oil production of the latest
 * complete day more than {@value #SHORTFALL_PCT} % below target; a variable at a warning code (2, 6). Ties: more reasons
 * of that kind first, then the longest-lasting, then the well selector's order.
 */
final class Attention {
    static final double SHORTFALL_PCT = 10.0;

    enum Kind { PARTED_ROD, CRITICAL, DIAGNOSIS, SILENT, CONSISTENCY, DATA_QUALITY, PRODUCTION, WARNING }

    /**
     * One reason a well is on the list; exactly one of the detail fields is set, as the kind says (a diagnosis: its
     * pattern and probability, and the card's diagnosis with how many cards in a row carry it when the report has it).
     */
    record Reason(Kind kind, Instant since, LiveAlert alert, Finding finding, List<DqFailure> dqFailures,
                  DailyKpi day, String diagnosis, Double probability, CardDiagnosis card, Integer cards) {
    }

    record WellAttention(Well well, List<Reason> reasons) {
        Kind top() {
            return reasons.get(0).kind();
        }

        long count(Kind kind) {
            return reasons.stream().filter(r -> r.kind() == kind).count();
        }

        Instant earliest(Kind kind) {
            return reasons.stream().filter(r -> r.kind() == kind && r.since() != null).map(Reason::since)
                    .min(Comparator.naturalOrder()).orElse(Instant.MAX);
        }
    }

    private Attention() {
    }

    static List<WellAttention> rank(ReportModel m) {
        Map<String, List<Reason>> byWell = new LinkedHashMap<>();
        for (Well w : m.wells()) {
            diagnosis(w, m.diagnoses().getOrDefault(w.id(), List.of()), m.alerts())
                    .ifPresent(r -> byWell.computeIfAbsent(w.id(), k -> new ArrayList<>()).add(r));
        }
        for (LiveAlert a : m.alerts()) {
            if (a.semaphore() && a.code() != null) {
                Kind kind = switch (a.code()) {
                    case 1, 7, 8 -> Kind.CRITICAL;
                    case 9 -> Kind.SILENT;
                    default -> Kind.WARNING;
                };
                add(byWell, a.wellId(), new Reason(kind, a.since(), a, null, null, null, null, null, null, null));
            }
        }
        for (Finding f : m.consistency()) {
            add(byWell, f.wellId(),
                    new Reason(Kind.CONSISTENCY, f.detectedAt(), null, f, null, null, null, null, null, null));
        }
        Map<String, List<DqFailure>> dq = new LinkedHashMap<>();
        m.dqFailures().forEach(f -> dq.computeIfAbsent(f.wellId(), k -> new ArrayList<>()).add(f));
        dq.forEach((well, failures) -> add(byWell, well, new Reason(Kind.DATA_QUALITY,
                failures.stream().map(DqFailure::readAt).filter(t -> t != null).min(Comparator.naturalOrder())
                        .orElse(null), null, null, worstFirst(failures), null, null, null, null, null)));
        m.daily().forEach((well, days) -> shortfall(days).ifPresent(d -> add(byWell, well,
                new Reason(Kind.PRODUCTION, null, null, null, null, d, null, null, null, null))));

        List<WellAttention> ranked = new ArrayList<>();
        List<String> order = m.wells().stream().map(Well::id).toList();
        for (Well w : m.wells()) {
            List<Reason> reasons = byWell.get(w.id());
            if (reasons != null) {
                reasons.sort(Comparator.comparing(Reason::kind)
                        .thenComparing(r -> r.since() == null ? Instant.MAX : r.since()));
                ranked.add(new WellAttention(w, List.copyOf(reasons)));
            }
        }
        ranked.sort(Comparator.comparing(WellAttention::top)
                .thenComparing(Comparator.comparingLong((WellAttention a) -> a.count(a.top())).reversed())
                .thenComparing(a -> a.earliest(a.top()))
                .thenComparing(a -> order.indexOf(a.well().id())));
        return ranked;
    }

    /**
     * A diagnosis other than a full pump is a reason; a parted rod outranks everything. The latest card diagnosis of the
     * window when there is one (since the first of the cards in a row with its pattern: the CARTA alert's start and
     * count when the streak is an alert, else among the cards the report read), else the dashboard's.
     */
    private static java.util.Optional<Reason> diagnosis(Well w, List<CardDiagnosis> cards, List<LiveAlert> alerts) {
        CardDiagnosis latest = cards.isEmpty() ? null : cards.get(0);
        String pattern = latest != null ? latest.pattern() : w.diagnosis();
        if (pattern == null || pattern.isBlank()) {
            return java.util.Optional.empty();
        }
        String d = pattern.toUpperCase(Locale.ROOT).replace(' ', '_');
        if (d.equals("FULL_PUMP") || d.equals("BOMBA_LLENA") || d.equals("NORMAL")) {
            return java.util.Optional.empty();
        }
        Kind kind = d.contains("PARTED") || d.contains("ROD_PART") || d.contains("VARILLA_ROTA")
                || d.contains("ROTURA") ? Kind.PARTED_ROD : Kind.DIAGNOSIS;
        if (latest == null) {
            return java.util.Optional.of(new Reason(kind, null, null, null, null, null, pattern,
                    w.diagnosisProbability(), null, null));
        }
        int streak = 0;
        while (streak < cards.size() && pattern.equals(cards.get(streak).pattern())) {
            streak++;
        }
        Instant since = cards.get(streak - 1).readAt();
        Integer count = streak;
        for (LiveAlert a : alerts) {
            if ("CARTA".equals(a.type()) && a.wellId().equals(w.id()) && pattern.equals(a.reference())
                    && a.since() != null && a.referenceValue() != null) {
                since = a.since();
                count = (int) Math.round(a.referenceValue());
            }
        }
        return java.util.Optional.of(new Reason(kind, since, null, null, null, null, pattern, latest.confidence(),
                latest, count));
    }

    /**
     * The latest complete day, when its oil rate is more than SHORTFALL_PCT below the target rate: the database's
     * variance (vw_kpi_daily.variance_oil_pct, the day's rate over its hours with oil against the target).
     */
    static java.util.Optional<DailyKpi> shortfall(List<DailyKpi> days) {
        return days.stream().filter(DailyKpi::complete).max(Comparator.comparing(DailyKpi::day))
                .filter(d -> d.varianceOilPct() != null && d.varianceOilPct() < -SHORTFALL_PCT);
    }

    /** High severity first, then the earliest reading. */
    private static List<DqFailure> worstFirst(List<DqFailure> failures) {
        return failures.stream().sorted(Comparator.comparing((DqFailure f) -> severityRank(f.severity()))
                .thenComparing(f -> f.readAt() == null ? Instant.MIN : f.readAt())).toList();
    }

    static int severityRank(String severity) {
        if (severity == null) {
            return 9;
        }
        return switch (severity.toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> 0;
            case "HIGH" -> 1;
            case "MEDIUM" -> 2;
            case "LOW" -> 3;
            default -> 4;
        };
    }

    private static void add(Map<String, List<Reason>> byWell, String well, Reason r) {
        byWell.computeIfAbsent(well, k -> new ArrayList<>()).add(r);
    }
}
