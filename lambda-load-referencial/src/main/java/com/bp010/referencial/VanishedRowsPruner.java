package com.bp010.referencial;

import com.bp010.referencial.Rows.DqRule;
import com.bp010.referencial.Rows.Limit;
import com.bp010.referencial.Rows.Panel;
import com.bp010.referencial.Rows.ScadaEntry;
import com.bp010.referencial.Rows.Unit;
import com.bp010.referencial.Rows.Variable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static com.bp010.referencial.Sql.column;

/**
 * Rows that are no longer in the config files (docs/CONTRACTS.md §4.2): removed, unless history or a kept row refers to them; then
 * deactivated ({@code activa = false}) so every past result can still be traced to its catalogue.
 * History: landing readings for SCADA ids; DQ findings, run summaries and daily DQ facts for rules; DQ findings and
 * alerts for variables. Set-based: one DELETE and one UPDATE per table.
 */
final class VanishedRowsPruner {
    private VanishedRowsPruner() {
    }

    /** Before the SCADA map upsert: a retired id must free its column for the id that replaces it. */
    static void scadaMap(Connection c, List<ScadaEntry> rows) throws SQLException {
        Object ids = column(rows, ScadaEntry::varIdScada, String.class);
        Sql.update(c, """
                DELETE FROM referencial.tbl_var_scada_map m
                 WHERE m.var_id_scada <> ALL (?::text[])
                   AND NOT EXISTS (SELECT 1 FROM stage.landing_scada_data l WHERE l.var_id = m.var_id_scada)""", ids);
        Sql.update(c, """
                UPDATE referencial.tbl_var_scada_map SET activa = false, updated_at = now()
                 WHERE var_id_scada <> ALL (?::text[]) AND activa""", ids);
    }

    static void prune(Connection c, Catalogue cat) throws SQLException {
        Sql.update(c, "DELETE FROM referencial.tbl_limites_pozo WHERE well_id IS NULL AND fuente = 'config' "
                + "AND nombre_tecnico <> ALL (?::text[])", column(cat.limits(), Limit::nombreTecnico, String.class));
        Object rules = column(cat.rules(), DqRule::ruleId, String.class);
        // reporting.fact_dq_diaria is a view (V20) over the day sums of the hourly counts and fact_dq_diaria_base: a rule
        // counted in any hour ran, and every run leaves a tbl_dq_run_summary row per rule, so the base table is what is
        // left to check
        Sql.update(c, """
                DELETE FROM referencial.tbl_dq_rules r
                 WHERE r.rule_id <> ALL (?::text[])
                   AND NOT EXISTS (SELECT 1 FROM stage.tbl_pozo_scada_dq d WHERE d.rule_id = r.rule_id)
                   AND NOT EXISTS (SELECT 1 FROM stage.tbl_dq_run_summary s WHERE s.rule_id = r.rule_id)
                   AND NOT EXISTS (SELECT 1 FROM reporting.fact_dq_diaria_base f WHERE f.rule_id = r.rule_id)""", rules);
        Sql.update(c, "UPDATE referencial.tbl_dq_rules SET activa = false, updated_at = now() "
                + "WHERE rule_id <> ALL (?::text[]) AND activa", rules);
        Object vars = column(cat.variables(), Variable::idFormato1, String.class);
        Sql.update(c, """
                DELETE FROM referencial.tbl_maestra_variables v
                 WHERE v.id_formato1 <> ALL (?::text[])
                   AND NOT EXISTS (SELECT 1 FROM referencial.tbl_var_scada_map m WHERE m.id_formato1 = v.id_formato1)
                   AND NOT EXISTS (SELECT 1 FROM referencial.tbl_dq_rules r WHERE r.nombre_tecnico = v.nombre_tecnico)
                   AND NOT EXISTS (SELECT 1 FROM referencial.tbl_limites_pozo l WHERE l.nombre_tecnico = v.nombre_tecnico)
                   AND NOT EXISTS (SELECT 1 FROM stage.tbl_pozo_scada_dq d WHERE d.nombre_tecnico = v.nombre_tecnico)
                   AND NOT EXISTS (SELECT 1 FROM reporting.fact_alertas a WHERE a.referencia = v.nombre_tecnico)""", vars);
        Sql.update(c, "UPDATE referencial.tbl_maestra_variables SET activa = false, updated_at = now() "
                + "WHERE id_formato1 <> ALL (?::text[]) AND activa", vars);
        Object panels = column(cat.panels(), Panel::panelId, String.class);
        Sql.update(c, """
                DELETE FROM referencial.tbl_ref_paneles_bi p
                 WHERE p.panel_id <> ALL (?::text[])
                   AND NOT EXISTS (SELECT 1 FROM referencial.tbl_maestra_variables v WHERE v.panel_id = p.panel_id)""",
                panels);
        Sql.update(c, "UPDATE referencial.tbl_ref_paneles_bi SET activa = false, updated_at = now() "
                + "WHERE panel_id <> ALL (?::text[]) AND activa", panels);
        Object units = column(cat.units(), Unit::simbolo, String.class);
        Sql.update(c, """
                DELETE FROM referencial.tbl_ref_unidades u
                 WHERE u.simbolo <> ALL (?::text[])
                   AND NOT EXISTS (SELECT 1 FROM referencial.tbl_maestra_variables v WHERE v.unidad = u.simbolo)
                   AND NOT EXISTS (SELECT 1 FROM referencial.tbl_unidades_variable r WHERE r.simbolo = u.simbolo)""",
                units);
        Sql.update(c, "UPDATE referencial.tbl_ref_unidades SET activa = false, updated_at = now() "
                + "WHERE simbolo <> ALL (?::text[]) AND activa", units);
    }
}
