package com.bp010.referencial;

import com.bp010.referencial.Rows.ScadaEntry;
import com.bp010.referencial.Rows.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code V1__stage_to_stage.sql}: the SCADA map by pattern matching on the legacy pivot query (never executed). Each
 * SCADA id and each stage column appears once, and each column is the technical name of a variable of the master.
 * Whether the column exists in {@code stage.tbl_pozo_produccion} is checked against the database when loading.
 */
final class ScadaMapReader {
    private ScadaMapReader() {
    }

    static List<ScadaEntry> read(ConfigFile file, Map<String, Variable> byName) {
        DecodedText text = TextDecoder.decode(file.bytes());
        List<ScadaMapping> pairs = PivotSqlExtractor.extract(text.text());
        if (pairs.isEmpty()) {
            throw BadInput.inFile(file.name(), "no \"var_id = '<SCADA id>' ... AS <stage column>\" pairs found");
        }
        for (ScadaMapping u : PivotSqlExtractor.unpaired(text.text())) {
            throw BadInput.at(file.name(), u.line(), "var_id", u.varIdScada(),
                    "no 'AS <stage column>' follows this SCADA id before the next var_id test");
        }
        List<ScadaEntry> out = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> columns = new HashMap<>();
        for (ScadaMapping p : pairs) {
            if (p.varIdScada().isEmpty() || !p.varIdScada().matches("[A-Za-z0-9_.:/-]{1,64}")) {
                throw BadInput.at(file.name(), p.line(), "var_id", p.varIdScada(), "not a SCADA id");
            }
            Integer first = ids.putIfAbsent(p.varIdScada(), p.line());
            if (first != null) {
                throw BadInput.at(file.name(), p.line(), "var_id", p.varIdScada(), "SCADA id already mapped at line " + first);
            }
            first = columns.putIfAbsent(p.columnaStage(), p.line());
            if (first != null) {
                throw BadInput.at(file.name(), p.line(), "AS", p.columnaStage(), "stage column already mapped at line " + first);
            }
            Variable v = byName.get(p.columnaStage());
            if (v == null) {
                throw BadInput.at(file.name(), p.line(), "AS", p.columnaStage(),
                        "stage column has no variable with this nombre_tecnico in Variables_ID_stage.csv");
            }
            out.add(new ScadaEntry(p.varIdScada(), v.idFormato1(), v.nombreTecnico(), p.columnaStage(),
                    "text".equals(v.tipoDato()) ? "text" : "numeric", p.line()));
        }
        return out;
    }
}
