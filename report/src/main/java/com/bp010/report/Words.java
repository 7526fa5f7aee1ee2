package com.bp010.report;

import com.bp010.report.Attention.Reason;
import com.bp010.report.ReportModel.DailyKpi;
import com.bp010.report.ReportModel.DqFailure;
import com.bp010.report.ReportModel.Finding;
import com.bp010.report.ReportModel.LiveAlert;

import java.time.Duration;
import java.util.Locale;

/**
 * The report's sentences, in its one language: a variable's state (depth-aware), a limit by name, the one-line "why"
 * of each reason on the exceptions list. Holds the labels, the messages and the formats the sections share.
 */
final class Words {
    final Labels labels;
    final Messages msg;
    final Format fmt;

    Words(Labels labels, Messages msg, Format fmt) {
        this.labels = labels;
        this.msg = msg;
        this.fmt = fmt;
    }

    /** The state of a code for a variable: the 0-9 scale's name, or "above pump"/"deep" for a depth. */
    String state(Integer code, String variable) {
        if (code == null) {
            return status(0);
        }
        String depthKey = labels.depth(variable) ? depthKey(code) : null;
        return depthKey != null ? msg.get(depthKey) : status(code);
    }

    /** The message of a depth's state at {@code code} (1, 2, 6, 7: above the pump or deep), or null for the others. */
    static String depthKey(int code) {
        return switch (code) {
            case 1 -> "depth.critical.above";
            case 2 -> "depth.warning.above";
            case 6 -> "depth.warning.deep";
            case 7 -> "depth.critical.deep";
            default -> null;
        };
    }

    /** The 0-9 scale's name, written as a reader spells it (the catalogue's CRITICO_BAJO is "Crítico bajo"). */
    private String status(int code) {
        return msg.getOr("status." + code, labels.status(code));
    }

    String limitName(String name) {
        return name == null ? "" : msg.getOr("limit." + name, Labels.words(name));
    }

    /** "Label value unit". */
    String value(String variable, Double value) {
        return labels.label(variable) + " " + fmt.num(value, labels.unit(variable));
    }

    /** The one line saying why a well is on the exceptions list. */
    String why(Reason r) {
        return switch (r.kind()) {
            case CRITICAL, WARNING -> alert(r.alert());
            case SILENT -> silent(r.alert());
            case CONSISTENCY -> finding(r.finding());
            case DATA_QUALITY -> r.dqFailures().size() == 1 ? msg.get("why.dq.one", dqFailure(r.dqFailures().get(0)))
                    : msg.get("why.dq", fmt.count(r.dqFailures().size()), dqFailure(r.dqFailures().get(0)));
            case PRODUCTION -> production(r.day());
            case PARTED_ROD, DIAGNOSIS -> r.card() == null ? msg.get("why.diagnosis", diagnosis(r.diagnosis()),
                    r.probability() == null ? "—" : fmt.decimals(r.probability() * 100, 0) + " %")
                    : msg.get("why.card", diagnosis(r.diagnosis()), severity(r.card().severity()),
                            confidence(r.card().confidence()), fmt.count(r.cards()), fmt.time(r.since()),
                            cardReasons(r.card()).get(0));
        };
    }

    String alert(LiveAlert a) {
        String unit = labels.unit(a.reference());
        String since = a.since() == null ? "" : " · " + msg.get("why.since", fmt.time(a.since()), duration(a));
        if (a.limit() == null) {
            return value(a.reference(), a.value()) + " — " + state(a.code(), a.reference()) + since;
        }
        return value(a.reference(), a.value()) + " — " + state(a.code(), a.reference()) + " ("
                + comparison(a.limitName()) + " " + limitName(a.limitName()) + " " + fmt.num(a.limit(), unit) + ")"
                + since;
    }

    String silent(LiveAlert a) {
        return msg.get("why.silent", labels.label(a.reference()), fmt.time(a.since()), duration(a),
                fmt.num(a.limit()));
    }

    String finding(Finding f) {
        return msg.get("why.consistency", f.code(), msg.getOr("rule." + f.code(), f.code()),
                value(f.measuredVariable(), f.measured()), value(f.referenceVariable(), f.reference()),
                f.operator() == null ? "?" : f.operator(), fmt.time(f.detectedAt()));
    }

