package com.bp010.referencial;

import com.bp010.referencial.Rows.DqRule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.bp010.referencial.Sql.column;

/** The rows of the catalogue as the database holds them after a load, counted per table (docs/CONTRACTS.md §4.2 order). */
final class CatalogueCounts {
    private CatalogueCounts() {
    }

    static Map<String, Long> count(Connection c, Catalogue cat) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("tbl_ref_unidades", Sql.count(c, "SELECT count(*) FROM referencial.tbl_ref_unidades WHERE activa"));
        counts.put("tbl_ref_estados_operativos", Sql.count(c, "SELECT count(*) FROM referencial.tbl_ref_estados_operativos"));
        counts.put("tbl_ref_paneles_bi", Sql.count(c, "SELECT count(*) FROM referencial.tbl_ref_paneles_bi WHERE activa"));
        counts.put("tbl_maestra_variables",
                Sql.count(c, "SELECT count(*) FROM referencial.tbl_maestra_variables WHERE activa"));
        counts.put("tbl_var_scada_map", Sql.count(c, "SELECT count(*) FROM referencial.tbl_var_scada_map WHERE activa"));
        counts.put("tbl_limites_pozo", Sql.count(c,
                "SELECT count(*) FROM referencial.tbl_limites_pozo WHERE well_id IS NULL AND fuente = 'config'"));
        counts.put("tbl_dq_rules", Sql.count(c, "SELECT count(*) FROM referencial.tbl_dq_rules WHERE rule_id = ANY (?::text[])",
                column(cat.rules(), DqRule::ruleId, String.class)));
        counts.put("tbl_reglas_consistencia",
                Sql.count(c, "SELECT count(*) FROM referencial.tbl_reglas_consistencia WHERE activa"));
        counts.put("tbl_dq_consistencia_map", Sql.count(c, "SELECT count(*) FROM referencial.tbl_dq_consistencia_map"));
        return counts;
    }
}
