package com.bp010.referencial;

import com.bp010.referencial.Rows.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code Variables_ID_stage.csv}, the truth of variable ids: {@code id_formato1}, {@code nombre_tecnico}, description,
 * unit, panel, data type, category (+ optional {@code es_contador} and {@code tipo_contador}). Ids and technical names
 * are unique; a technical name is a lower-case identifier (rules, formulas and SQL use it); the unit resolves to a
 * standard symbol; the panel is one of {@code hoja_validacion.csv}. The counter kind (ACUMULADO: a lifetime counter,
 * DIARIO: restarts at local midnight) comes from the file's {@code tipo_contador} column when it has one, else from
 * the project overlay {@code tipos_contador.csv} ({@code kinds}); a variable marked {@code es_contador} that the overlay
 * does not list is ACUMULADO. A file without a {@code tipo_contador} column loaded without the overlay ({@code kinds}
 * null: the config folder lacks it) is refused: every counter kind, the daily ones above all, would be lost and the
 * published energy and runtime figures change without a word.
 */
final class VariablesFileReader {
    static final Pattern TECHNICAL_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** A catalogue id (id_formato1, rule_id): letters, digits and {@code _ . : -}, no quotes, blanks or separators. */
    static final Pattern CATALOGUE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
    private static final Map<String, String> DATA_TYPES = Map.ofEntries(
            Map.entry("numeric", "numeric"), Map.entry("numerico", "numeric"), Map.entry("number", "numeric"),
            Map.entry("float", "numeric"), Map.entry("double", "numeric"), Map.entry("real", "numeric"),
            Map.entry("decimal", "numeric"), Map.entry("integer", "integer"), Map.entry("int", "integer"),
            Map.entry("entero", "integer"), Map.entry("text", "text"), Map.entry("texto", "text"),
            Map.entry("string", "text"), Map.entry("json", "text"), Map.entry("boolean", "boolean"),
            Map.entry("bool", "boolean"), Map.entry("booleano", "boolean"));

    private VariablesFileReader() {
    }

    private static final Map<String, String> COUNTER_KINDS = Map.of("acumulado", "ACUMULADO", "lifetime", "ACUMULADO",
            "cumulative", "ACUMULADO", "diario", "DIARIO", "daily", "DIARIO");

    static List<Variable> read(ConfigFile file, UnitNormalizer units, Set<String> panelIds) {
        return read(file, units, panelIds, Map.of());
    }

    static List<Variable> read(ConfigFile file, UnitNormalizer units, Set<String> panelIds, Map<String, String> kinds) {
        return read(file, units, panelIds, kinds, "the config folder");
    }

    /**
     * {@code kinds}: the overlay {@code tipos_contador.csv}, or null when the config folder ({@code location}) does not
     * have it.
     */
    static List<Variable> read(ConfigFile file, UnitNormalizer units, Set<String> panelIds, Map<String, String> kinds,
                               String location) {
        CsvTable t = CsvTableReader.readCatalogue(file.name(), file.bytes());
        String id = t.require("id_formato1", "id", "id_formato_1", "id_variable");
        String name = t.require("nombre_tecnico", "nombre", "variable", "technical_name");
        String categoria = t.require("categoria", "category", "grupo");
        t.has("descripcion", "description", "desc");
        t.has("unidad", "unit", "unidad_estandar");
        t.has("panel", "panel_id", "panel_bi");
        t.has("tipo_dato", "tipo", "data_type", "tipo_de_dato");
        t.has("es_contador", "contador", "acumulado", "counter");
        boolean kindColumn = t.has("tipo_contador", "counter_kind", "tipo_de_contador");
        if (!kindColumn && kinds == null) {
            throw BadInput.inFile(ConfigBundle.COUNTER_KINDS, "missing in " + location + ": " + file.name() + " has no tipo_contador column,"
                    + " so the counter kinds (ACUMULADO: lifetime counters such as energy_kwh or runtime_hours;"
                    + " DIARIO: the ones that restart at midnight) come from " + ConfigBundle.COUNTER_KINDS + "; without it counter"
                    + " deltas and daily maxima would become plain readings and the published energy and runtime"
                    + " figures would change. Put it next to the other files (the project's default is config/"
                    + ConfigBundle.COUNTER_KINDS + " of the repository) or add a tipo_contador column to "
                    + file.name() + "; nothing was loaded: the catalogue stays as it was").with("location", location);
        }
        Map<String, String> overlay = kinds == null ? Map.of() : kinds;
        List<Variable> out = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        Map<String, Long> names = new HashMap<>();
        for (CsvRow r : t.rows()) {
            String idValue = r.required(id);
            String technical = r.required(name);
            if (!CATALOGUE_ID.matcher(idValue).matches()) {
                throw r.error(id, idValue, "an id is 1-64 letters, digits, '_', '.', ':' or '-'");
            }
            if (!TECHNICAL_NAME.matcher(technical).matches()) {
                throw r.error(name, technical, "a technical name is a lower-case identifier (a-z, 0-9, _)");
            }
            unique(r, id, idValue, ids);
            unique(r, name, technical, names);
            String rawUnit = r.text("unidad");
            String unit = rawUnit == null ? null : units.normalize(rawUnit).orElseThrow(() ->
                    r.error("unidad", rawUnit, "unknown unit: not a symbol of 06_unidades_standar.csv nor a known field spelling"));
            String panel = r.text("panel");
            if (panel != null && !panelIds.contains(panel)) {
                throw r.error("panel", panel, "unknown panel: not in hoja_validacion.csv");
            }
            out.add(new Variable(idValue, technical, r.text("descripcion"), unit, null, panel, null,
                    dataType(r), r.required(categoria).toUpperCase(java.util.Locale.ROOT),
                    r.flag("es_contador", false), counterKind(r, technical, kindColumn, overlay), r.line()));
        }
        return out;
    }

    /** ACUMULADO, DIARIO or null, from the file's column, else the overlay, else es_contador. */
    private static String counterKind(CsvRow r, String technical, boolean kindColumn, Map<String, String> kinds) {
        String raw = kindColumn ? r.text("tipo_contador") : kinds.get(technical);
        if (raw == null) {
            return r.flag("es_contador", false) ? "ACUMULADO" : null;
        }
        return kind(raw).orElseThrow(() -> r.error("tipo_contador", raw, "unknown counter kind (ACUMULADO or DIARIO)"));
    }

    static java.util.Optional<String> kind(String raw) {
        return java.util.Optional.ofNullable(COUNTER_KINDS.get(TextKeys.key(raw)));
    }

    private static String dataType(CsvRow r) {
        String raw = r.text("tipo_dato");
        if (raw == null) {
            return "numeric";
        }
        String type = DATA_TYPES.get(TextKeys.key(raw));
        if (type == null) {
            throw r.error("tipo_dato", raw, "unknown data type (numeric, integer, text, boolean)");
        }
        return type;
    }

    private static void unique(CsvRow r, String column, String value, Map<String, Long> seen) {
        Long first = seen.putIfAbsent(value, r.line());
        if (first != null) {
            throw r.error(column, value, "already defined at line " + first);
        }
    }
}
