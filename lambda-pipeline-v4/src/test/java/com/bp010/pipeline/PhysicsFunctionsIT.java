package com.bp010.pipeline;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The derived-physics functions of sql/R__10_calc_derivados_funciones.sql against the worked examples of docs/DOMAIN.md §2,
 * on a freshly migrated database. Each oracle row is an SQL expression over the oracle well of docs/DOMAIN.md §2 (and the constants
 * of referencial.config_evaluacion as INIT seeds them) with the value docs/DOMAIN.md prints; the value must match to the
 * digits printed (half a unit of the last printed digit).
 */
class PhysicsFunctionsIT {

    /**
     * The oracle well of docs/DOMAIN.md §2, the configured constants and the intermediate quantities the worked examples chain
     * through, each computed by the functions under test.
     */
    private static final String ORACLE_WELL = """
            WITH c AS (
                SELECT max(valor_num) FILTER (WHERE clave = 'gradiente_psi_ft')   AS grad,
                       max(valor_num) FILTER (WHERE clave = 'constante_bomba')    AS k,
                       max(valor_num) FILTER (WHERE clave = 'factor_flotacion')   AS fb,
                       max(valor_num) FILTER (WHERE clave = 'hhp_factor_api')     AS f_api,
                       max(valor_num) FILTER (WHERE clave = 'hhp_factor_presion') AS f_p,
                       max(valor_num) FILTER (WHERE clave = 'prhp_divisor')       AS prhp_div,
                       max(valor_num) FILTER (WHERE clave = 'hp_por_kw')          AS hp_kw
                  FROM referencial.config_evaluacion WHERE nombre_tecnico IS NULL),
            w AS (
                SELECT 5000::float8 AS dp, 5200::float8 AS dmp, 4000::float8 AS fl, 50::float8 AS pc,
                       100::float8 AS pt, 35::float8 AS api, 1.07::float8 AS sgw, 0.60::float8 AS wc,
                       1.5::float8 AS d, 86::float8 AS s, 8::float8 AS n, 130::float8 AS q, 20::float8 AS runtime,
                       9350::float8 AS wr_air, 12::float8 AS kw)
            SELECT (%s)::float8 FROM w CROSS JOIN c
              CROSS JOIN LATERAL (SELECT stage.fnc_calc_sg_oil(w.api) AS sgo) a
              CROSS JOIN LATERAL (SELECT stage.fnc_calc_sg_mixture(a.sgo, w.sgw, w.wc) AS sgm) b
              CROSS JOIN LATERAL (SELECT stage.fnc_calc_gradient(a.sgo, c.grad) AS go,
                                         stage.fnc_calc_gradient(b.sgm, c.grad) AS gm) g
              CROSS JOIN LATERAL (SELECT stage.fnc_calc_pip(w.pc, g.go, w.dp, w.fl) AS pip,
                                         stage.fnc_calc_discharge_pressure(w.pt, g.gm, w.dp) AS pd,
                                         stage.fnc_calc_rate_while_running(w.q, w.runtime) AS qrun) p
            """;

    private static TestDatabase db;
    private static Connection conn;

    @BeforeAll
    static void migrate() throws SQLException {
        db = TestDatabase.migrated();
        conn = db.connect();
    }

