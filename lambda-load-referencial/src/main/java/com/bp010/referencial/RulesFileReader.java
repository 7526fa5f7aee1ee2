package com.bp010.referencial;

import com.bp010.referencial.Rows.ConsistencyLink;
import com.bp010.referencial.Rows.DqRule;
import com.bp010.referencial.Rows.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code 02_reglas_calidad.csv}: one rule per row with a stable {@code rule_id}, its variable, its {@code tipo}
 * (REPRESENTATIVIDAD, LATENCIA, FORMATO, MAESTRA; derived when blank), the human expressions (representatividad:
 * {@code >0}, {@code 0-100%}...; latencia: {@code <2s}, {@code <15min}...), the consistency column
 * ({@code RC-001; RC-003}), severity and description. Each rule's variable must fit its tipo: a range or latency on a
 * SCADA variable, FORMATO on a text variable, MAESTRA on a well-master attribute.
 */
final class RulesFileReader {
    static final Set<String> MASTER_CATEGORIES = Set.of("COMPLETACION", "YACIMIENTO", "FLUIDOS", "MAESTRA");
    private static final Map<String, String> SEVERITIES = Map.ofEntries(
            Map.entry("critical", "CRITICAL"), Map.entry("critica", "CRITICAL"), Map.entry("critico", "CRITICAL"),
            Map.entry("high", "HIGH"), Map.entry("alta", "HIGH"), Map.entry("alto", "HIGH"),
            Map.entry("medium", "MEDIUM"), Map.entry("media", "MEDIUM"), Map.entry("medio", "MEDIUM"),
            Map.entry("low", "LOW"), Map.entry("baja", "LOW"), Map.entry("bajo", "LOW"));

    /** The rules and their consistency links. */
    record Result(List<DqRule> rules, List<ConsistencyLink> links) {
    }

    private RulesFileReader() {
    }

    static Result read(ConfigFile file, Function<String, Variable> resolve, Set<String> scadaVariables) {
        CsvTable t = CsvTableReader.readCatalogue(file.name(), file.bytes());
        String ruleId = t.require("rule_id", "id_regla", "regla", "id");
        String variable = t.require("variable", "nombre_tecnico", "id_formato1");
        t.has("tipo", "tipo_regla", "type");
        t.has("representatividad", "rango", "expresion", "representativeness");
        t.has("latencia", "latency");
        t.has("consistencia", "consistency", "reglas_consistencia");
        t.has("severidad", "severity");
        t.has("descripcion", "description");
        t.has("activa", "activo", "active");
        List<DqRule> rules = new ArrayList<>();
        List<ConsistencyLink> links = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        for (CsvRow r : t.rows()) {
            String id = r.required(ruleId);
            if (!VariablesFileReader.CATALOGUE_ID.matcher(id).matches()) {
                throw r.error(ruleId, id, "a rule id is 1-64 letters, digits, '_', '.', ':' or '-'");
            }
            Long first = ids.putIfAbsent(id, r.line());
            if (first != null) {
                throw r.error(ruleId, id, "rule id already used at line " + first);
            }
            String ref = r.required(variable);
            Variable v = resolve.apply(ref);
            if (v == null) {
                throw r.error(variable, ref, "unknown variable: not in Variables_ID_stage.csv");
            }
            DqExpression range = parse(r, "representatividad", true, t.delimiter());
            DqExpression latency = parse(r, "latencia", false, t.delimiter());
            DqRuleType tipo = tipo(r, v, latency, scadaVariables);
            checkFit(r, tipo, v, range, latency, scadaVariables);
            String expression = tipo == DqRuleType.LATENCIA ? latency.text() : range.text();
            rules.add(new DqRule(id, v.nombreTecnico(), tipo, expression, range.min(), range.max(),
                    latency.latencySeconds(), severity(r), r.flag("activa", true), r.text("descripcion"),
                    range.max() != null ? "config" : null, r.line()));
            for (String code : consistencyCodes(r)) {
                links.add(new ConsistencyLink(id, code, v.nombreTecnico()));
            }
        }
        return new Result(rules, links);
    }

