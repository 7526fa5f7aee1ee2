package com.bp010.referencial;

import com.bp010.referencial.Rows.DqRule;
import com.bp010.referencial.Rows.Limit;
import com.bp010.referencial.Rows.ScadaEntry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the catalogue promises the schema must hold, checked in {@code information_schema} before anything is written:
 * every SCADA map column is a column of {@code stage.tbl_pozo_produccion} of the right kind (text for the cards);
 * every limited variable has its {@code <variable>_status} column in {@code reporting.dataset_current_values}; every
 * MAESTRA rule names a column of {@code stage.tbl_pozo_maestra}. Columns are created by migrations only: adding a
 * variable is a migration plus a config change.
 */
final class SchemaChecks {
    private final Map<String, String> names;

    SchemaChecks(Map<String, String> fileNames) {
        this.names = fileNames;
    }

    void check(Connection c, Catalogue catalogue) throws SQLException {
        // an unmigrated database fails here, on a missing table, with DatabaseErrors' advice to run init first,
        // rather than below on a missing column that blames the config file
        try (var st = c.createStatement()) {
            st.execute("SELECT FROM stage.tbl_pozo_produccion, reporting.dataset_current_values, stage.tbl_pozo_maestra,"
                    + " referencial.tbl_var_scada_map LIMIT 0");
        }
        Map<String, String> stage = columns(c, "stage", "tbl_pozo_produccion");
        for (ScadaEntry e : catalogue.scadaMap()) {
            String type = stage.get(e.columnaStage());
            if (type == null) {
                throw BadInput.at(names.get(ConfigBundle.PIVOT), e.line(), "AS", e.columnaStage(),
                        "stage column " + e.columnaStage() + " (SCADA id " + e.varIdScada() + ") does not exist in "
                                + "stage.tbl_pozo_produccion: adding a variable is a migration plus a config change");
            }
            boolean text = "text".equals(type) || "character varying".equals(type);
            if (text != "text".equals(e.tipoDato())) {
                throw BadInput.at(names.get(ConfigBundle.PIVOT), e.line(), "AS", e.columnaStage(),
                        "stage column is " + type + " but variable " + e.nombreTecnico() + " is " + e.tipoDato());
            }
        }
        Map<String, String> current = columns(c, "reporting", "dataset_current_values");
        for (Limit l : catalogue.limits()) {
            if (!current.containsKey(l.nombreTecnico() + "_status")) {
                throw BadInput.at(names.get(ConfigBundle.LIMITS_SEED_NAME), l.line(), "variable", l.nombreTecnico(),
                        "no column " + l.nombreTecnico() + "_status in reporting.dataset_current_values: a limited"
                                + " variable needs its status column (a migration) before it gets limits");
            }
        }
        Map<String, String> master = columns(c, "stage", "tbl_pozo_maestra");
        for (DqRule r : catalogue.rules()) {
            if (r.tipo() == com.bp010.referencial.DqRuleType.MAESTRA && !master.containsKey(r.nombreTecnico())) {
                throw BadInput.at(names.get(ConfigBundle.RULES), r.line(), "variable", r.nombreTecnico(),
                        "a MAESTRA rule needs a column of stage.tbl_pozo_maestra; there is none with this name");
            }
        }
    }

    private static Map<String, String> columns(Connection c, String schema, String table) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (var ps = c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }
}
