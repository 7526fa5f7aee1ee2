package com.bp010.pipeline;

import com.bp010.db.EmbeddedMetrics;
import com.bp010.db.Env;
import com.bp010.db.LazyDatabase;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A per-well limits row that leaves a bound NULL inherits the all-wells value only where it is consistent with the
 * well's own bounds (referencial.fnc_limites_resueltos, docs/CONTRACTS.md §5), through the pipeline handler:
 * <ul>
 *   <li>an operator row with only a low warning of 0.5 bbl/d under the catalogue's oil_rate row (critical low 1):
 *   before, 0.7 bbl/d read critical (below the inherited 1) though it is above the well's own warning; now the
 *   inherited critical is capped at 0.5, so 0.7 reads by the well's band and 0.3 is still critical;</li>
 *   <li>an operator row with only a low warning of 300 bbl/d: the all-wells max_warning 200 lies below it and is
 *   left out (before, 350 bbl/d read warning high against 200; the inherited 400 critical still applies);</li>
 *   <li>pump intake pressure limits derived from the well's fluid-level limits through the pipeline's PIP from fluid
 *   level (PIP = Pc + Go (Dp - FL), Go from the master's API gravity, Pc the casing pressure target): a level of
 *   3,200 ft over a 5,000 ft pump is normal by the fluid level and read "warning high" by the all-wells PIP row
 *   (600 psi) before; now both variables give one verdict. An operator's PIP row wins; a well without an API
 *   gravity keeps the all-wells row.</li>
 * </ul>
 */
class InheritedLimitsIT {
    private static final String RUN = """
            {"phases": ["TRANSFORM", "ENRICH"], "fechaInicio": "2026-03-10", "fechaFin": "2026-03-10",
             "asOf": "2026-03-11T00:00:00Z"}""";
    /** Oil gradient of a 35 API oil, docs/DOMAIN.md §2: 0.433 * 141.5 / 166.5. */
    private static final double GO = 0.433 * 141.5 / 166.5;

    private TestDatabase db;

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated();
        // the catalogue's all-wells rows (config/Rangos_validacion_variables_petroleras_limpio.py; the fluid level's
        // critical low as sp_seed_defaults leaves it)
        db.execute("""
                INSERT INTO referencial.tbl_limites_pozo (nombre_tecnico, unidad, min_critical, min_warning, target,
                       max_warning, max_critical, clasificacion)
                VALUES ('oil_rate', 'bbl/d', 1, 10, 52, 200, 400, 'VOLATIL'),
                       ('fluid_level', 'ft', 800, 1000, 4500, 4800, 4950, 'MODERADA'),
                       ('pump_intake_pressure', 'psi', 25, 50, 150, 600, 1000, 'MODERADA'),
                       ('casing_head_pressure', 'psi', NULL, NULL, 50, 300, 2000, 'MODERADA');
                INSERT INTO stage.tbl_pozo_maestra (well_id, nombre_pozo, profundidad_bomba, api_gravity)
                VALUES ('OIL-LOW-07', 'own low warning 0.5, at 0.7 bbl/d', NULL, NULL),
                       ('OIL-LOW-03', 'own low warning 0.5, at 0.3 bbl/d', NULL, NULL),
                       ('OIL-HIGH', 'own low warning 300, at 350 bbl/d', NULL, NULL),
                       ('PIP-5000', 'pump at 5,000 ft, 35 API', 5000, 35),
                       ('PIP-OPER', 'pump at 5,000 ft, an operator PIP row', 5000, 35),
                       ('PIP-NOAPI', 'pump at 5,000 ft, no API gravity', 5000, NULL);
                INSERT INTO referencial.tbl_limites_pozo (nombre_tecnico, well_id, min_warning, max_warning, fuente)
                VALUES ('oil_rate', 'OIL-LOW-07', 0.5, NULL, 'operador'),
                       ('oil_rate', 'OIL-LOW-03', 0.5, NULL, 'operador'),
                       ('oil_rate', 'OIL-HIGH', 300, NULL, 'operador'),
                       ('pump_intake_pressure', 'PIP-OPER', NULL, 650, 'operador');
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, oil_rate, fluid_level,
                       pump_intake_pressure, casing_head_pressure)
                SELECT w.id, TIMESTAMPTZ '2026-03-10T00:00:00Z' + make_interval(hours => h), w.q, w.fl, w.pip, w.pc
                  FROM (VALUES ('OIL-LOW-07', 0.7, NULL, NULL, NULL), ('OIL-LOW-03', 0.3, NULL, NULL, NULL),
                               ('OIL-HIGH', 350, NULL, NULL, NULL),
                               ('PIP-5000', 60, 3200, 50 + 0.433 * 141.5 / 166.5 * 1800, 50),
                               ('PIP-OPER', 60, 3200, 50 + 0.433 * 141.5 / 166.5 * 1800, 50),
                               ('PIP-NOAPI', 60, 3200, 50 + 0.433 * 141.5 / 166.5 * 1800, 50))
                       w(id, q, fl, pip, pc),
                       generate_series(0, 23) h;
                """);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void shouldInheritAnAllWellsBoundOnlyWhereItFitsTheWellsOwnBand() {
        JsonNode run = Invocation.invoke(handler(), RUN);

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("OK");
        assertThat(status("OIL-LOW-07", "oil_rate")).as("0.7 bbl/d: above the well's own 0.5 warning, below target")
                .isEqualTo(3);
        assertThat(effective("OIL-LOW-07", "oil_rate")).as("the inherited critical 1 capped at the well's warning")
                .isEqualTo("0.5 0.5 52 200 400");
        assertThat(status("OIL-LOW-03", "oil_rate")).as("0.3 bbl/d: below the well's warning, and the all-wells 1")
                .isEqualTo(1);
        assertThat(db.queryValue("SELECT codigo_status || ' ' || limite_nombre || ' ' || limite"
                + " FROM reporting.vw_alerts WHERE well_id = 'OIL-LOW-03' AND referencia = 'oil_rate'"))
                .isEqualTo("1 min_critical 0.5");
        assertThat(status("OIL-HIGH", "oil_rate")).as("350 bbl/d: the all-wells max_warning 200 is below the"
                + " well's own low warning, left out; the 400 critical stands").isEqualTo(5);
        assertThat(effective("OIL-HIGH", "oil_rate")).isEqualTo("1 300 52 null 400");
        assertThat(db.count("SELECT count(*) FROM reporting.fnc_limites_efectivos() e JOIN reporting.dim_pozo d"
                + " ON d.well_id = e.well_id WHERE (d.limites -> e.nombre_tecnico ->> 'min_critical')::float8"
                + " IS DISTINCT FROM e.min_critical OR (d.limites -> e.nombre_tecnico ->> 'max_warning')::float8"
                + " IS DISTINCT FROM e.max_warning"))
                .as("dim_pozo.limites and fnc_limites_efectivos resolve alike").isZero();
        assertThat(db.count("SELECT count(*) FROM reporting.fnc_limites_efectivos() e"
                + " WHERE e.min_critical > e.min_warning OR e.min_warning > e.max_warning"
                + " OR e.max_warning > e.max_critical OR e.min_critical > e.max_critical"))
                .as("no effective band out of order").isZero();
    }

    @Test
    void shouldSayWhichPerWellRowsAreOutOfOrder_whenAnOperatorTypedOne() {
        // the table's check compares neighbours only: with no low warning a critical low above the high warning passes
        db.execute("INSERT INTO referencial.tbl_limites_pozo (nombre_tecnico, well_id, min_critical, max_warning,"
                + " fuente) VALUES ('oil_rate', 'PIP-5000', 500, 300, 'operador')");

        JsonNode run = Invocation.invoke(handler(), RUN);

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("OK");
        assertThat(run.toString()).contains("sp_sync_dim_pozo_targets: 1 per-well limits row(s) out of order"
                + " (min_critical <= min_warning <= max_warning <= max_critical): PIP-5000 oil_rate"
                + " (min_critical 500 > max_warning 300); used as written");
    }

    @Test
    void shouldResolveToAnOrderedBand_forEveryMixOfOwnAndInheritedBounds() {
        // every subset of an ordered own row against all-wells rows placed below, inside, across and above it
        assertThat(db.count("""
                SELECT count(*)
                  FROM (VALUES (10.0, 20.0, 30.0, 40.0)) o(cl, wl, wh, ch)
                 CROSS JOIN generate_series(0, 15) m
                 CROSS JOIN (VALUES (1.0, 2.0, 3.0, 4.0), (5.0, 15.0, 25.0, 35.0), (12.0, 18.0, 35.0, 45.0),
                                    (22.0, 24.0, 26.0, 28.0), (15.0, 35.0, 45.0, 50.0), (50.0, 60.0, 70.0, 80.0),
                                    (NULL, 15.0, 25.0, NULL), (0.0, 45.0, 46.0, 47.0)) g(cl, wl, wh, ch)
                 CROSS JOIN LATERAL referencial.fnc_limites_resueltos(
                       CASE WHEN m & 1 > 0 THEN o.cl END, CASE WHEN m & 2 > 0 THEN o.wl END,
                       CASE WHEN m & 4 > 0 THEN o.wh END, CASE WHEN m & 8 > 0 THEN o.ch END,
                       g.cl, g.wl, g.wh, g.ch) r
                 WHERE r.min_critical > r.min_warning OR r.min_critical > r.max_warning
                    OR r.min_critical > r.max_critical OR r.min_warning > r.max_warning
                    OR r.min_warning > r.max_critical OR r.max_warning > r.max_critical
                    -- an own bound is never changed
                    OR (m & 1 > 0 AND r.min_critical IS DISTINCT FROM o.cl)
                    OR (m & 2 > 0 AND r.min_warning IS DISTINCT FROM o.wl)
                    OR (m & 4 > 0 AND r.max_warning IS DISTINCT FROM o.wh)
                    OR (m & 8 > 0 AND r.max_critical IS DISTINCT FROM o.ch)
                """)).isZero();
        assertThat(db.queryValue("SELECT concat_ws(' ', min_critical, min_warning, max_warning, max_critical)"
                + " FROM referencial.fnc_limites_resueltos(NULL, NULL, NULL, NULL, 1, 10, 200, 400)"))
                .as("without a row of its own: the all-wells row").isEqualTo("1 10 200 400");
    }

    @Test
    void shouldDerivePipLimitsFromTheFluidLevelLimits_whenTheMasterGivesDepthAndApi() {
        JsonNode run = Invocation.invoke(handler(), RUN);

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("OK");
        // fluid level 3,200 ft over a 5,000 ft pump: above the 3,000 ft warning, below target - 5 % (4,700 ft)
        assertThat(status("PIP-5000", "fluid_level")).isEqualTo(3);
        // the same condition in psi: below the derived warning (Pc + 2000 Go), above target + 5 % (Pc + 300 Go)
        assertThat(status("PIP-5000", "pump_intake_pressure")).isEqualTo(5);
        double[] pip = derivedPip("PIP-5000");
        assertThat(pip[0]).as("min_critical: FL at the pump, PIP = Pc").isCloseTo(50, within(1e-9));
        assertThat(pip[1]).as("min_warning: FL Dp - 100").isCloseTo(50 + 100 * GO, within(1e-9));
        assertThat(pip[2]).as("target: FL Dp - 300").isCloseTo(50 + 300 * GO, within(1e-9));
        assertThat(pip[3]).as("max_warning: FL Dp - 2000").isCloseTo(50 + 2000 * GO, within(1e-9));
        assertThat(pip[4]).as("max_critical: FL at the all-wells 800 ft critical")
                .isCloseTo(50 + 4200 * GO, within(1e-9));
        assertThat(db.queryValue("SELECT fuente FROM referencial.tbl_limites_pozo"
                + " WHERE well_id = 'PIP-OPER' AND nombre_tecnico = 'pump_intake_pressure'"))
                .as("the operator's row wins").isEqualTo("operador");
        assertThat(status("PIP-OPER", "pump_intake_pressure")).as("712 psi under the operator's 650").isEqualTo(6);
        assertThat(db.count("SELECT count(*) FROM referencial.tbl_limites_pozo"
                + " WHERE well_id = 'PIP-NOAPI' AND nombre_tecnico = 'pump_intake_pressure'"))
                .as("no API gravity: no oil gradient, no derived row").isZero();
        assertThat(status("PIP-NOAPI", "pump_intake_pressure")).as("the all-wells 600 psi").isEqualTo(6);

        db.execute("UPDATE referencial.config_evaluacion SET valor_num = 0.44"
                + " WHERE clave = 'gradiente_psi_ft' AND nombre_tecnico IS NULL");
        JsonNode next = Invocation.invoke(handler(), """
                {"phases": ["TRANSFORM", "ENRICH"], "asOf": "2026-03-11T00:00:00Z"}""");
        assertThat(next.path("status").asText()).as(next.toString()).isEqualTo("OK");
        assertThat(derivedPip("PIP-5000")[3]).as("a gradient change re-derives the limits")
                .isCloseTo(50 + 2000 * 0.44 * 141.5 / 166.5, within(1e-9));
    }

    private int status(String well, String variable) {
        return ((Number) db.queryValue("SELECT " + variable + "_status FROM reporting.dataset_current_values"
                + " WHERE well_id = ?", well)).intValue();
    }

    /** The effective limits in dim_pozo.limites: min_critical, min_warning, target, max_warning, max_critical. */
    private Object effective(String well, String variable) {
        return db.queryValue("SELECT concat_ws(' ', coalesce(l ->> 'min_critical', 'null'),"
                + " coalesce(l ->> 'min_warning', 'null'), l ->> 'target', coalesce(l ->> 'max_warning', 'null'),"
                + " coalesce(l ->> 'max_critical', 'null'))"
                + " FROM (SELECT limites -> ? AS l FROM reporting.dim_pozo WHERE well_id = ?) x", variable, well);
    }

    /** The derived pump_intake_pressure row: min_critical, min_warning, target, max_warning, max_critical. */
    private double[] derivedPip(String well) {
        String row = (String) db.queryValue("SELECT concat_ws(' ', min_critical, min_warning, target, max_warning,"
                + " max_critical) FROM referencial.tbl_limites_pozo WHERE well_id = ?"
                + " AND nombre_tecnico = 'pump_intake_pressure' AND fuente = 'derivado_maestra'", well);
        assertThat(row).as("a derived PIP row for " + well).isNotNull();
        String[] parts = row.split(" ");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }

    private PipelineV4Handler handler() {
        return new PipelineV4Handler(LazyDatabase.of(db.database()), PipelineSettings.fromEnv(Env.of(db.env())),
                EmbeddedMetrics.disabled());
    }
}
