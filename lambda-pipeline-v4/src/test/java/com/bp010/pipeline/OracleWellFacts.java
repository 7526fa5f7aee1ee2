package com.bp010.pipeline;

import com.bp010.testsupport.TestDatabase;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Writes what phases 2 and 4 leave behind for the oracle well of docs/DOMAIN.md §2 (pump 5,000 ft, mid-perforations 5,200 ft,
 * 35 API, water SG 1.07, 60 % water cut, plunger 1.5 in, 86 in stroke, 8 SPM, 130 bbl/d, Pc 50, Pt 100, FL 4,000 ft,
 * PIP 417.985 psig, rods 9,350 lbf in air, 12 kW while running): the well master, hourly and daily facts of a day,
 * the month's row and the current values. Tests of phase 5 start from here.
 */
final class OracleWellFacts {
    private final TestDatabase db;

    OracleWellFacts(TestDatabase db) {
        this.db = db;
    }

    /** The oracle well's master row; a NULL pump depth makes the "missing pump depth" well. */
    OracleWellFacts master(String wellId, Double pumpDepth) {
        db.execute("INSERT INTO stage.tbl_pozo_maestra (well_id, profundidad_bomba, profundidad_media_perforados,"
                + " profundidad_yacimiento, presion_estatica_yacimiento, api_gravity, sg_agua, diametro_piston,"
                + " peso_varillas_aire) VALUES ('" + wellId + "', " + (pumpDepth == null ? "NULL" : pumpDepth)
                + ", 5200, 5300, 2000, 35, 1.07, 1.5, 9350)");
        return this;
    }

    /**
     * One day of facts: 24 hours at the oracle readings, the unit running {@code runtimeHours} of the day (spread
     * evenly) at 12 kW, so the day's energy is 12 x runtime kWh; the daily fact sums them. Every hour's energy and
     * runtime deltas are matched (no stroke counter: the strokes are SPM x 60 x runtime), so the day's matched sums
     * are its whole sums (docs/AGGREGATION.md, "Matched hours"), and its runtime covers the day, so it has an uptime.
     */
    OracleWellFacts day(String wellId, LocalDate day, double runtimeHours) {
        db.queryValue("SELECT reporting.fnc_ensure_fact_partitions(?, ?)", day, day);
        double hourRuntime = runtimeHours / 24;
        db.execute(String.format(java.util.Locale.ROOT, """
                INSERT INTO reporting.fact_operaciones_horarias (well_id, fecha_hora, n_lecturas, casing_head_pressure,
                       well_head_pressure, fluid_level, pump_intake_pressure, bsw, oil_rate, water_rate, liquid_rate,
                       strokes_per_minute, stroke_length, energia_kwh, horas_operacion, motor_power,
                       energia_emparejada, horas_emparejadas, carreras_emparejadas)
                SELECT '%1$s', '%2$s'::date::timestamptz + make_interval(hours => h), 4, 50, 100, 4000, 417.985, 60, 52,
                       78, 130, 8, 86, 12 * %3$s, %3$s, 12 * %3$s, true, true, false
                  FROM generate_series(0, 23) h;
                INSERT INTO reporting.fact_operaciones_diarias (well_id, fecha, n_lecturas, horas_con_datos,
                       produccion_petroleo_bbl, produccion_agua_bbl, produccion_gas_mscf, produccion_liquido_bbl,
                       energia_kwh, horas_operacion, kwh_por_bbl, casing_head_pressure, well_head_pressure, fluid_level,
                       pump_intake_pressure, bsw, oil_rate, water_rate, liquid_rate, strokes_per_minute, stroke_length,
                       kwh_por_bbl_petroleo, emp_energia_kwh, emp_energia_liquido_bbl, emp_energia_petroleo_bbl,
                       emp_carreras_liquido_bbl, emp_carreras, uptime_pct)
                VALUES ('%1$s', '%2$s', 96, 24, 52, 78, 0, 130, 12 * %4$s, %4$s, 12 * %4$s / 130.0, 50, 100, 4000,
                        417.985, 60, 52, 78, 130, 8, 86, 12 * %4$s / 52.0, 12 * %4$s, 130, 52, 130, 8 * 60 * %4$s,
                        %4$s / 24.0 * 100);
                """, wellId, day, hourRuntime, runtimeHours));
        return this;
    }

    /** The month row phase 4 writes: sums of the daily facts of the month. */
    OracleWellFacts month(String wellId, LocalDate anyDay) {
        LocalDate mes = anyDay.withDayOfMonth(1);
        db.execute("""
                INSERT INTO reporting.fact_operaciones_mensuales (well_id, mes, dias_con_datos, horas_con_datos, n_lecturas,
                       produccion_petroleo_bbl, produccion_agua_bbl, produccion_gas_mscf, produccion_liquido_bbl,
                       energia_kwh, horas_operacion, kwh_por_bbl, kwh_por_bbl_petroleo)
                SELECT well_id, date_trunc('month', fecha)::date, count(*), sum(horas_con_datos), sum(n_lecturas),
                       sum(produccion_petroleo_bbl), sum(produccion_agua_bbl), sum(produccion_gas_mscf),
                       sum(produccion_liquido_bbl), sum(energia_kwh), sum(horas_operacion),
                       sum(emp_energia_kwh) / sum(emp_energia_liquido_bbl),
                       sum(emp_energia_kwh) / sum(emp_energia_petroleo_bbl)
                  FROM reporting.fact_operaciones_diarias
                 WHERE well_id = '%s' AND date_trunc('month', fecha)::date = '%s'
                 GROUP BY well_id, date_trunc('month', fecha)
                ON CONFLICT (well_id, mes) DO UPDATE SET dias_con_datos = EXCLUDED.dias_con_datos,
                       produccion_petroleo_bbl = EXCLUDED.produccion_petroleo_bbl,
                       produccion_agua_bbl = EXCLUDED.produccion_agua_bbl,
                       produccion_liquido_bbl = EXCLUDED.produccion_liquido_bbl, energia_kwh = EXCLUDED.energia_kwh,
                       horas_operacion = EXCLUDED.horas_operacion, kwh_por_bbl = EXCLUDED.kwh_por_bbl,
                       kwh_por_bbl_petroleo = EXCLUDED.kwh_por_bbl_petroleo
                """.formatted(wellId, mes));
        return this;
    }

    /** The zero-calc snapshot of the oracle readings (phase 4's current values). */
    OracleWellFacts currentValues(String wellId, String lastReading) {
        db.execute("""
                INSERT INTO reporting.dataset_current_values (well_id, fecha_hora_ultima_lectura, casing_head_pressure,
                       well_head_pressure, fluid_level, pump_intake_pressure, bsw, oil_rate, water_rate, liquid_rate,
                       strokes_per_minute, stroke_length, motor_power)
                VALUES ('%s', '%s', 50, 100, 4000, 417.985, 60, 52, 78, 130, 8, 86, 12)
                """.formatted(wellId, lastReading));
        return this;
    }

    /** A pipeline run row whose window and as-of the phase-5 procedures read. */
    UUID run(LocalDate from, LocalDate to, String asOf) {
        UUID runId = UUID.randomUUID();
        db.execute("INSERT INTO reporting.pipeline_runs (run_id, status, ventana_desde, ventana_hasta, as_of)"
                + " VALUES ('" + runId + "', 'RUNNING', '" + from + "', '" + to + "', '" + asOf + "')");
        return runId;
    }
}
