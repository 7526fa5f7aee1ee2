package com.bp010.referencial;

import com.bp010.referencial.Rows.ConsistencyLink;
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
 * Merges a catalogue into {@code referencial} by natural key, one set-based statement per table: rows are inserted or
 * updated (only when something changed, so unchanged rows keep their {@code updated_at}); rows no longer in the files
 * are left to {@link VanishedRowsPruner}. Limits are the all-wells rows of source {@code config}; the columns
 * {@code sp_seed_defaults} derives (critical limits, baseline, tolerance, volatility) are cleared so they follow the
 * files, but only when the row as that routine would leave it ({@code referencial.fnc_limite_sembrado}) differs from
 * the stored one: reloading an unchanged file rewrites no row (and so marks nothing for recomputation).
 */
final class CatalogueWriter {
    private CatalogueWriter() {
    }

    static void write(Connection c, Catalogue cat) throws SQLException {
        units(c, cat.units());
        panels(c, cat.panels());
        variables(c, cat.variables());
        rawUnits(c, cat.variables());
        VanishedRowsPruner.scadaMap(c, cat.scadaMap());
        scadaMap(c, cat.scadaMap());
        limits(c, cat.limits());
        FixedDataWriter.write(c);
        rules(c, cat.rules());
        links(c, cat.links());
        VanishedRowsPruner.prune(c, cat);
    }

    private static void units(Connection c, List<Unit> rows) throws SQLException {
        Sql.update(c, """
                INSERT INTO referencial.tbl_ref_unidades AS t (simbolo, nombre, magnitud, activa)
                SELECT s, n, m, true FROM unnest(?::text[], ?::text[], ?::text[]) AS u(s, n, m)
                ON CONFLICT (simbolo) DO UPDATE SET nombre = EXCLUDED.nombre, magnitud = EXCLUDED.magnitud,
                    activa = true, updated_at = now()
                WHERE (t.nombre, t.magnitud, t.activa) IS DISTINCT FROM (EXCLUDED.nombre, EXCLUDED.magnitud, true)""",
                column(rows, Unit::simbolo, String.class), column(rows, Unit::nombre, String.class),
                column(rows, Unit::magnitud, String.class));
    }

    private static void panels(Connection c, List<Panel> rows) throws SQLException {
        Sql.update(c, """
                INSERT INTO referencial.tbl_ref_paneles_bi AS t (panel_id, nombre, orden, activa)
                SELECT p, n, o, true FROM unnest(?::text[], ?::text[], ?::int[]) AS u(p, n, o)
                ON CONFLICT (panel_id) DO UPDATE SET nombre = EXCLUDED.nombre, orden = EXCLUDED.orden, activa = true,
                    updated_at = now()
                WHERE (t.nombre, t.orden, t.activa) IS DISTINCT FROM (EXCLUDED.nombre, EXCLUDED.orden, true)""",
                column(rows, Panel::panelId, String.class), column(rows, Panel::nombre, String.class),
                column(rows, Panel::orden, Integer.class));
    }

    private static void variables(Connection c, List<Variable> rows) throws SQLException {
        Sql.update(c, """
                INSERT INTO referencial.tbl_maestra_variables AS t (id_formato1, nombre_tecnico, descripcion, unidad,
                    unidad_cruda, panel_id, ident_dashboard, tipo_dato, categoria, es_contador, tipo_contador, activa)
                SELECT * , true FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::bool[], ?::text[])
                ON CONFLICT (id_formato1) DO UPDATE SET nombre_tecnico = EXCLUDED.nombre_tecnico,
                    descripcion = EXCLUDED.descripcion, unidad = EXCLUDED.unidad, unidad_cruda = EXCLUDED.unidad_cruda,
                    panel_id = EXCLUDED.panel_id, ident_dashboard = EXCLUDED.ident_dashboard,
                    tipo_dato = EXCLUDED.tipo_dato, categoria = EXCLUDED.categoria, es_contador = EXCLUDED.es_contador,
                    tipo_contador = EXCLUDED.tipo_contador, activa = true, updated_at = now()
                WHERE (t.nombre_tecnico, t.descripcion, t.unidad, t.unidad_cruda, t.panel_id, t.ident_dashboard,
                       t.tipo_dato, t.categoria, t.es_contador, t.tipo_contador, t.activa)
                   IS DISTINCT FROM (EXCLUDED.nombre_tecnico, EXCLUDED.descripcion, EXCLUDED.unidad,
                       EXCLUDED.unidad_cruda, EXCLUDED.panel_id, EXCLUDED.ident_dashboard, EXCLUDED.tipo_dato,
                       EXCLUDED.categoria, EXCLUDED.es_contador, EXCLUDED.tipo_contador, true)""",
                column(rows, Variable::idFormato1, String.class), column(rows, Variable::nombreTecnico, String.class),
                column(rows, Variable::descripcion, String.class), column(rows, Variable::unidad, String.class),
                column(rows, Variable::unidadCruda, String.class), column(rows, Variable::panelId, String.class),
                column(rows, Variable::identDashboard, String.class), column(rows, Variable::tipoDato, String.class),
                column(rows, Variable::categoria, String.class), column(rows, Variable::esContador, Boolean.class),
                column(rows, Variable::tipoContador, String.class));
    }

