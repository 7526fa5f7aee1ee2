package com.bp010.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo summary and the HTML report show, read from the dashboard views ({@code reporting.vw_*}) exactly as
 * a BI tool connected as {@code bp010_reader} would. The data-quality score is {@link DqConsole}'s, the report's.
 */
record ReportData(Map<String, Object> totals, List<Map<String, Object>> states, List<Map<String, Object>> matrix,
                  List<Map<String, Object>> alerts,
                  List<Map<String, Object>> dailyField, List<Map<String, Object>> violations,
                  List<Map<String, Object>> latestKpis, List<Map<String, Object>> latestCards,
                  List<Map<String, Object>> projectFindings, List<Map<String, Object>> downtimeDays) {

    static ReportData load(Connection c) throws SQLException {
        return new ReportData(
                rows(c, """
                        SELECT (SELECT count(*) FROM reporting.vw_well_selector) AS wells,
                               (SELECT count(*) FROM stage.tbl_pozo_produccion) AS production_rows,
                               (SELECT count(*) FROM stage.landing_scada_data) AS readings,
                               (SELECT count(*) FROM reporting.vw_alerts) AS alerts,
                               (SELECT count(*) FROM reporting.vw_consistency_violations WHERE vigente) AS violations,
                               (SELECT min(fecha) FROM reporting.vw_kpi_daily) AS first_day,
                               (SELECT max(fecha) FROM reporting.vw_kpi_daily) AS last_day""").get(0),
                rows(c, """
                        SELECT estado_operativo, max(estado_operativo_nombre) AS nombre, max(estado_operativo_color) AS color,
                               count(*) AS wells
                          FROM reporting.vw_well_selector GROUP BY estado_operativo ORDER BY min(orden)"""),
                rows(c, """
                        SELECT well_id, variable, orden, valor, unidad, codigo, status_nombre, color
                          FROM reporting.vw_semaphore_matrix ORDER BY well_id, orden"""),
                rows(c, """
                        SELECT a.tipo, a.well_id, a.referencia, a.codigo_status, a.estado, a.severidad, a.color,
                               a.valor, a.unidad, a.desde, a.mensaje, coalesce(l.es_profundidad, false) AS profundidad
                          FROM reporting.vw_alerts a
                          LEFT JOIN reporting.vw_variable_labels l ON l.nombre_tecnico = a.referencia
                         ORDER BY a.orden LIMIT 40"""),
                rows(c, """
                        SELECT fecha, sum(produccion_petroleo_bbl) AS petroleo, sum(produccion_agua_bbl) AS agua,
                               sum(produccion_gas_mscf) AS gas, sum(energia_kwh) AS energia,
                               sum(emp_energia_kwh) / nullif(sum(emp_energia_liquido_bbl), 0) AS kwh_por_bbl,
                               count(*) AS wells
                          FROM reporting.vw_kpi_daily GROUP BY fecha ORDER BY fecha"""),
                rows(c, """
                        SELECT codigo, descripcion, well_id, variable_medida, valor_medido, operador, variable_referencia,
                               valor_referencia, severidad, detectado_en
                          FROM reporting.vw_consistency_violations WHERE vigente ORDER BY codigo, well_id"""),
                rows(c, """
                        SELECT DISTINCT ON (well_id) well_id, fecha, produccion_petroleo_bbl, produccion_agua_bbl,
                               produccion_gas_mscf, kwh_por_bbl, uptime_pct, pump_efficiency_pct, system_efficiency_pct, pwf
                          FROM reporting.vw_kpi_daily
                         WHERE horas_con_datos = 24 OR fecha < (SELECT max(fecha) FROM reporting.vw_kpi_daily)
                         ORDER BY well_id, fecha DESC"""),
                rows(c, """
                        SELECT DISTINCT ON (well_id) well_id, timestamp_lectura, patron, severidad, confianza, base,
                               llenado_pct,
                               (SELECT string_agg(r, '; ') FROM jsonb_array_elements_text(razones) r) AS razones
                          FROM reporting.vw_card_diagnoses
                         WHERE fuente = 'RULES'
                         ORDER BY well_id, timestamp_lectura DESC"""),
                // the project's own checks (referencial.tbl_dq_reglas_proyecto), e.g. a counter glitch left out; the
                // reading's time on the session's clock (the field's), as the failed checks' lines show it
                rows(c, """
                        SELECT d.rule_id, d.well_id, to_char(d.timestamp_lectura, 'YYYY-MM-DD HH24:MI') AS timestamp_lectura,
                               d.nombre_tecnico, d.motivo
                          FROM stage.tbl_pozo_scada_dq d
                          JOIN referencial.tbl_dq_reglas_proyecto r ON r.rule_id = d.rule_id
                         ORDER BY d.rule_id, d.well_id, d.timestamp_lectura"""),
                // whole days of data on which a well ran less than three quarters of the time
                rows(c, """
                        SELECT well_id, fecha, uptime_pct, pump_efficiency_pct
                          FROM reporting.vw_kpi_daily
                         WHERE horas_con_datos = 24 AND uptime_pct < 75
                         ORDER BY fecha DESC, well_id LIMIT 5"""));
    }

    private static List<Map<String, Object>> rows(Connection c, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
