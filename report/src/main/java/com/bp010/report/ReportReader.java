package com.bp010.report;

import com.bp010.report.ReportModel.DailyKpi;
import com.bp010.report.ReportModel.DataExtent;
import com.bp010.report.ReportModel.DqFailure;
import com.bp010.report.ReportModel.DqRule;
import com.bp010.report.ReportModel.DqScore;
import com.bp010.report.ReportModel.FieldDay;
import com.bp010.report.ReportModel.Finding;
import com.bp010.report.ReportModel.HourlySeries;
import com.bp010.report.ReportModel.Limits;
import com.bp010.report.ReportModel.LiveAlert;
import com.bp010.report.ReportModel.MatrixCell;
import com.bp010.report.ReportModel.SurfaceCard;
import com.bp010.report.ReportModel.CardDiagnosis;
import com.bp010.report.ReportModel.Well;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a report's {@link ReportModel} from the {@code reporting} views only (what {@code bp010_reader} may read), for
 * one window and optionally one well. Every query binds its values; no identifier is built at run time.
 */
final class ReportReader {
    static final int MAX_DQ_FAILURES = 500;

    /** Surface cards drawn per well: the latest and the ones before it, faintly. */
    static final int CARDS_PER_WELL = 6;
    private static final String WELL = "(CAST(? AS text) IS NULL OR well_id = ?)";
    private static final Set<String> HOURLY_KEYS = Set.of("well_id", "fecha_hora", "n_lecturas");

    private final Connection c;
    private final String wellId;

    ReportReader(Connection c, String wellId) {
        this.c = c;
        this.wellId = wellId;
    }

    DataExtent extent() throws SQLException {
        return Rows.list(c, "SELECT min(fecha) AS first_day, max(fecha) AS last_day FROM reporting.vw_kpi_daily WHERE "
                + WELL, rs -> new DataExtent(Rows.day(rs, "first_day"), Rows.day(rs, "last_day")), wellId, wellId).get(0);
    }

    ReportModel read(ReportWindow w, Language lang, Instant generatedAt, DataExtent extent) throws SQLException {
        List<Well> wells = wells();
        Instant stateAsOf = Rows.list(c, "SELECT max(evaluado_en) AS t FROM reporting.vw_semaphore_matrix WHERE " + WELL,
                rs -> Rows.instant(rs, "t"), wellId, wellId).get(0);
        return new ReportModel(w, generatedAt, stateAsOf, labels(lang), wells, matrix(), alerts(), hourly(w), daily(w),
                cards(w), diagnoses(w), consistency(), dqFailures(w), dqScore(w), dqRules(w), fieldDays(w), extent);
    }

    Labels labels(Language lang) throws SQLException {
        Map<String, Labels.Variable> vars = new LinkedHashMap<>();
        for (Labels.Variable v : Rows.list(c, "SELECT * FROM reporting.vw_variable_labels ORDER BY nombre_tecnico",
                rs -> new Labels.Variable(rs.getString("nombre_tecnico"), rs.getString("codigo_corto"),
                        rs.getString("nombre_es"), rs.getString("etiqueta_es"), rs.getString("nombre_en"),
                        rs.getString("unidad"), rs.getBoolean("es_profundidad"), rs.getBoolean("tiene_limites")))) {
            vars.put(v.name(), v);
        }
        Map<Integer, Labels.Status> statuses = new LinkedHashMap<>();
        for (Labels.Status s : Rows.list(c, "SELECT * FROM reporting.vw_status_labels ORDER BY codigo",
                rs -> new Labels.Status(rs.getInt("codigo"), rs.getString("nombre"), rs.getString("nombre_en"),
                        rs.getString("lado"), rs.getString("estado_operativo")))) {
            statuses.put(s.code(), s);
        }
        return new Labels(lang, vars, statuses);
    }

