package com.bp010.referencial;


import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code 05_unidades.csv}: variable id → the unit as the field writes it. Every raw unit must normalise to a standard
 * symbol (an unknown one is an error naming it), every variable must exist, and where the variable master gives a
 * unit too, both must agree.
 */
final class RawUnitsFileReader {
    /** A variable's raw unit and the standard symbol it normalises to. */
    record RawUnit(String raw, String standard) {
    }

    private RawUnitsFileReader() {
    }

    /** Raw units by {@code id_formato1}; {@code resolve} maps an id or technical name to the id (null if unknown). */
    static Map<String, RawUnit> read(ConfigFile file, UnitNormalizer units, Function<String, Rows.Variable> resolve) {
        CsvTable t = CsvTableReader.readCatalogue(file.name(), file.bytes());
        String id = t.require("id_formato1", "id", "variable", "nombre_tecnico");
        String unidad = t.require("unidad", "unidad_cruda", "unidad_campo", "unit");
        Map<String, RawUnit> out = new LinkedHashMap<>();
        for (CsvRow r : t.rows()) {
            String ref = r.required(id);
            Rows.Variable v = resolve.apply(ref);
            if (v == null) {
                throw r.error(id, ref, "unknown variable: not in Variables_ID_stage.csv");
            }
            String raw = r.required(unidad);
            String standard = units.normalize(raw).orElseThrow(() -> r.error(unidad, raw,
                    "unknown unit: not a symbol of 06_unidades_standar.csv nor a known field spelling"));
            if (v.unidad() != null && !v.unidad().equals(standard)) {
                throw r.error(unidad, raw, "unit means " + standard + " but Variables_ID_stage.csv gives "
                        + v.unidad() + " for " + v.nombreTecnico());
            }
            if (out.putIfAbsent(v.idFormato1(), new RawUnit(raw, standard)) != null) {
                throw r.error(id, ref, "variable already has a raw unit in this file");
            }
        }
        return out;
    }
}
