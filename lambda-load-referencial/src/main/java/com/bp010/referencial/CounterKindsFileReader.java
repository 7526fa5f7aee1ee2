package com.bp010.referencial;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code tipos_contador.csv}, the project's overlay of counter kinds ({@code nombre_tecnico, tipo_contador}: ACUMULADO
 * for a lifetime counter, DIARIO for one that restarts at local midnight), used when the variables file has no
 * {@code tipo_contador} column (docs/AGGREGATION.md).
 */
final class CounterKindsFileReader {
    private CounterKindsFileReader() {
    }

    static Map<String, String> read(ConfigFile file) {
        CsvTable t = CsvTableReader.readCatalogue(file.name(), file.bytes());
        String name = t.require("nombre_tecnico", "variable", "technical_name");
        String kind = t.require("tipo_contador", "counter_kind", "tipo");
        Map<String, String> out = new LinkedHashMap<>();
        for (CsvRow r : t.rows()) {
            String technical = r.required(name);
            String raw = r.required(kind);
            String value = VariablesFileReader.kind(raw)
                    .orElseThrow(() -> r.error(kind, raw, "unknown counter kind (ACUMULADO or DIARIO)"));
            if (out.putIfAbsent(technical, value) != null) {
                throw r.error(name, technical, "listed twice");
            }
        }
        return out;
    }
}