    private List<Well> wells() throws SQLException {
        return Rows.list(c, """
                SELECT s.well_id, s.nombre_pozo, s.campo, s.estado_operativo, s.fecha_hora_ultima_lectura,
                       d.peor_variable, d.peor_status, d.cdi_diagnostico, d.cdi_probabilidad
                  FROM reporting.vw_well_selector s
                  JOIN reporting.vw_dashboard_main d ON d.well_id = s.well_id
                 WHERE (CAST(? AS text) IS NULL OR s.well_id = ?)
                 ORDER BY s.orden""",
                rs -> new Well(rs.getString("well_id"), rs.getString("nombre_pozo"), rs.getString("campo"),
                        rs.getString("estado_operativo"), Rows.instant(rs, "fecha_hora_ultima_lectura"),
                        rs.getString("peor_variable"), Rows.integer(rs, "peor_status"), rs.getString("cdi_diagnostico"),
                        Rows.dbl(rs, "cdi_probabilidad")), wellId, wellId);
    }

    private Map<String, List<MatrixCell>> matrix() throws SQLException {
        return group(Rows.list(c, "SELECT * FROM reporting.vw_semaphore_matrix WHERE " + WELL + " ORDER BY well_id, orden",
                rs -> new MatrixCell(rs.getString("well_id"), rs.getString("variable"), rs.getInt("orden"),
                        Rows.dbl(rs, "valor"), Rows.instant(rs, "fecha_hora_lectura"), Rows.integer(rs, "codigo"),
                        new Limits(Rows.dbl(rs, "min_critical"), Rows.dbl(rs, "min_warning"), Rows.dbl(rs, "target"),
                                Rows.dbl(rs, "max_warning"), Rows.dbl(rs, "max_critical"))), wellId, wellId),
                MatrixCell::wellId);
    }

    private List<LiveAlert> alerts() throws SQLException {
        return Rows.list(c, "SELECT * FROM reporting.vw_alerts WHERE " + WELL + " ORDER BY orden",
                rs -> new LiveAlert(rs.getString("tipo"), rs.getString("well_id"), rs.getString("referencia"),
                        Rows.integer(rs, "codigo_status"), Rows.dbl(rs, "valor"), Rows.dbl(rs, "valor_referencia"),
                        rs.getString("limite_nombre"), Rows.dbl(rs, "limite"), Rows.instant(rs, "desde"),
                        Rows.instant(rs, "ultima_observacion"), Rows.instant(rs, "evaluado_en"),
                        rs.getString("severidad")), wellId, wellId);
    }

