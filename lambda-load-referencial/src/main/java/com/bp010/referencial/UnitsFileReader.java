package com.bp010.referencial;

import com.bp010.referencial.Rows.Unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code 06_unidades_standar.csv}: symbol, full name, magnitude; one row per standard unit, symbols unique. */
final class UnitsFileReader {
    private UnitsFileReader() {
    }

    static List<Unit> read(ConfigFile file) {
        CsvTable t = CsvTableReader.readCatalogue(file.name(), file.bytes());
        String simbolo = t.require("simbolo", "abreviatura", "symbol", "unidad", "simbolo_estandar");
        String nombre = t.require("nombre", "nombre_completo", "name", "full_name", "descripcion");
        String magnitud = t.require("magnitud", "magnitude", "dimension", "tipo");
        List<Unit> units = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (CsvRow r : t.rows()) {
            String symbol = r.required(simbolo);
            Long first = seen.putIfAbsent(symbol, r.line());
            if (first != null) {
                throw r.error(simbolo, symbol, "unit symbol already defined at line " + first);
            }
            units.add(new Unit(symbol, r.required(nombre), r.required(magnitud)));
        }
        return units;
    }
}