    private static void rawUnits(Connection c, List<Variable> all) throws SQLException {
        List<Variable> rows = all.stream().filter(v -> v.unidadCruda() != null).toList();
        String[] ids = (String[]) column(rows, Variable::idFormato1, String.class);
        Sql.update(c, "DELETE FROM referencial.tbl_unidades_variable WHERE id_formato1 <> ALL (?::text[])", (Object) ids);
        Sql.update(c, """
                INSERT INTO referencial.tbl_unidades_variable AS t (id_formato1, unidad_cruda, simbolo)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[])
                ON CONFLICT (id_formato1) DO UPDATE SET unidad_cruda = EXCLUDED.unidad_cruda,
                    simbolo = EXCLUDED.simbolo, updated_at = now()
                WHERE (t.unidad_cruda, t.simbolo) IS DISTINCT FROM (EXCLUDED.unidad_cruda, EXCLUDED.simbolo)""",
                ids, column(rows, Variable::unidadCruda, String.class), column(rows, Variable::unidad, String.class));
    }

    private static void scadaMap(Connection c, List<ScadaEntry> rows) throws SQLException {
        Sql.update(c, """
                INSERT INTO referencial.tbl_var_scada_map AS t (var_id_scada, id_formato1, nombre_tecnico,
                    columna_stage, tipo_dato, activa)
                SELECT *, true FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                ON CONFLICT (var_id_scada) DO UPDATE SET id_formato1 = EXCLUDED.id_formato1,
                    nombre_tecnico = EXCLUDED.nombre_tecnico, columna_stage = EXCLUDED.columna_stage,
                    tipo_dato = EXCLUDED.tipo_dato, activa = true, updated_at = now()
                WHERE (t.id_formato1, t.nombre_tecnico, t.columna_stage, t.tipo_dato, t.activa)
                   IS DISTINCT FROM (EXCLUDED.id_formato1, EXCLUDED.nombre_tecnico, EXCLUDED.columna_stage,
                       EXCLUDED.tipo_dato, true)""",
                column(rows, ScadaEntry::varIdScada, String.class), column(rows, ScadaEntry::idFormato1, String.class),
                column(rows, ScadaEntry::nombreTecnico, String.class),
                column(rows, ScadaEntry::columnaStage, String.class), column(rows, ScadaEntry::tipoDato, String.class));
    }

    private static void limits(Connection c, List<Limit> rows) throws SQLException {
        Sql.update(c, """
                INSERT INTO referencial.tbl_limites_pozo AS t (nombre_tecnico, well_id, min_critical, min_warning,
                    max_warning, max_critical, target, unidad, clasificacion, fuente)
                SELECT n, NULL, a, b, d, e, g, u, k, 'config'
                  FROM unnest(?::text[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::text[],
                       ?::text[]) AS x(n, a, b, d, e, g, u, k)
                ON CONFLICT ON CONSTRAINT tbl_limites_pozo_uk DO UPDATE SET min_critical = EXCLUDED.min_critical,
                    min_warning = EXCLUDED.min_warning, max_warning = EXCLUDED.max_warning,
                    max_critical = EXCLUDED.max_critical, target = EXCLUDED.target, unidad = EXCLUDED.unidad,
                    clasificacion = EXCLUDED.clasificacion, baseline = NULL, tolerancia_pct = NULL,
                    volatilidad_pct = NULL, updated_at = now()
                WHERE t.fuente = 'config'
                  AND NOT EXISTS (
                      SELECT 1 FROM referencial.fnc_limite_sembrado(EXCLUDED.nombre_tecnico, EXCLUDED.clasificacion,
                                        EXCLUDED.min_critical, EXCLUDED.min_warning, EXCLUDED.max_warning,
                                        EXCLUDED.max_critical, EXCLUDED.target) s
                       WHERE (t.min_critical, t.min_warning, t.max_warning, t.max_critical, t.target, t.unidad,
                              t.clasificacion, t.tolerancia_pct, t.volatilidad_pct, t.baseline)
                             IS NOT DISTINCT FROM (s.min_critical, EXCLUDED.min_warning, EXCLUDED.max_warning,
                              s.max_critical, EXCLUDED.target, EXCLUDED.unidad, EXCLUDED.clasificacion,
                              s.tolerancia_pct, s.volatilidad_pct, s.baseline))""",
                column(rows, Limit::nombreTecnico, String.class), column(rows, Limit::minCritical, Double.class),
                column(rows, Limit::minWarning, Double.class), column(rows, Limit::maxWarning, Double.class),
                column(rows, Limit::maxCritical, Double.class), column(rows, Limit::target, Double.class),
                column(rows, Limit::unidad, String.class), column(rows, Limit::clasificacion, String.class));
    }

