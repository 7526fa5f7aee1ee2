package com.bp010.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What a batch's readings are checked against, read once per batch: the wells of the well master and the SCADA ids
 * of the map, each with its landing surrogate key; for each SCADA id whether its column is numeric, and the column.
 */
final class LandingCatalogue {
    /** A SCADA id of the map: its landing key, whether its stage column is numeric, the column. */
    record Variable(int key, boolean numeric, String column) {
    }

    private final Map<String, Integer> wells;
    private final Map<String, Variable> variables;
    private String lastWellId;
    private Integer lastWell;

    private LandingCatalogue(Map<String, Integer> wells, Map<String, Variable> variables) {
        this.wells = wells;
        this.variables = variables;
    }

    /**
     * @param extraWells wells this batch adds to the well master itself (a dump holding both): known to its readings
     */
    static LandingCatalogue read(Connection c, Collection<String> extraWells) throws SQLException {
        try (Statement st = c.createStatement()) {
            // every well and SCADA id has a surrogate (triggers register new ones); this repairs a database restored
            // without them, and registers the wells a dump brings with its readings
            st.execute("""
                    INSERT INTO stage.dim_well (well_id)
                    SELECT m.well_id FROM stage.tbl_pozo_maestra m
                     WHERE NOT EXISTS (SELECT 1 FROM stage.dim_well d WHERE d.well_id = m.well_id)
                    ON CONFLICT (well_id) DO NOTHING""");
            st.execute("""
                    INSERT INTO stage.dim_variable (var_id)
                    SELECT m.var_id_scada FROM referencial.tbl_var_scada_map m
                     WHERE NOT EXISTS (SELECT 1 FROM stage.dim_variable d WHERE d.var_id = m.var_id_scada)
                    ON CONFLICT (var_id) DO NOTHING""");
        }
        if (!extraWells.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO stage.dim_well (well_id)
                    SELECT w FROM unnest(?::text[]) w
                     WHERE NOT EXISTS (SELECT 1 FROM stage.dim_well d WHERE d.well_id = w)
                    ON CONFLICT (well_id) DO NOTHING""")) {
                ps.setArray(1, c.createArrayOf("text", extraWells.toArray()));
                ps.execute();
            }
        }
        Map<String, Integer> wells = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT d.well_id, d.well_key FROM stage.dim_well d
                 WHERE d.well_id IN (SELECT m.well_id FROM stage.tbl_pozo_maestra m) OR d.well_id = ANY (?)""")) {
            ps.setArray(1, c.createArrayOf("text", extraWells.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    wells.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        Map<String, Variable> variables = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT m.var_id_scada, d.var_key, m.tipo_dato = 'numeric', m.columna_stage
                  FROM referencial.tbl_var_scada_map m
                  JOIN stage.dim_variable d ON d.var_id = m.var_id_scada""")) {
            while (rs.next()) {
                variables.put(rs.getString(1), new Variable(rs.getInt(2), rs.getBoolean(3), rs.getString(4)));
            }
        }
        return new LandingCatalogue(wells, variables);
    }

    /** The well's landing key, or null when the well master does not hold it. */
    Integer well(String wellId) {
        // readings come grouped by well: the last one found answers most lookups without hashing a new string
        if (lastWellId != null && lastWellId.equals(wellId)) {
            return lastWell;
        }
        Integer key = wells.get(wellId);
        if (key != null) {
            lastWellId = wellId;
            lastWell = key;
        }
        return key;
    }

    /** The SCADA id as the map holds it, or null when the map does not. */
    Variable variable(String varId) {
        return variables.get(varId);
    }
}