    private static DqExpression parse(CsvRow r, String column, boolean isRange, char delimiter) {
        String text = r.text(column);
        try {
            return isRange ? DqExpressionParser.range(text, delimiter) : DqExpressionParser.latency(text, delimiter);
        } catch (IllegalArgumentException e) {
            throw r.error(column, text, e.getMessage());
        }
    }

    private static DqRuleType tipo(CsvRow r, Variable v, DqExpression latency, Set<String> scada) {
        String written = r.text("tipo");
        if (written != null) {
            String tipo = TextKeys.stripAccents(written).toUpperCase(java.util.Locale.ROOT).strip();
            if (!DqRuleType.names().contains(tipo)) {
                throw r.error("tipo", written, "unknown tipo; expected one of " + DqRuleType.names());
            }
            return DqRuleType.valueOf(tipo);
        }
        if (!latency.isEmpty()) {
            return DqRuleType.LATENCIA;
        }
        if ("text".equals(v.tipoDato())) {
            return DqRuleType.FORMATO;
        }
        return !scada.contains(v.nombreTecnico()) && MASTER_CATEGORIES.contains(v.categoria()) ? DqRuleType.MAESTRA
                : DqRuleType.REPRESENTATIVIDAD;
    }

    private static void checkFit(CsvRow r, DqRuleType tipo, Variable v, DqExpression range, DqExpression latency,
                                 Set<String> scada) {
        String name = v.nombreTecnico();
        switch (tipo) {
            case LATENCIA -> {
                if (latency.isEmpty()) {
                    throw r.error("latencia", null, "a LATENCIA rule needs a latency expression such as <15min");
                }
                requireEmpty(r, "representatividad", range, tipo);
                requireScada(r, name, scada, tipo);
            }
            case FORMATO -> {
                if (!"text".equals(v.tipoDato())) {
                    throw r.error("variable", name, "a FORMATO rule checks a text variable (the card); this one is "
                            + v.tipoDato());
                }
                requireEmpty(r, "representatividad", range, tipo);
                requireEmpty(r, "latencia", latency, tipo);
                requireScada(r, name, scada, tipo);
            }
            case MAESTRA -> {
                requireEmpty(r, "latencia", latency, tipo);
                if (!MASTER_CATEGORIES.contains(v.categoria())) {
                    throw r.error("variable", name, "a MAESTRA rule checks a well-master attribute; this variable's"
                            + " category is " + v.categoria());
                }
            }
            default -> {
                requireEmpty(r, "latencia", latency, tipo);
                requireScada(r, name, scada, tipo);
                if ("text".equals(v.tipoDato())) {
                    throw r.error("variable", name, "a value range cannot apply to a text variable: use FORMATO");
                }
            }
        }
    }

    private static void requireEmpty(CsvRow r, String column, DqExpression e, DqRuleType tipo) {
        if (!e.isEmpty()) {
            throw r.error(column, e.text(), "a " + tipo + " rule takes no " + column + " expression");
        }
    }

    private static void requireScada(CsvRow r, String name, Set<String> scada, DqRuleType tipo) {
        if (!scada.contains(name)) {
            throw r.error("variable", name, "a " + tipo + " rule needs a SCADA variable (a column of the SCADA map)");
        }
    }

    private static String severity(CsvRow r) {
        String raw = r.text("severidad");
        if (raw == null) {
            return "MEDIUM";
        }
        String s = SEVERITIES.get(TextKeys.key(raw));
        if (s == null) {
            throw r.error("severidad", raw, "unknown severity (CRITICAL, HIGH, MEDIUM, LOW)");
        }
        return s;
    }

    private static Set<String> consistencyCodes(CsvRow r) {
        String raw = r.text("consistencia");
        Set<String> codes = new LinkedHashSet<>();
        if (raw == null) {
            return codes;
        }
        for (String part : raw.split("[;,|/\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            String code = part.strip().toUpperCase(java.util.Locale.ROOT);
            if (!ConsistencyRules.CODES.contains(code)) {
                throw r.error("consistencia", part, "unknown consistency rule; expected RC-001 to RC-006");
            }
            if (!codes.add(code)) {
                throw r.error("consistencia", raw, code + " is listed twice");
            }
        }
        return codes;
    }
}