    String production(DailyKpi d) {
        return msg.get("why.production", fmt.num(d.oilRate()), fmt.day(d.day()), fmt.num(d.targetOilRate()),
                fmt.decimals(d.varianceOilPct(), 1));
    }

    /** A failed DQ check in words: which variable, which value against which limit, when, which rule. */
    String dqFailure(DqFailure f) {
        String type = f.ruleType() == null ? "" : f.ruleType().toUpperCase(Locale.ROOT);
        String unit = labels.unit(f.variable());
        String when = f.readAt() == null ? msg.get("dq.master") : fmt.time(f.readAt());
        String what = switch (type) {
            case "LATENCIA" -> msg.get("dq.latency", labels.label(f.variable()), f.value(), fmt.num(f.limit()));
            case "FORMATO" -> msg.get("dq.format", labels.label(f.variable()));
            // the project's counter checks (DQP-nnn): what happened to the reading, not a limit
            case "CONTADOR" -> msg.get("dq.counter." + f.ruleId(), labels.label(f.variable()),
                    parse(f.value()) == null ? f.value() : fmt.num(parse(f.value()), unit));
            default -> {
                Double v = parse(f.value());
                String cmp = v != null && f.limit() != null ? (v > f.limit() ? ">" : "<") : "?";
                yield labels.label(f.variable()) + " " + (v == null ? f.value() : fmt.num(v, unit)) + " " + cmp + " "
                        + fmt.num(f.limit(), unit);
            }
        };
        return what + " (" + f.ruleId() + (f.severity() == null ? "" : ", " + f.severity()) + ") · " + when;
    }

    /** A diagnosis's severity in words (NONE, LOW, MODERATE, SEVERE). */
    String severity(String severity) {
        return severity == null ? "—" : msg.getOr("severity." + severity, Labels.words(severity));
    }

    String confidence(Double confidence) {
        return confidence == null ? "—" : fmt.decimals(confidence * 100, 0) + " %";
    }

    private static final java.util.regex.Pattern FEATURE = java.util.regex.Pattern.compile("\\{(\\w+)(%?)}");

    /**
     * Why a card got its pattern, in the report's language: the pattern's sentence ({@code cardwhy.<PATTERN>}, or
     * {@code cardwhy.surface} on the surface basis) filled with the features that decided it (docs/CARDS.md); the
     * rules' own sentences (English) where a feature it needs is missing. Never empty.
     */
    java.util.List<String> cardReasons(ReportModel.CardDiagnosis d) {
        String key = "SURFACE".equals(d.basis()) ? "cardwhy.surface" : "cardwhy." + d.pattern();
        String template = msg.getOr(key, null);
        if (template != null) {
            java.util.regex.Matcher m = FEATURE.matcher(template);
            StringBuilder out = new StringBuilder();
            boolean complete = true;
            while (m.find()) {
                Double v = d.features().get(m.group(1));
                if (v == null) {
                    complete = false;
                    break;
                }
                String text = m.group(2).isEmpty() ? fmt.decimals(v, Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2)
                        : fmt.decimals(v * 100, 0);
                m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(text));
            }
            if (complete) {
                m.appendTail(out);
                return java.util.List.of(out.toString());
            }
        }
        return d.reasons().isEmpty() ? java.util.List.of(diagnosis(d.pattern())) : d.reasons();
    }

    String diagnosis(String pattern) {
        if (pattern == null) {
            return "—";
        }
        String key = "diagnosis." + pattern.toUpperCase(Locale.ROOT).replace(' ', '_');
        return msg.getOr(key, Labels.words(pattern));
    }

    private String duration(LiveAlert a) {
        return a.since() == null || a.evaluatedAt() == null ? "—"
                : fmt.duration(Duration.between(a.since(), a.evaluatedAt()));
    }

    static String comparison(String limitName) {
        if (limitName == null) {
            return "";
        }
        return limitName.startsWith("max") || limitName.equals("dq_max") ? ">" : limitName.startsWith("min")
                || limitName.equals("dq_min") ? "<" : ">";
    }

    private static Double parse(String text) {
        try {
            return text == null ? null : Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
