package com.bp010.referencial;

import com.bp010.referencial.Rows.Limit;
import com.bp010.referencial.Rows.Variable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code Rangos_validacion_*.py}: a Python dict literal, variable → {min_critical, min_warning, max_warning,
 * max_critical, target, unidad, clasificacion}, read by {@link PythonLiteralReader} (never executed). Limits are
 * numbers or None and ordered min_critical ≤ min_warning ≤ max_warning ≤ max_critical (every pair of the four that
 * are given, so a None warning does not hide an inverted band); an unknown field name is
 * refused (a typo would silently drop a limit).
 */
final class LimitsFileReader {
    static final Set<String> CLASSES = Set.of("ESTABLE", "MODERADA", "VOLATIL");
    private static final Set<String> FIELDS = Set.of("min_critical", "min_warning", "max_warning", "max_critical",
            "target", "unidad", "clasificacion");

    private LimitsFileReader() {
    }

    static List<Limit> read(ConfigFile file, Map<String, Variable> byName, UnitNormalizer units, List<String> warnings) {
        Object literal;
        try {
            literal = PythonLiteralReader.read(TextDecoder.decode(file.bytes()).text());
        } catch (PythonLiteralException e) {
            throw BadInput.at(file.name(), e.line(), "column " + e.column(), e.token(), e.reason());
        }
        if (!(literal instanceof PyDict top)) {
            throw BadInput.inFile(file.name(), "the literal must be a dict: variable -> limits");
        }
        if (top.isEmpty()) {
            throw BadInput.inFile(file.name(), "the dict holds no variable (a truncated upload?): a load from it would"
                    + " remove every limit; nothing was loaded, the catalogue stays as it was: put the variables' limits"
                    + " back (the repository's config/ holds the whole file)");
        }
        List<Limit> out = new ArrayList<>();
        for (Map.Entry<Object, Object> e : top.entrySet()) {
            int line = top.lineOf(e.getKey());
            if (!(e.getKey() instanceof String name) || !byName.containsKey(name)) {
                throw BadInput.at(file.name(), line, "variable", String.valueOf(e.getKey()),
                        "unknown variable: not a nombre_tecnico of Variables_ID_stage.csv");
            }
            if (!(e.getValue() instanceof PyDict fields)) {
                throw BadInput.at(file.name(), line, name, null, "the limits of a variable must be a dict");
            }
            out.add(limit(file.name(), name, fields, byName.get(name), units, warnings));
        }
        return out;
    }

    private static Limit limit(String file, String name, PyDict f, Variable v, UnitNormalizer units,
                               List<String> warnings) {
        for (Object key : f.keySet()) {
            if (!FIELDS.contains(key)) {
                throw BadInput.at(file, f.lineOf(key), name, String.valueOf(key), "unknown field; expected " + FIELDS);
            }
        }
        Double minC = number(file, name, f, "min_critical");
        Double minW = number(file, name, f, "min_warning");
        Double maxW = number(file, name, f, "max_warning");
        Double maxC = number(file, name, f, "max_critical");
        Double target = number(file, name, f, "target");
        ordered(file, name, f, "min_critical", minC, "min_warning", minW);
        ordered(file, name, f, "max_warning", maxW, "max_critical", maxC);
        ordered(file, name, f, "min_warning", minW, "max_warning", maxW);
        ordered(file, name, f, "min_critical", minC, "max_critical", maxC);
        // with a warning left None the pairs above do not meet: a critical low above the high warning, or a warning
        // low above the critical high, is as inverted
        ordered(file, name, f, "min_critical", minC, "max_warning", maxW);
        ordered(file, name, f, "min_warning", minW, "max_critical", maxC);
        if (target != null && ((minW != null && target < minW) || (maxW != null && target > maxW))) {
            warnings.add(file + " line " + f.lineOf("target") + ": target of " + name + " (" + target
                    + ") is outside its warning band");
        }
        String unit = text(file, name, f, "unidad");
        if (unit != null) {
            String standard = units.normalize(unit).orElseThrow(() -> BadInput.at(file, f.lineOf("unidad"), name, unit,
                    "unknown unit: not a symbol of 06_unidades_standar.csv nor a known field spelling"));
            if (v.unidad() != null && !v.unidad().equals(standard)) {
                throw BadInput.at(file, f.lineOf("unidad"), name, unit,
                        "unit means " + standard + " but Variables_ID_stage.csv gives " + v.unidad());
            }
        }
        String cls = text(file, name, f, "clasificacion");
        if (cls != null && !CLASSES.contains(cls.toUpperCase(Locale.ROOT))) {
            throw BadInput.at(file, f.lineOf("clasificacion"), name, cls, "unknown class; expected " + CLASSES);
        }
        return new Limit(name, minC, minW, maxW, maxC, target, v.unidad(),
                cls == null ? null : cls.toUpperCase(Locale.ROOT), f.line());
    }

    private static Double number(String file, String name, PyDict f, String key) {
        Object v = f.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Long l) {
            return l.doubleValue();
        }
        if (v instanceof Double d) {
            return d;
        }
        throw BadInput.at(file, f.lineOf(key), name + "." + key, String.valueOf(v), "a limit must be a number or None");
    }

    private static String text(String file, String name, PyDict f, String key) {
        Object v = f.get(key);
        if (v == null || v instanceof String) {
            return v == null || ((String) v).isBlank() ? null : ((String) v).strip();
        }
        throw BadInput.at(file, f.lineOf(key), name + "." + key, String.valueOf(v), "expected a string");
    }

    private static void ordered(String file, String name, PyDict f, String lowKey, Double low, String highKey,
                                Double high) {
        if (low != null && high != null && low > high) {
            throw BadInput.at(file, f.lineOf(highKey), name + "." + highKey, String.valueOf(high),
                    lowKey + " (" + low + ") is above " + highKey);
        }
    }
}