    private Map<String, HourlySeries> hourly(ReportWindow w) throws SQLException {
        Map<String, List<Instant>> hours = new LinkedHashMap<>();
        Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
        Rows.list(c, "SELECT * FROM reporting.vw_hourly_variables WHERE fecha_hora >= ? AND fecha_hora < ? AND " + WELL
                + " ORDER BY well_id, fecha_hora", rs -> {
                    String well = rs.getString("well_id");
                    hours.computeIfAbsent(well, k -> new ArrayList<>()).add(Rows.instant(rs, "fecha_hora"));
                    Map<String, List<Double>> byVariable = values.computeIfAbsent(well, k -> new LinkedHashMap<>());
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String column = md.getColumnLabel(i);
                        if (!HOURLY_KEYS.contains(column)) {
                            byVariable.computeIfAbsent(column, k -> new ArrayList<>()).add(Rows.dbl(rs, column));
                        }
                    }
                    return null;
                }, utc(w.start()), utc(w.end()), wellId, wellId);
        Map<String, HourlySeries> series = new LinkedHashMap<>();
        hours.forEach((well, h) -> {
            Map<String, Double[]> arrays = new LinkedHashMap<>();
            values.get(well).forEach((variable, list) -> arrays.put(variable, list.toArray(Double[]::new)));
            series.put(well, new HourlySeries(well, List.copyOf(h), arrays));
        });
        return series;
    }

    private Map<String, List<DailyKpi>> daily(ReportWindow w) throws SQLException {
        return group(Rows.list(c, "SELECT * FROM reporting.vw_kpi_daily WHERE fecha BETWEEN ? AND ? AND " + WELL
                        + " ORDER BY well_id, fecha",
                rs -> new DailyKpi(rs.getString("well_id"), Rows.day(rs, "fecha"), rs.getInt("horas_con_datos"),
                        Rows.dbl(rs, "produccion_petroleo_bbl"), Rows.dbl(rs, "produccion_agua_bbl"),
                        Rows.dbl(rs, "produccion_gas_mscf"), Rows.dbl(rs, "horas_operacion"), Rows.dbl(rs, "uptime_pct"),
                        Rows.dbl(rs, "pump_efficiency_pct"), Rows.dbl(rs, "kwh_por_bbl"), Rows.dbl(rs, "energia_kwh"),
                        Rows.dbl(rs, "target_oil_rate"), Rows.dbl(rs, "variance_oil_pct"),
                        (Integer) rs.getObject("horas_periodo", Integer.class),
                        (Boolean) rs.getObject("completo", Boolean.class),
                        Rows.dbl(rs, "oil_rate")),
                w.from(), w.to(), wellId, wellId), DailyKpi::wellId);
    }

    private Map<String, List<SurfaceCard>> cards(ReportWindow w) throws SQLException {
        return group(Rows.list(c, """
                SELECT s.well_id, k.timestamp_lectura, k.carta, k.carta_valida, k.dq_regla, k.dq_motivo
                  FROM reporting.vw_well_selector s
                 CROSS JOIN LATERAL (
                       SELECT d.timestamp_lectura, d.carta, d.carta_valida, d.dq_regla, d.dq_motivo
                         FROM reporting.vw_dynacards d
                        WHERE d.well_id = s.well_id AND d.timestamp_lectura >= ? AND d.timestamp_lectura < ?
                        ORDER BY d.timestamp_lectura DESC
                        LIMIT ?) k
                 WHERE (CAST(? AS text) IS NULL OR s.well_id = ?)
                 ORDER BY s.well_id, k.timestamp_lectura DESC""",
                rs -> CardText.surfaceCard(rs.getString("well_id"), Rows.instant(rs, "timestamp_lectura"),
                        rs.getBoolean("carta_valida"), rs.getString("dq_regla"), rs.getString("dq_motivo"),
                        rs.getString("carta")),
                utc(w.start()), utc(w.end()), CARDS_PER_WELL, wellId, wellId), SurfaceCard::wellId);
    }

    /**
     * The diagnoses of the window's latest {@link #CARDS_PER_WELL} diagnosed readings per well, newest first: one per
     * reading, the rules' where a reading has several models' (their reasons are the ones the report can explain).
     */
    private Map<String, List<CardDiagnosis>> diagnoses(ReportWindow w) throws SQLException {
        return group(Rows.list(c, """
                SELECT s.well_id, k.*
                  FROM reporting.vw_well_selector s
                 CROSS JOIN LATERAL (
                       SELECT DISTINCT ON (d.timestamp_lectura) d.timestamp_lectura, d.patron, d.severidad,
                              d.confianza, d.base, d.fuente, d.llenado_pct, d.carga_fluido_lbf, d.pip_psi,
                              d.caracteristicas::text AS caracteristicas, d.razones::text AS razones,
                              d.position_fondo, d.load_fondo
                         FROM reporting.vw_card_diagnoses d
                        WHERE d.well_id = s.well_id AND d.timestamp_lectura >= ? AND d.timestamp_lectura < ?
                        ORDER BY d.timestamp_lectura DESC, (d.fuente = 'RULES') DESC, d.modelo_version DESC
                        LIMIT ?) k
                 WHERE (CAST(? AS text) IS NULL OR s.well_id = ?)
                 ORDER BY s.well_id, k.timestamp_lectura DESC""",
                rs -> new CardDiagnosis(rs.getString("well_id"), Rows.instant(rs, "timestamp_lectura"),
                        rs.getString("patron"), rs.getString("severidad"), Rows.dbl(rs, "confianza"),
                        rs.getString("base"), rs.getString("fuente"), Rows.dbl(rs, "llenado_pct"),
                        Rows.dbl(rs, "carga_fluido_lbf"), Rows.dbl(rs, "pip_psi"),
                        CardText.features(rs.getString("caracteristicas")), CardText.reasons(rs.getString("razones")),
                        Rows.doubles(rs, "position_fondo"), Rows.doubles(rs, "load_fondo")),
                utc(w.start()), utc(w.end()), CARDS_PER_WELL, wellId, wellId), CardDiagnosis::wellId);
    }

    private List<Finding> consistency() throws SQLException {
        return Rows.list(c, "SELECT * FROM reporting.vw_consistency_violations WHERE vigente AND " + WELL
                        + " ORDER BY well_id, codigo",
                rs -> new Finding(rs.getString("well_id"), rs.getString("codigo"), rs.getString("variable_medida"),
                        Rows.dbl(rs, "valor_medido"), rs.getString("operador"), rs.getString("variable_referencia"),
                        Rows.dbl(rs, "valor_referencia"), rs.getString("severidad"), Rows.instant(rs, "detectado_en")),
                wellId, wellId);
    }

    /**
     * Every failed check of the window by its latest verdict (reporting.vw_dq_failures), the most severe first; well
     * master checks (no hour) always. At most {@link #MAX_DQ_FAILURES}: the score tile counts them all.
     */
    private List<DqFailure> dqFailures(ReportWindow w) throws SQLException {
        return Rows.list(c, """
                SELECT well_id, timestamp_lectura, nombre_tecnico, valor, limite, rule_id, tipo, motivo, severidad
                  FROM reporting.vw_dq_failures
                 WHERE timestamp_lectura IS NULL
                    OR (timestamp_lectura >= ? AND timestamp_lectura < ?)
                 ORDER BY orden_severidad, timestamp_lectura DESC NULLS FIRST, well_id, rule_id
                 LIMIT ?""",
                rs -> new DqFailure(rs.getString("well_id"), Rows.instant(rs, "timestamp_lectura"),
                        rs.getString("nombre_tecnico"), rs.getString("valor"), Rows.dbl(rs, "limite"),
                        rs.getString("rule_id"), rs.getString("tipo"), rs.getString("motivo"),
                        rs.getString("severidad")), w.start().atOffset(java.time.ZoneOffset.UTC),
                w.end().atOffset(java.time.ZoneOffset.UTC), MAX_DQ_FAILURES);
    }

    /** The shared score definition (reporting.fnc_dq_score): the console computes it the same way. */
    private DqScore dqScore(ReportWindow w) throws SQLException {
        return Rows.list(c, "SELECT * FROM reporting.fnc_dq_score(?, ?)",
                rs -> new DqScore(rs.getLong("evaluated"), rs.getLong("passed"), rs.getLong("failed"),
                        rs.getLong("not_evaluated")), w.from(), w.to()).get(0);
    }

    /** Per rule, the same score over the same days (reporting.fnc_dq_score_by_rule, of which the tile is the sum). */
    private List<DqRule> dqRules(ReportWindow w) throws SQLException {
        return Rows.list(c, "SELECT * FROM reporting.fnc_dq_score_by_rule(?, ?) ORDER BY rule_id",
                rs -> new DqRule(rs.getString("rule_id"), rs.getString("nombre_tecnico"), rs.getString("tipo"),
                        rs.getString("severidad"), rs.getLong("evaluated"), rs.getLong("failed"),
                        rs.getLong("not_evaluated"), Rows.dbl(rs, "score")), w.from(), w.to());
    }

    private List<FieldDay> fieldDays(ReportWindow w) throws SQLException {
        return Rows.list(c, """
                SELECT fecha, count(*) AS wells, count(*) FILTER (WHERE horas_con_datos >= coalesce(horas_periodo, 24))
                              AS complete_wells,
                       sum(produccion_petroleo_bbl) AS oil, sum(produccion_agua_bbl) AS water,
                       sum(produccion_gas_mscf) AS gas, sum(energia_kwh) AS energy,
                       sum(emp_energia_kwh) / nullif(sum(emp_energia_liquido_bbl), 0) AS kwh_por_bbl
                  FROM reporting.vw_kpi_daily
                 WHERE fecha BETWEEN ? AND ? AND (CAST(? AS text) IS NULL OR well_id = ?)
                 GROUP BY fecha ORDER BY fecha""",
                rs -> new FieldDay(Rows.day(rs, "fecha"), rs.getInt("wells"), rs.getInt("complete_wells"),
                        Rows.dbl(rs, "oil"), Rows.dbl(rs, "water"), Rows.dbl(rs, "gas"), Rows.dbl(rs, "energy"),
                        Rows.dbl(rs, "kwh_por_bbl")), w.from(), w.to(), wellId, wellId);
    }

    private static <T> Map<String, List<T>> group(List<T> rows, java.util.function.Function<T, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }

    private static java.time.OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