    @AfterAll
    static void drop() throws SQLException {
        if (conn != null) {
            conn.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest(name = "{0} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            oil SG at 35 API                          | stage.fnc_calc_sg_oil(api)                                          | 0.849850
            mixture SG at 60 % water cut               | stage.fnc_calc_sg_mixture(sgo, sgw, wc)                            | 0.981940
            oil gradient (psi/ft)                      | stage.fnc_calc_gradient(sgo, grad)                                 | 0.367985
            mixture gradient (psi/ft)                  | stage.fnc_calc_gradient(sgm, grad)                                 | 0.425180
            PIP from fluid level (psig)                | stage.fnc_calc_pip(pc, go, dp, fl)                                 | 417.985
            PWF from PIP (psig)                        | stage.fnc_calc_pwf(pip, gm, dmp, dp)                               | 503.021
            fluid level from PIP, exact (ft)           | stage.fnc_calc_fluid_level(pip, pc, go, dp)                        | 4000.000000000
            gas-column pressure at the level (psia)    | stage.fnc_calc_gas_column_pressure(pc, 0.7, fl, 100, 1)            | 71.062
            gas-column correction (psi)                | stage.fnc_calc_gas_column_pressure(pc, 0.7, fl, 100, 1) - (pc + 14.7) | 6.362
            PIP with gas-column correction (psig)      | stage.fnc_calc_pip_gas_corrected(pc, go, dp, fl, 0.7, 100, 1)      | 424.347
            pump displacement, k = 0.1166 (bbl/d)      | stage.fnc_calc_pump_displacement(d, s, n, k)                       | 180.4968
            pump displacement, exact k (bbl/d)         | stage.fnc_calc_pump_displacement(d, s, n, pi() / 4 * 1440 / 9702) | 180.4521
            volumetric efficiency at 24 h (%)          | stage.fnc_calc_volumetric_efficiency(q, stage.fnc_calc_pump_displacement(d, s, n, k), 24)       | 72.02
            volumetric efficiency at 20 h (%)          | stage.fnc_calc_volumetric_efficiency(q, stage.fnc_calc_pump_displacement(d, s, n, k), runtime)  | 86.43
            volumetric efficiency at 24 h, exact k (%) | stage.fnc_calc_volumetric_efficiency(q, stage.fnc_calc_pump_displacement(d, s, n, pi() / 4 * 1440 / 9702), 24)      | 72.04
            volumetric efficiency at 20 h, exact k (%) | stage.fnc_calc_volumetric_efficiency(q, stage.fnc_calc_pump_displacement(d, s, n, pi() / 4 * 1440 / 9702), runtime) | 86.45
            rod string weight in air (lbf)             | stage.fnc_calc_rod_weight_air(ARRAY[2000, 3000]::float8[], ARRAY[2.224, 1.634]::float8[]) | 9350.000000
            buoyancy factor                            | stage.fnc_calc_buoyancy_factor(sgm, fb)                            | 0.874312
            buoyant rod weight (lbf)                   | stage.fnc_calc_rod_weight_buoyant(wr_air, sgm, fb)                 | 8174.81
            buoyant rod weight with 1/7.85 (lbf)       | stage.fnc_calc_rod_weight_buoyant(wr_air, sgm, 1 / 7.85)           | 8180.43
            plunger area (in2)                         | stage.fnc_calc_plunger_area(d)                                     | 1.767146
            pump discharge pressure (psig)             | stage.fnc_calc_discharge_pressure(pt, gm, dp)                      | 2225.90
            pump differential pressure (psi)           | pd - pip                                                           | 1807.91
            fluid load (lbf)                           | stage.fnc_calc_fluid_load(d, pd, pip)                              | 3194.85
            static rod load = Wrf + Fo (lbf)           | stage.fnc_calc_road_load(wr_air, sgm, fb, d, pd, pip)              | 11369.66
            square card area (lbf in)                  | stage.fnc_calc_card_area(ARRAY[0, 0, 86, 86]::float8[], ARRAY[5000, 10000, 10000, 5000]::float8[]) | 430000.000000
            square card area, closed polygon (lbf in)  | stage.fnc_calc_card_area(ARRAY[0, 0, 86, 86, 0]::float8[], ARRAY[5000, 10000, 10000, 5000, 5000]::float8[]) | 430000.000000
            square card area, clockwise (lbf in)       | stage.fnc_calc_card_area(ARRAY[0, 86, 86, 0]::float8[], ARRAY[5000, 5000, 10000, 10000]::float8[]) | 430000.000000
            PRHP of the square card (hp)               | stage.fnc_calc_prhp(430000, n, prhp_div)                           | 8.68687
            HHP, API form (hp)                         | stage.fnc_calc_hhp_api(q, sgm, fl, f_api)                          | 3.75808
            HHP, pressure form (hp)                    | stage.fnc_calc_hhp_pressure(q, pd - pip, f_p)                      | 3.99549
            hydralift, API definition (hp)             | stage.fnc_calc_hydralift('API', q, sgm, fl, NULL, f_api, f_p)      | 3.75808
            net lift with wellhead pressures (ft)      | stage.fnc_calc_net_lift(fl, pt, pc, grad, sgm)                     | 4117.597
            HHP, API form with wellhead pressures (hp) | stage.fnc_calc_hhp_api(q, sgm, stage.fnc_calc_net_lift(fl, pt, pc, grad, sgm), f_api) | 3.86857
            displaced volume, 12 h at 8 SPM (bbl)      | stage.fnc_calc_displaced_volume(d, s, n * 60 * 12, k)              | 90.2484
            Ev of 65 bbl over that volume (%)          | stage.fnc_calc_volumetric_efficiency_volume(65, stage.fnc_calc_displaced_volume(d, s, n * 60 * 12, k)) | 72.02
            Ev of 130/24 bbl in 1 h at 8 SPM (%)       | stage.fnc_calc_volumetric_efficiency_volume(q / 24, stage.fnc_calc_displaced_volume(d, s, n * 60, k)) | 72.02
            hydralift, PRESION definition (hp)         | stage.fnc_calc_hydralift('PRESION', q, NULL, NULL, pd - pip, f_api, f_p) | 3.99549
            rate while running (bbl/d)                 | stage.fnc_calc_rate_while_running(q, runtime)                      | 156.000000
            HHP while running, pressure form (hp)      | stage.fnc_calc_hhp_pressure(qrun, pd - pip, f_p)                   | 4.79459
            HHP while running, API form (hp)           | stage.fnc_calc_hhp_api(qrun, sgm, fl, f_api)                       | 4.50970
            input power at 12 kW (hp)                  | kw * hp_kw                                                         | 16.0923
            system efficiency, pressure form (%)       | stage.fnc_calc_system_efficiency(stage.fnc_calc_hhp_pressure(qrun, pd - pip, f_p), kw, hp_kw) | 29.79
            system efficiency, API form (%)            | stage.fnc_calc_system_efficiency(stage.fnc_calc_hhp_api(qrun, sgm, fl, f_api), kw, hp_kw)     | 28.02
            energy per bbl of liquid (kWh/bbl)         | stage.fnc_calc_kwh_per_bbl(kw * runtime, q)                        | 1.84615
            energy per bbl of oil (kWh/bbl)            | stage.fnc_calc_kwh_per_bbl(kw * runtime, q * (1 - wc))             | 4.61538
            variance 90 against target 100 (%)        | stage.fnc_calc_variance(90, 100)                                   | -10.000000
            variance 130 against target 120 (%)       | stage.fnc_calc_variance(q, 120)                                    | 8.333333
            """)
    void shouldReproduceTheDomainWorkedExample_whenEvaluatedOnTheOracleWell(String quantity, String expression,
                                                                            String printed) throws SQLException {
        assertMatchesPrintedDigits(quantity, evaluate(expression), printed);
    }

    @ParameterizedTest(name = "{0} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Vogel qmax from q 300 at 1200 psi, Pr 2000    | stage.fnc_calc_vogel_qmax(300, 1200, 2000)                              | 506.7568
            Vogel q at 500 psi                             | stage.fnc_calc_vogel_q(stage.fnc_calc_vogel_qmax(300, 1200, 2000), 500, 2000)   | 456.0811
            Vogel PWF at q 400                             | stage.fnc_calc_vogel_pwf(stage.fnc_calc_vogel_qmax(300, 1200, 2000), 400, 2000) | 806.330
            straight-line PI from the same test            | stage.fnc_calc_productivity_index(300, 2000, 1200)                      | 0.375000
            composite qb = J (Pr - Pb)                     | stage.fnc_calc_composite_q(0.5, 3000, 2000, 2000)                       | 500.000
            composite qv = J Pb / 1.8                      | stage.fnc_calc_composite_qmax(0.5, 3000, 2000) - stage.fnc_calc_composite_q(0.5, 3000, 2000, 2000) | 555.556
            composite qmax                                 | stage.fnc_calc_composite_qmax(0.5, 3000, 2000)                          | 1055.556
            composite q at 1000 psi (below Pb)             | stage.fnc_calc_composite_q(0.5, 3000, 2000, 1000)                       | 888.889
            composite q at 2500 psi (above Pb)             | stage.fnc_calc_composite_q(0.5, 3000, 2000, 2500)                       | 250.000
            composite q at 0 psi equals qmax               | stage.fnc_calc_composite_q(0.5, 3000, 2000, 0)                          | 1055.556
            composite J from the 1000 psi point            | stage.fnc_calc_composite_j(888.8888888889, 1000, 3000, 2000)            | 0.500000
            composite PWF at q 888.889                     | stage.fnc_calc_composite_pwf(0.5, 3000, 2000, 888.8888888889)           | 1000.000
            composite PWF at q 250                         | stage.fnc_calc_composite_pwf(0.5, 3000, 2000, 250)                      | 2500.000
            saturated reservoir (Pb above Pr) is all Vogel | stage.fnc_calc_composite_qmax(0.5, 3000, 4000)                          | 833.333
            """)
    void shouldReproduceTheInflowExamples_whenGivenDomainTestData(String quantity, String expression, String printed)
            throws SQLException {
        assertMatchesPrintedDigits(quantity, evaluate(expression), printed);
    }

    @ParameterizedTest(name = "{0}: q(2)={2}, Np={3}, t_el={4}, EUR={5}, remaining={6}")
    @CsvSource(delimiter = '|', textBlock = """
            HIPERBOLICO | 0.5 | 44.4444 | 48666.67 | 13.8885 | 113353.41 | 64686.74
            EXPONENCIAL | 0.5 | 36.7879 | 46144.80 | 5.99146 | 69350.00  | 23205.20
            ARMONICO    | 0.5 | 50.0000 | 50599.74 | 38.0000 | 218688.46 | 168088.71
            """)
    void shouldReproduceTheArpsTable_whenQi100Di05PerYearT2AndLimit5(String model, double b, String q2, String np2,
                                                                   String tLimit, String eur, String remaining)
            throws SQLException {
        String bExpr = "stage.fnc_arps_b('" + model + "', " + b + ")";
        assertMatchesPrintedDigits(model + " q(2)", evaluate("stage.fnc_calc_arps_q(100, 0.5, " + bExpr + ", 2)"), q2);
        assertMatchesPrintedDigits(model + " Np(2)", evaluate("stage.fnc_calc_arps_np(100, 0.5, " + bExpr + ", 2)"), np2);
        assertMatchesPrintedDigits(model + " t_el",
                evaluate("stage.fnc_calc_arps_t_limit(100, 0.5, " + bExpr + ", 5)"), tLimit);
        assertMatchesPrintedDigits(model + " EUR", evaluate("stage.fnc_calc_arps_eur(100, 0.5, " + bExpr + ", 5)"), eur);
        assertMatchesPrintedDigits(model + " remaining",
                evaluate("stage.fnc_calc_arps_remaining(100, 0.5, " + bExpr + ", 5, 2)"), remaining);
    }

    @ParameterizedTest(name = "{0} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            hyperbolic effective decline, b 0.5          | stage.fnc_calc_arps_effective_decline(0.5, 0.5)    | 0.360000
            exponential effective decline                | stage.fnc_calc_arps_effective_decline(0.5, 0)      | 0.393469
            harmonic effective decline                   | stage.fnc_calc_arps_effective_decline(0.5, 1)      | 0.333333
            nominal from effective, hyperbolic           | stage.fnc_calc_arps_nominal_decline(0.36, 0.5)     | 0.500000
            nominal from effective, exponential          | stage.fnc_calc_arps_nominal_decline(0.393469340287, 0) | 0.500000
            b 1e-12 is exponential: q(2)                 | stage.fnc_calc_arps_q(100, 0.5, 1e-12, 2)          | 36.7879
            b 1e-12 is exponential: EUR                  | stage.fnc_calc_arps_eur(100, 0.5, 1e-12, 5)        | 69350.00
            b 1e-12 is exponential: t_el                 | stage.fnc_calc_arps_t_limit(100, 0.5, 1e-12, 5)    | 5.99146
            b 1e-6 departs from exponential by b (Di t)^2 / 2 (ppm) | 1e6 * (stage.fnc_calc_arps_q(100, 0.5, 1e-6, 2) / stage.fnc_calc_arps_q(100, 0.5, 0, 2) - 1) | 0.50
            b 1 - 1e-12 is harmonic: Np(2)               | stage.fnc_calc_arps_np(100, 0.5, 1 - 1e-12, 2)     | 50599.74
            b 1 - 1e-12 is harmonic: EUR                 | stage.fnc_calc_arps_eur(100, 0.5, 1 - 1e-12, 5)    | 218688.46
            Np at t_el equals EUR, hyperbolic            | stage.fnc_calc_arps_np(100, 0.5, 0.5, stage.fnc_calc_arps_t_limit(100, 0.5, 0.5, 5)) | 113353.41
            rate at t_el equals the limit, hyperbolic    | stage.fnc_calc_arps_q(100, 0.5, 0.5, stage.fnc_calc_arps_t_limit(100, 0.5, 0.5, 5))  | 5.000000
            no decline: cumulative is qi x 365 x t       | stage.fnc_calc_arps_np(100, 0, 0.5, 2)             | 73000.000000
            past the economic limit nothing remains      | stage.fnc_calc_arps_remaining(100, 0.5, 0, 5, 10)  | 0.000000
            limit above qi: already at the limit         | stage.fnc_calc_arps_t_limit(4, 0.5, 0.5, 5)        | 0.000000
            exponential EUR to zero rate is qi/Di x 365  | stage.fnc_calc_arps_eur(100, 0.5, 0, 0)            | 73000.000000
            """)
    void shouldKeepArpsFinite_whenBIsNearZeroOrOneOrTheLimitIsReached(String quantity, String expression,
                                                                      String printed) throws SQLException {
        assertMatchesPrintedDigits(quantity, evaluate(expression), printed);
    }

    @ParameterizedTest(name = "{0} is NULL")
    @CsvSource(delimiter = '|', textBlock = """
            PIP without pump depth                      | stage.fnc_calc_pip(pc, go, NULL, fl)
            PIP without fluid level                     | stage.fnc_calc_pip(pc, go, dp, NULL)
            PWF without mid-perforation depth           | stage.fnc_calc_pwf(pip, gm, NULL, dp)
            fluid level without casing pressure         | stage.fnc_calc_fluid_level(pip, NULL, go, dp)
            oil SG without API                          | stage.fnc_calc_sg_oil(NULL)
            mixture SG without water cut                | stage.fnc_calc_sg_mixture(sgo, sgw, NULL)
            displacement without plunger diameter       | stage.fnc_calc_pump_displacement(NULL, s, n, k)
            efficiency without runtime                  | stage.fnc_calc_volumetric_efficiency(q, 180.5, NULL)
            buoyant weight without rod weight           | stage.fnc_calc_rod_weight_buoyant(NULL, sgm, fb)
            fluid load without PIP                      | stage.fnc_calc_fluid_load(d, pd, NULL)
            rod load without discharge pressure         | stage.fnc_calc_road_load(wr_air, sgm, fb, d, NULL, pip)
            card area without loads                     | stage.fnc_calc_card_area(ARRAY[0, 0, 86, 86]::float8[], NULL)
            PRHP without SPM                            | stage.fnc_calc_prhp(430000, NULL, prhp_div)
            HHP API without fluid level                 | stage.fnc_calc_hydralift('API', q, sgm, NULL, pd - pip, f_api, f_p)
            HHP pressure without differential           | stage.fnc_calc_hydralift('PRESION', q, sgm, fl, NULL, f_api, f_p)
            HHP without a definition                    | stage.fnc_calc_hydralift(NULL, q, sgm, fl, pd - pip, f_api, f_p)
            HHP with an unknown definition              | stage.fnc_calc_hydralift('OTRA', q, sgm, fl, pd - pip, f_api, f_p)
            system efficiency without power             | stage.fnc_calc_system_efficiency(4.79, NULL, hp_kw)
            variance without target                     | stage.fnc_calc_variance(90, NULL)
            Vogel qmax without reservoir pressure       | stage.fnc_calc_vogel_qmax(300, 1200, NULL)
            composite rate without bubble point         | stage.fnc_calc_composite_q(0.5, 3000, NULL, 1000)
            Arps rate without b                         | stage.fnc_calc_arps_q(100, 0.5, NULL, 2)
            Arps EUR without economic limit             | stage.fnc_calc_arps_eur(100, 0.5, 0.5, NULL)
            Arps b of an unknown model                  | stage.fnc_arps_b('LINEAL', 0.5)
            """)
    void shouldReturnNull_whenAnInputIsMissing(String quantity, String expression) throws SQLException {
        assertThat(evaluate(expression)).as(quantity).isNull();
    }

    @ParameterizedTest(name = "{0} is NULL, not an error")
    @CsvSource(delimiter = '|', textBlock = """
            fluid level with zero oil gradient          | stage.fnc_calc_fluid_level(pip, pc, 0, dp)
            oil SG at API -131.5                         | stage.fnc_calc_sg_oil(-131.5)
            gas column at absolute zero                  | stage.fnc_calc_gas_column_pressure(pc, 0.7, fl, -459.67, 1)
            gas column with Z 0                          | stage.fnc_calc_gas_column_pressure(pc, 0.7, fl, 100, 0)
            efficiency with zero runtime                 | stage.fnc_calc_volumetric_efficiency(q, 180.5, 0)
            efficiency with zero displacement            | stage.fnc_calc_volumetric_efficiency(q, 0, 24)
            rate while running with zero runtime         | stage.fnc_calc_rate_while_running(q, 0)
            PRHP with zero divisor                       | stage.fnc_calc_prhp(430000, n, 0)
            system efficiency at zero power              | stage.fnc_calc_system_efficiency(4.79, 0, hp_kw)
            system efficiency while regenerating         | stage.fnc_calc_system_efficiency(4.79, -3, hp_kw)
            system efficiency with zero hp per kW        | stage.fnc_calc_system_efficiency(4.79, 12, 0)
            kWh per bbl with no barrels                  | stage.fnc_calc_kwh_per_bbl(240, 0)
            variance against a zero target               | stage.fnc_calc_variance(90, 0)
            PI without drawdown                          | stage.fnc_calc_productivity_index(300, 2000, 2000)
            Vogel qmax from a test at reservoir pressure | stage.fnc_calc_vogel_qmax(300, 2000, 2000)
            Vogel rate at zero reservoir pressure        | stage.fnc_calc_vogel_q(500, 0, 0)
            Vogel PWF for a rate above qmax              | stage.fnc_calc_vogel_pwf(506.76, 600, 2000)
            Vogel PWF with zero qmax                     | stage.fnc_calc_vogel_pwf(0, 0, 2000)
            composite PWF for a rate above qmax          | stage.fnc_calc_composite_pwf(0.5, 3000, 2000, 2000)
            composite PWF with zero J                    | stage.fnc_calc_composite_pwf(0, 3000, 2000, 100)
            composite J from a test at Pr                | stage.fnc_calc_composite_j(300, 3000, 3000, 2000)
            card with unequal arrays                     | stage.fnc_calc_card_area(ARRAY[0, 86]::float8[], ARRAY[1, 2, 3]::float8[])
            card with two points                         | stage.fnc_calc_card_area(ARRAY[0, 86]::float8[], ARRAY[1, 2]::float8[])
            card with a missing point                    | stage.fnc_calc_card_area(ARRAY[0, 0, 86, 86]::float8[], ARRAY[5000, NULL, 10000, 5000]::float8[])
            card text that is not JSON                   | cardinality(stage.fnc_card_array('not json', 'position'))
            card without positions                       | cardinality(stage.fnc_card_array('{"load": [1, 2]}', 'position'))
            card with a text point                       | cardinality(stage.fnc_card_array('{"position": [0, "a"]}', 'position'))
            card with a number beyond double range       | cardinality(stage.fnc_card_array('{"position": [0, 1e400]}', 'position'))
            Arps time to limit without decline           | stage.fnc_calc_arps_t_limit(100, 0, 0.5, 5)
            Arps time to a zero limit                    | stage.fnc_calc_arps_t_limit(100, 0.5, 0, 0)
            harmonic EUR to zero rate (unbounded)        | stage.fnc_calc_arps_eur(100, 0.5, 1, 0)
            hyperbolic b 2 EUR to zero rate (unbounded)  | stage.fnc_calc_arps_eur(100, 0.5, 2, 0)
            Arps with negative b                         | stage.fnc_calc_arps_q(100, 0.5, -0.1, 2)
            Arps with negative time                      | stage.fnc_calc_arps_np(100, 0.5, 0.5, -1)
            effective decline of 100 %                   | stage.fnc_calc_arps_nominal_decline(1, 0.5)
            """)
    void shouldReturnNullInsteadOfRaising_whenADenominatorIsZeroOrTheInputIsDegenerate(String quantity,
                                                                                       String expression)
            throws SQLException {
        assertThat(evaluate(expression)).as(quantity).isNull();
    }

    @Test
    void shouldParseTheCardJson_whenTheCardIsWellFormed() throws SQLException {
        String card = "'{\"position\": [0, 0, 86, 86], \"load\": [5000, 10000, 10000, 5000]}'";
        assertThat(evaluate("stage.fnc_calc_card_area(stage.fnc_card_array(" + card + ", 'position'), "
                + "stage.fnc_card_array(" + card + ", 'load'))")).isEqualTo(430000.0);
    }

    /**
     * The card geometry of one pass (stage.fnc_card_geometry, what phase 5 and the CDI bridge show) gives the same bits
     * as the definitions it replaced: the shoelace sum over the points in order by subscript, and max/min over each
     * array, on random 65-point cards and on the degenerate ones (other lower bounds, two dimensions, NULL points,
     * unequal or empty arrays).
     */
    @Test
    void shouldGiveTheSameBitsAsTheShoelaceSumAndTheExtremes_whenTheGeometryReadsEachPointOnce() throws SQLException {
        String compare = """
                WITH r AS (SELECT setseed(0.16)),
                cards AS (
                    SELECT ARRAY(SELECT round((random() * 172)::numeric, 3)::float8 FROM generate_series(1, 65)) AS pos,
                           ARRAY(SELECT (4000 + random() * 9000)::float8 FROM generate_series(1, 65)) AS lod
                      FROM r, generate_series(1, 300)
                    UNION ALL
                    SELECT p::float8[], l::float8[]
                      FROM (VALUES ('{0,0,86,86}', '{5000,10000,10000,5000}'), ('{1,2,3}', '{4,5,6}'),
                                   ('{1,2}', '{1,2}'), ('{1,NULL,3}', '{1,2,3}'), ('{1,2,NULL}', '{NULL,1,2}'),
                                   ('{{1,2},{3,4}}', '{{1,2},{3,4}}'), ('{{1,2},{3,4}}', '{1,2,3}'),
                                   ('[0:3]={1,5,3,-2}', '[3:6]={7,1,9,0.5}'), ('[2:4]={1,5,3}', '{7,1,9}'),
                                   ('{}', '{}'), ('{}', '{1,2,3}'), ('{1,2,3,4}', '{1,2,3}'), (NULL, '{1,2,3}'),
                                   ('{1,2,3}', NULL), (NULL, NULL)) v(p, l)),
                ref AS (
                    SELECT c.pos, c.lod,
                           (SELECT max(v) - min(v) FROM unnest(c.pos) v) AS carrera,
                           (SELECT max(v) FROM unnest(c.lod) v) AS cmax, (SELECT min(v) FROM unnest(c.lod) v) AS cmin,
                           CASE WHEN cardinality(c.pos) = cardinality(c.lod) AND cardinality(c.pos) >= 3
                                 AND array_ndims(c.pos) = 1 AND array_ndims(c.lod) = 1
                                 AND array_position(c.pos, NULL) IS NULL AND array_position(c.lod, NULL) IS NULL
                                THEN (SELECT abs(sum(c.pos[lx + k] * c.lod[ly + (k + 1) % n]
                                                     - c.pos[lx + (k + 1) % n] * c.lod[ly + k])) / 2
                                        FROM (SELECT cardinality(c.pos) AS n, array_lower(c.pos, 1) AS lx,
                                                     array_lower(c.lod, 1) AS ly) AS d,
                                             generate_series(0, d.n - 1) AS k) END AS area
                      FROM cards c)
                SELECT count(*),
                       count(*) FILTER (WHERE (float8send(ref.carrera), float8send(ref.cmax), float8send(ref.cmin),
                                               float8send(ref.area))
                                              IS DISTINCT FROM (float8send(g.carrera_in), float8send(g.carga_max),
                                                                float8send(g.carga_min), float8send(g.area_lbf_in))),
                       count(*) FILTER (WHERE float8send(stage.fnc_calc_card_area(ref.pos, ref.lod))
                                              IS DISTINCT FROM float8send(ref.area)),
                       count(*) FILTER (WHERE g.area_lbf_in IS NOT NULL)
                  FROM ref CROSS JOIN LATERAL stage.fnc_card_geometry(ref.pos, ref.lod) g
                """;
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(compare)) {
            rs.next();
            assertThat(rs.getLong(1)).as("cards, one geometry row each").isEqualTo(315);
            assertThat(rs.getLong(2)).as("cards whose stroke, load extremes or area differ in any bit").isZero();
            assertThat(rs.getLong(3)).as("cards whose fnc_calc_card_area differs in any bit").isZero();
            assertThat(rs.getLong(4)).as("cards with an area").isEqualTo(304);
        }
    }

    @Test
    void shouldNeverRaiseAndStayInBounds_whenArpsIsSweptOverExtremeParameters() throws SQLException {
        String sweep = """
                WITH g AS (
                    SELECT qi, di, b, t, qel,
                           stage.fnc_calc_arps_q(qi, di, b, t) AS q,
                           stage.fnc_calc_arps_np(qi, di, b, t) AS np,
                           stage.fnc_calc_arps_t_limit(qi, di, b, qel) AS tel,
                           stage.fnc_calc_arps_eur(qi, di, b, qel) AS eur,
                           stage.fnc_calc_arps_remaining(qi, di, b, qel, t) AS rem,
                           stage.fnc_calc_arps_effective_decline(di, b) AS de
                      FROM unnest('{0.001,100,1e6}'::float8[]) qi,
                           unnest('{0,1e-9,0.05,0.5,50,1e6}'::float8[]) di,
                           unnest('{0,1e-14,1e-9,1e-8,2e-8,1e-5,0.3,0.999999999,1,1.000000001,1.5,3,50}'::float8[]) b,
                           unnest('{0,0.001,2,100,1e6,1e12,1e300}'::float8[]) t,
                           unnest('{0,1e-300,5,1e7}'::float8[]) qel)
                SELECT count(*),
                       count(*) FILTER (WHERE q IS NULL OR q < 0 OR q > qi),
                       count(*) FILTER (WHERE np < 0 OR rem < 0 OR eur < 0 OR tel < 0),
                       count(*) FILTER (WHERE de < 0 OR de > 1),
                       count(*) FILTER (WHERE eur IS NOT NULL AND np IS NOT NULL AND tel IS NOT NULL
                                        AND ((t > tel AND np < eur * (1 - 1e-9)) OR (t < tel AND np > eur * (1 + 1e-9))))
                  FROM g
                """;
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sweep)) {
            rs.next();
            assertThat(rs.getLong(1)).as("combinations evaluated").isEqualTo(3L * 6 * 13 * 7 * 4);
            assertThat(rs.getLong(2)).as("rates missing or outside [0, qi]").isZero();
            assertThat(rs.getLong(3)).as("negative cumulative, EUR, remaining or time").isZero();
            assertThat(rs.getLong(4)).as("effective decline outside [0, 1]").isZero();
            assertThat(rs.getLong(5)).as("cumulative before the limit above EUR, or after it below EUR").isZero();
        }
    }

    @Test
    void shouldInvertVogelAndCompositeIpr_whenRoundTrippedOverTheWholeCurve() throws SQLException {
        String roundTrip = """
                SELECT max(abs(stage.fnc_calc_vogel_pwf(506.7568, stage.fnc_calc_vogel_q(506.7568, pwf, 2000), 2000) - pwf)),
                       max(abs(stage.fnc_calc_composite_pwf(0.5, 3000, 2000, stage.fnc_calc_composite_q(0.5, 3000, 2000, pwf)) - pwf)),
                       max(abs(stage.fnc_calc_fluid_level(stage.fnc_calc_pip(50, 0.367985, 5000, pwf), 50, 0.367985, 5000) - pwf))
                             FILTER (WHERE pwf <= 5000)
                  FROM generate_series(0, 2000, 25) AS pwf
                """;
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(roundTrip)) {
            rs.next();
            assertThat(rs.getDouble(1)).as("Vogel pwf(q(pwf)) - pwf").isLessThan(1e-6);
            assertThat(rs.getDouble(2)).as("composite pwf(q(pwf)) - pwf").isLessThan(1e-6);
            assertThat(rs.getDouble(3)).as("FL(PIP(FL)) - FL").isLessThan(1e-9);
        }
    }

    @Test
    void shouldReturnNullForEachMissingArgument_whenAnyPhysicsFunctionIsCalled() throws SQLException {
        List<String> notImmutable = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        String catalogue = """
                SELECT p.oid::regprocedure::text, p.provolatile = 'i' AND p.proparallel = 's',
                       'stage.' || p.proname,
                       ARRAY(SELECT format_type(t, NULL) FROM unnest(p.proargtypes) WITH ORDINALITY AS a(t, i) ORDER BY a.i)
                  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'stage' AND NOT p.proretset
                   AND (p.proname LIKE 'fnc\\_calc\\_%' OR p.proname LIKE 'fnc\\_card\\_%'
                        OR p.proname IN ('fnc_safe_exp', 'fnc_safe_div'))
                 ORDER BY 1
                """;
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(catalogue)) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    notImmutable.add(rs.getString(1));
                }
                String[] types = (String[]) rs.getArray(4).getArray();
                boolean usesEveryArgument = !rs.getString(3).equals("stage.fnc_calc_hydralift");
                for (int nullAt = 0; nullAt < types.length; nullAt++) {
                    if (!usesEveryArgument && nullAt > 0) {
                        break;
                    }
                    List<String> args = new ArrayList<>();
                    for (int i = 0; i < types.length; i++) {
                        String sample = switch (types[i]) {
                            case "double precision[]" -> "'{0,0,86,86}'";
                            case "text" -> types.length == 2 ? "'{\"position\": [1, 2, 3]}'" : "'API'";
                            default -> i == 0 ? "2" : "1";
                        };
                        args.add((i == nullAt ? "NULL" : sample) + "::" + types[i]);
                    }
                    calls.add(rs.getString(3) + "(" + String.join(", ", args) + ")");
                }
            }
        }
        assertThat(notImmutable).as("functions not IMMUTABLE and PARALLEL SAFE").isEmpty();
        assertThat(calls).as("one call per function and argument").hasSizeGreaterThan(120);
        for (String call : calls) {
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT " + call)) {
                rs.next();
                assertThat(rs.getObject(1)).as(call).isNull();
            }
        }
    }

    @Test
    void shouldComposeTheOracleWell_whenAllDerivedValuesAreComputedAtOnce() throws SQLException {
        String composed = ORACLE_WELL.replace("SELECT (%s)::float8 FROM w CROSS JOIN c", "SELECT d.* FROM w CROSS JOIN c")
                + """
                  CROSS JOIN LATERAL stage.fnc_calc_derivados(
                      p_api => api, p_sg_water => sgw, p_bsw_pct => 100 * wc, p_oil_rate => q * (1 - wc),
                      p_water_rate => q * wc, p_liquid_rate => NULL, p_pump_depth => %s, p_midperf_depth => dmp,
                      p_plunger_diameter => d, p_rod_weight_air => wr_air, p_casing_pressure => pc,
                      p_tubing_pressure => pt, p_fluid_level => fl, p_pip_measured => NULL,
                      p_discharge_measured => NULL, p_spm => n, p_stroke => s, p_card_area => 430000,
                      p_gas_correction => false, p_sg_gas => NULL, p_temp_avg_f => NULL, p_water_gradient => grad,
                      p_pump_constant => k, p_buoyancy_factor => fb, p_hhp_definicion => 'API',
                      p_hhp_factor_api => f_api, p_hhp_factor_presion => f_p, p_prhp_divisor => prhp_div) d
                """;
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(composed.formatted("dp"))) {
            rs.next();
            assertMatchesPrintedDigits("SGm", rs.getDouble("sg_mezcla"), "0.981940");
            assertMatchesPrintedDigits("Gm", rs.getDouble("gradiente_mezcla"), "0.425180");
            assertMatchesPrintedDigits("PIP", rs.getDouble("pip_calc"), "417.985");
            assertMatchesPrintedDigits("FL", rs.getDouble("fluid_level_calc"), "4000.000000");
            assertMatchesPrintedDigits("PWF", rs.getDouble("pwf"), "503.021");
            assertMatchesPrintedDigits("Pd", rs.getDouble("presion_descarga"), "2225.90");
            assertMatchesPrintedDigits("Wrf", rs.getDouble("rod_weight_buoyant"), "8174.81");
            assertMatchesPrintedDigits("Fo", rs.getDouble("fluid_load_calc"), "3194.85");
            assertMatchesPrintedDigits("PD", rs.getDouble("pump_displacement_bpd"), "180.4968");
            assertMatchesPrintedDigits("HHP API", rs.getDouble("hydraulic_hp"), "3.75808");
            assertMatchesPrintedDigits("PRHP", rs.getDouble("prhp_calc"), "8.68687");
            assertMatchesPrintedDigits("q", rs.getDouble("liquid_rate"), "130.000000");
        }
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(composed.formatted("NULL"))) {
            rs.next();
            for (String depthBound : List.of("pip_calc", "fluid_level_calc", "pwf", "presion_descarga", "fluid_load_calc")) {
                rs.getDouble(depthBound);
                assertThat(rs.wasNull()).as(depthBound + " without a pump depth is NULL").isTrue();
            }
            assertMatchesPrintedDigits("PD needs no depth", rs.getDouble("pump_displacement_bpd"), "180.4968");
        }
        String auto = composed.replace("p_hhp_definicion => 'API'", "p_hhp_definicion => 'AUTO'");
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(auto.formatted("dp"))) {
            rs.next();
            assertMatchesPrintedDigits("HHP by default, PIP known", rs.getDouble("hydraulic_hp"), "3.99549");
            assertThat(rs.getString("hhp_forma")).isEqualTo("PRESION");
        }
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(auto.formatted("NULL"))) {
            rs.next();
            assertMatchesPrintedDigits("HHP by default, no PIP", rs.getDouble("hydraulic_hp"), "3.86857");
            assertThat(rs.getString("hhp_forma")).isEqualTo("API");
        }
    }

    private static Double evaluate(String expression) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery(ORACLE_WELL.formatted(expression))) {
            rs.next();
            double v = rs.getDouble(1);
            return rs.wasNull() ? null : v;
        }
    }

    /** Half a unit of the last digit docs/DOMAIN.md prints: 417.985 must be within 0.0005. */
    private static void assertMatchesPrintedDigits(String quantity, Double actual, String printed) {
        BigDecimal expected = new BigDecimal(printed.trim());
        double halfUnit = 0.5 * Math.pow(10, -Math.max(expected.scale(), 0)) * (1 + 1e-9);
        assertThat(actual).as(quantity).isNotNull();
        assertThat(actual).as(quantity + " to the digits printed (" + printed.trim() + ")")
                .isCloseTo(expected.doubleValue(), within(halfUnit));
    }
}