    private static void rules(Connection c, List<DqRule> rows) throws SQLException {
        Sql.update(c, """
                INSERT INTO referencial.tbl_dq_rules AS t (rule_id, nombre_tecnico, tipo, expresion, valor_min,
                    valor_max, latencia_max_seg, severidad, activa, descripcion, origen_max)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[],
                    ?::float8[], ?::text[], ?::bool[], ?::text[], ?::text[])
                ON CONFLICT (rule_id) DO UPDATE SET nombre_tecnico = EXCLUDED.nombre_tecnico, tipo = EXCLUDED.tipo,
                    expresion = EXCLUDED.expresion, valor_min = EXCLUDED.valor_min, valor_max = EXCLUDED.valor_max,
                    latencia_max_seg = EXCLUDED.latencia_max_seg, severidad = EXCLUDED.severidad,
                    activa = EXCLUDED.activa, descripcion = EXCLUDED.descripcion, origen_max = EXCLUDED.origen_max,
                    updated_at = now()
                WHERE (t.nombre_tecnico, t.tipo, t.expresion, t.valor_min, t.valor_max, t.latencia_max_seg,
                       t.severidad, t.activa, t.descripcion, t.origen_max)
                   IS DISTINCT FROM (EXCLUDED.nombre_tecnico, EXCLUDED.tipo, EXCLUDED.expresion, EXCLUDED.valor_min,
                       EXCLUDED.valor_max, EXCLUDED.latencia_max_seg, EXCLUDED.severidad, EXCLUDED.activa,
                       EXCLUDED.descripcion, EXCLUDED.origen_max)""",
                column(rows, DqRule::ruleId, String.class), column(rows, DqRule::nombreTecnico, String.class),
                column(rows, r -> r.tipo().name(), String.class), column(rows, DqRule::expresion, String.class),
                column(rows, DqRule::valorMin, Double.class), column(rows, DqRule::valorMax, Double.class),
                column(rows, DqRule::latenciaMaxSeg, Double.class), column(rows, DqRule::severidad, String.class),
                column(rows, DqRule::activa, Boolean.class), column(rows, DqRule::descripcion, String.class),
                column(rows, DqRule::origenMax, String.class));
    }

    private static void links(Connection c, List<ConsistencyLink> rows) throws SQLException {
        String[] rules = (String[]) column(rows, ConsistencyLink::ruleId, String.class);
        String[] codes = (String[]) column(rows, ConsistencyLink::codigo, String.class);
        Sql.update(c, """
                DELETE FROM referencial.tbl_dq_consistencia_map m
                 WHERE NOT EXISTS (SELECT 1 FROM unnest(?::text[], ?::text[]) AS f(r, k)
                                    WHERE f.r = m.rule_id AND f.k = m.codigo)""", rules, codes);
        Sql.update(c, """
                INSERT INTO referencial.tbl_dq_consistencia_map AS t (rule_id, codigo, nombre_tecnico)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[])
                ON CONFLICT (rule_id, codigo) DO UPDATE SET nombre_tecnico = EXCLUDED.nombre_tecnico
                WHERE t.nombre_tecnico IS DISTINCT FROM EXCLUDED.nombre_tecnico""",
                rules, codes, column(rows, ConsistencyLink::nombreTecnico, String.class));
    }
}
