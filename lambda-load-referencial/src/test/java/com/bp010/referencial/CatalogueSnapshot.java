package com.bp010.referencial;

import com.bp010.testsupport.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every row of the reference catalogue (all columns but {@code updated_at}) in key order, to compare two states. */
final class CatalogueSnapshot {
    static final List<String> TABLES = List.of("tbl_ref_unidades", "tbl_ref_estados_operativos", "tbl_ref_paneles_bi",
            "tbl_maestra_variables", "tbl_unidades_variable", "tbl_var_scada_map", "tbl_limites_pozo", "tbl_dq_rules",
            "tbl_reglas_consistencia", "tbl_dq_consistencia_map", "catalogo_status", "config_evaluacion",
            "tbl_config_kpi");

    private CatalogueSnapshot() {
    }

    static Map<String, List<String>> of(TestDatabase db) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String t : TABLES) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT (to_jsonb(x) - 'updated_at')::text FROM referencial." + t
                        + " x ORDER BY 1")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                out.put(t, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
