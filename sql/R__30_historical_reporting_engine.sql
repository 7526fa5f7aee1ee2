-- BP010 phase 4 (docs/SEED.md: V6.1 historical reporting engine v4): stage -> reporting facts, set-based and incremental by
-- window (calendar days in the session time zone = BP010_TIMEZONE, both inclusive). docs/CONTRACTS.md §6, "Facts: aggregation rules":
--   hourly   one row per well and hour with readings: n_lecturas; the time-weighted mean of each numeric stage column
--            under its own name (a reading weighs the time to the next reading or the hour's end, at most
--            offline_allowance_min) over the readings that passed their DQ range rules (a value with a REPRESENTATIVIDAD
--            failure in stage.tbl_pozo_scada_dq is left out), the columns of fnc_columnas_en_marcha over running
--            readings only (NULL for an hour the unit was stopped throughout), daily controller counters
--            (tipo_contador DIARIO) as the hour's max; lifetime counters as deltas: energy_kwh -> energia_kwh,
--            runtime_hours -> horas_operacion, stroke_counter -> n_carreras (current - previous accepted reading, the
--            neighbours looked up outside the window or range; a lone glitch is left out (DQP-001), a drop is a reset
--            or roll-over only when a later reading confirms it (DQP-003, the hour flagged reinicio_contador and
--            reporting.fact_eventos_pozo records it), a delta above the physical ceiling is refused (DQP-002));
--   daily    from the day's hourly rows: produccion_* = sum of hourly average rates / 24 (an hour without readings
--            adds nothing; horas_con_datos shows the coverage; horas_con_petroleo / _agua / _gas / _liquido count the
--            hours that have each rate, the hours its rate is taken over), liquid = the measured liquid rate, else oil + water,
--            energy / runtime / strokes = sums of deltas, kwh_por_bbl and kwh_por_bbl_petroleo = energy / liquid
--            (oil) barrels over the day's matched hours (emp_*: hours whose delta spans only the hour and the one
--            before it, docs/AGGREGATION.md "Matched hours"; NULL without one), the average of every numeric column (DIARIO counters: the max); horas_periodo,
--            completitud = horas_con_datos / horas_periodo, completo = the day has ended at the run's as-of and
--            completitud >= completitud_minima (reporting.fnc_periodo_completo: today is never complete), and
--            uptime_pct = horas_operacion / horas_periodo * 100 on a complete day whose runtime deltas cover it
--            (its first clock hour runtime-matched, its last with a runtime delta: no gap's runtime across midnight);
--   monthly  from the month's daily rows: sums, ratios of the sums (kWh/bbl: of the days' matched sums), rates = production x 24 / its hours with
--            that rate (docs/AGGREGATION.md "A month's rate"; production / dias_con_datos when its days have 24 hours with data, each
--            with every rate); complete when it has ended at the run's as-of and
--            its complete days reach completitud_minima of its days (uptime only then, over the days that publish one:
--            their runtime over their clock hours);
--   field    reporting.fact_campo_diario: per field and day, over every well.
-- Partitions are created before rows arrive; reporting.dim_tiempo covers the window's months. Every write is an upsert
-- that leaves unchanged rows untouched, and rows no longer backed by data (an hour, day or month without readings) are
-- removed: rerunning a window changes nothing; a day or month is always recomputed from all its hours or days.
-- Aggregates read their input in (well, time) order, so floating-point sums are reproducible run after run.
-- An hourly row is written with its derived physics (fluid_level_calc, pip_calc, pwf, pump_displacement_bpd, hydraulic_hp,
-- hhp_forma: stage.fnc_calc_derivados, as phase 5 computes them), so phase 5 finds them equal instead of writing every
-- new wide row a second time; phase 5 still recomputes them and corrects any that differ (a changed well master or
-- setting). The other phase-5 columns of the facts (daily derived values, ML bridges) are never written here.

-- Numeric stage columns that the named reporting table carries under the same name (the counters excepted): the
-- column lists of the dynamic statements, from pg_catalog (reporting.fnc_columnas), in stage order.
CREATE OR REPLACE FUNCTION reporting.fnc_columnas_stage_en(p_tabla text)
RETURNS text[]
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(array_agg(s.column_name ORDER BY s.ordinal_position), '{}')
      FROM reporting.fnc_columnas('stage', 'tbl_pozo_produccion') s
      JOIN reporting.fnc_columnas('reporting', p_tabla) t
        ON t.column_name = s.column_name AND t.data_type = 'double precision'
     WHERE s.data_type = 'double precision'
       AND s.column_name NOT IN ('energy_kwh', 'runtime_hours', 'stroke_counter')
$$;
COMMENT ON FUNCTION reporting.fnc_columnas_stage_en(text) IS
    'Numeric columns of stage.tbl_pozo_produccion (counters excepted) that reporting.<p_tabla> has with the same name and type';

-- Columns averaged over the readings taken while the unit runs (a stopped unit reads SPM 0, no loads, no fillage, no
-- current): they keep their names and mean "while running" in every fact.
CREATE OR REPLACE FUNCTION reporting.fnc_columnas_en_marcha()
RETURNS text[]
LANGUAGE sql IMMUTABLE
AS $$
    SELECT ARRAY['strokes_per_minute', 'stroke_length', 'plunger_stroke', 'pump_fillage', 'max_rod_load',
                 'min_rod_load', 'fluid_load', 'card_area', 'motor_current']
$$;
COMMENT ON FUNCTION reporting.fnc_columnas_en_marcha() IS
    'Columns averaged over running readings only (SPM > 0 and run_status not 0): SPM, stroke, fillage, loads, card area, current';

-- The share of a period's hours (a month: of its days) with data for it to count as complete
-- (referencial.config_evaluacion completitud_minima, default 0.9).
CREATE OR REPLACE FUNCTION reporting.fnc_completitud_minima()
RETURNS double precision
LANGUAGE sql STABLE
AS $$
    SELECT coalesce((SELECT c.valor_num FROM referencial.config_evaluacion c
                      WHERE c.clave = 'completitud_minima' AND c.nombre_tecnico IS NULL), 0.9)
$$;
COMMENT ON FUNCTION reporting.fnc_completitud_minima() IS
    'Share of a period''s hours (month: days) with data for the period to be complete; config completitud_minima, default 0.9';

-- Whether a period (a day, a month) is complete (docs/AGGREGATION.md "Complete and incomplete periods"): it has ended at
-- the run's as-of (p_fin, its end in the session time zone = BP010_TIMEZONE, at or before p_as_of) and its hours (a
-- month: its complete days) with data reach p_minima of its clock hours (days). A period in progress (today, this
-- month) is never complete, whatever its hours with data: 23 of 24 hours at 23:30 are 23/24 of a day's barrels.
-- The facts and the incremental run's scope (R__25, reporting.fnc_periodos_vencidos) judge with this one expression.
CREATE OR REPLACE FUNCTION reporting.fnc_periodo_completo(p_fin timestamptz, p_as_of timestamptz,
                                                          p_con_datos double precision, p_periodo double precision,
                                                          p_minima double precision)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT p_fin <= p_as_of AND p_con_datos >= p_minima * p_periodo
$$;
COMMENT ON FUNCTION reporting.fnc_periodo_completo(timestamptz, timestamptz, double precision, double precision,
                                                   double precision) IS
    'A period is complete: it ended at or before as-of (p_fin <= p_as_of) and its hours (month: complete days) with data reach p_minima of its clock hours (days)';

-- The hours a day's rate-type (intensive) quantity is taken over (docs/AGGREGATION.md "A day's rate"): its hours with
-- data. Its barrels are the hours' mean rates / 24, so barrels x 24 / these hours is the mean rate of the hours with
-- readings (a steady well's rate on its first day from 08:00, or around an outage), and an hour without any reading
-- is never read as an hour at zero; an hour stopped but reporting has data and counts. Equal to horas_periodo (23,
-- 24, 25) on a day whose clock hours all have data. (A row without horas_con_datos, written by hand: its clock hours.)
CREATE OR REPLACE FUNCTION reporting.fnc_horas_tasa(p_horas_con_datos integer, p_horas_periodo integer)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(NULLIF(p_horas_con_datos, 0), p_horas_periodo, 24)::double precision
$$;
COMMENT ON FUNCTION reporting.fnc_horas_tasa(integer, integer) IS
    'Hours a day''s rate (bbl/d, HHP, input power) is taken over: its hours with data (else its clock hours, else 24); rate = barrels x 24 / these hours';

-- The days a month's rate is taken over: its hours with data / 24 (the sum of its days' horas_con_datos), else (a row
-- without hours, written by hand) its days with data. A month's rate = its barrels / these days.
CREATE OR REPLACE FUNCTION reporting.fnc_dias_tasa_mes(p_horas_con_datos integer, p_dias_con_datos integer)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(NULLIF(p_horas_con_datos, 0) / 24.0::double precision, NULLIF(p_dias_con_datos, 0)::double precision)
$$;
COMMENT ON FUNCTION reporting.fnc_dias_tasa_mes(integer, integer) IS
    'Days a month''s rate is taken over: its hours with data / 24 (else its days with data); rate = barrels / these days';

-- The hours ONE of a day's rates is taken over (docs/AGGREGATION.md "A day's rate"): the hours that have that rate
-- (horas_con_petroleo, horas_con_agua, horas_con_gas, horas_con_liquido). Its barrels are the mean rates / 24 of those
-- hours only: an hour with readings but no oil value (every oil reading failed its DQ range rule, or the meter did not
-- report while other tags did) adds no barrels and is not an hour of the oil rate. No hour with the rate: NULL (no
-- rate). A row written before V25 (the count NULL): its hours with data, as fnc_horas_tasa(horas_con_datos, ...).
-- Equal to horas_con_datos on a day whose every hour with data has the rate, so those days keep their rates to the bit.
CREATE OR REPLACE FUNCTION reporting.fnc_horas_tasa(p_horas_con_tasa integer, p_horas_con_datos integer,
                                                    p_horas_periodo integer)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_horas_con_tasa IS NULL
                THEN coalesce(NULLIF(p_horas_con_datos, 0), p_horas_periodo, 24)::double precision
                ELSE NULLIF(p_horas_con_tasa, 0)::double precision END
$$;
COMMENT ON FUNCTION reporting.fnc_horas_tasa(integer, integer, integer) IS
    'Hours one of a day''s rates is taken over: the hours with that rate (horas_con_petroleo, ..., NULL at 0), else (a row written before V25) its hours with data; rate = barrels x 24 / these hours';

-- The days one of a month's rates is taken over: the month's hours with that rate / 24 (the sum of its days'), NULL at
-- 0; a month with a day written before V25 (the sum NULL): as fnc_dias_tasa_mes(horas_con_datos, dias_con_datos).
CREATE OR REPLACE FUNCTION reporting.fnc_dias_tasa_mes(p_horas_con_tasa integer, p_horas_con_datos integer,
                                                       p_dias_con_datos integer)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_horas_con_tasa IS NULL
                THEN coalesce(NULLIF(p_horas_con_datos, 0) / 24.0::double precision,
                              NULLIF(p_dias_con_datos, 0)::double precision)
                ELSE NULLIF(p_horas_con_tasa, 0) / 24.0::double precision END
$$;
COMMENT ON FUNCTION reporting.fnc_dias_tasa_mes(integer, integer, integer) IS
    'Days one of a month''s rates is taken over: its hours with that rate / 24 (NULL at 0), else (a day written before V25) its hours with data / 24, else its days with data; rate = barrels / these days';

-- (A well's first day is no longer a rule of its own: its first hour has rates but no counter delta, so it is simply
-- not matched, docs/AGGREGATION.md "Matched hours".)
DROP FUNCTION IF EXISTS reporting.fnc_es_primer_dia(text, date);

-- The physical ceiling of each lifetime counter per hour of elapsed time, per well: energy = the motor's rated power
-- (tbl_pozo_maestra.potencia_motor_hp in kW), else the top of motor_power's DQ range; strokes = 60 x the top of
-- strokes_per_minute's DQ range; runtime = 1 h per hour. Energy times 2 (a beam unit's motor draws up to ~1.5x its
-- nameplate over the stroke), strokes and runtime times 1.25 (reading-clock jitter). NULL = no ceiling known.
CREATE OR REPLACE FUNCTION reporting.fnc_techos_contador()
RETURNS TABLE (well_id text, contador text, techo_hora double precision)
LANGUAGE sql STABLE
AS $$
    WITH dq AS (
        SELECT max(r.valor_max) FILTER (WHERE r.nombre_tecnico = 'motor_power') AS kw_max,
               max(r.valor_max) FILTER (WHERE r.nombre_tecnico = 'strokes_per_minute') AS spm_max
          FROM referencial.tbl_dq_rules r
         WHERE r.tipo = 'REPRESENTATIVIDAD' AND r.activa),
    hp AS (SELECT c.hp_por_kw FROM reporting.fnc_config_fisica() c),
    pozos AS (SELECT m.well_id, m.potencia_motor_hp FROM stage.tbl_pozo_maestra m
              UNION ALL
              SELECT NULL, NULL)
    SELECT p.well_id, k.contador,
           CASE k.contador
               WHEN 'energy_kwh' THEN 2 * coalesce(p.potencia_motor_hp / NULLIF((SELECT hp.hp_por_kw FROM hp), 0),
                                                   (SELECT dq.kw_max FROM dq))
               WHEN 'stroke_counter' THEN 1.25 * 60 * (SELECT dq.spm_max FROM dq)
               WHEN 'runtime_hours' THEN 1.25
           END
      FROM pozos p
     CROSS JOIN (VALUES ('energy_kwh'), ('stroke_counter'), ('runtime_hours')) k(contador)
$$;
COMMENT ON FUNCTION reporting.fnc_techos_contador() IS
    'Ceiling per hour of each lifetime counter per well (NULL well = a well without master row): 2 x rated kW (else top of motor_power range), 1.25 x 60 x top SPM, 1.25 h';

-- ---------------------------------------------------------------------------------------------------------------
-- Hourly facts, counter deltas, restart events
-- ---------------------------------------------------------------------------------------------------------------
CREATE OR REPLACE PROCEDURE reporting.sp_cargar_hechos_horarios(p_fecha_inicio date, p_fecha_fin date,
                                                                p_well_id text, p_run_id uuid)
LANGUAGE plpgsql
SET jit = off
-- The window's readings are sorted by well and time (hourly means, counter deltas): in memory, not on disk.
SET work_mem = '64MB'
AS $$
DECLARE
    -- columns that only mean something while the unit runs: averaged over running readings only (docs/AGGREGATION.md)
    v_en_marcha  constant text[] := reporting.fnc_columnas_en_marcha();
    -- lifetime counters (stage columns) and the hourly delta columns of the facts they feed; a column the variable
    -- catalogue (referencial.tbl_maestra_variables.tipo_contador) names as something else is not one
    v_conocidos  constant text[] := ARRAY['energy_kwh', 'runtime_hours', 'stroke_counter'];
    v_destinos_conocidos constant text[] := ARRAY['energia_kwh', 'horas_operacion', 'n_carreras'];
    v_contadores text[];
    v_destinos   text[];
    -- daily controller counters (tipo_contador DIARIO): the hour's last/max, never a mean
    v_diarios    text[];
    -- a reading weighs the time to the next reading or the end of its hour, at most the offline allowance
    v_tolerancia constant interval := make_interval(mins => coalesce((SELECT c.valor_num::integer
                                          FROM referencial.config_evaluacion c
                                         WHERE c.clave = 'offline_allowance_min' AND c.nombre_tecnico IS NULL), 120));
    -- an incremental run recomputes the hours of its scope (R__25) within the window (a chunk of it: the pipeline's
    -- TRANSFORM commits its window day by day), else the window's days
    v_alcance constant uuid := reporting.fnc_alcance_de(p_run_id);
    v_desde  timestamptz := p_fecha_inicio::timestamptz;
    v_hasta  timestamptz := (p_fecha_fin + 1)::timestamptz;
    v_cols   text[] := reporting.fnc_columnas_stage_en('fact_operaciones_horarias');
    v_unpivot text;    -- (counter, value) pairs of a reading
    v_valor   text;    -- CASE giving the counter's value of a reading
    v_medias  text;    -- time-weighted mean (or max) per column
    v_set     text;    -- col = EXCLUDED.col, ...
    v_actual  text;    -- t.col, ...
    v_deltas  text;    -- sum(delta) FILTER (...) per counter
    n_horas   bigint;
    n_contadores bigint;
    n_borradas bigint;
    n_reinicios bigint;
    v_medias_sql text; -- the hourly rows' statement, without its ON CONFLICT clause
    v_conflicto text;  -- its ON CONFLICT clause
    v_habia   boolean; -- the window held hourly rows before this call wrote any
    v_fallos  boolean; -- some reading of the window failed a range rule
    v_desde_medias timestamptz; -- where the means' readings start (an incremental run: its earliest new hour)
BEGIN
    IF (SELECT count(*) FROM reporting.fnc_columnas('stage', 'tbl_pozo_produccion') i
         WHERE i.column_name = ANY (v_conocidos)) <> cardinality(v_conocidos) THEN
        RAISE EXCEPTION 'stage.tbl_pozo_produccion lacks a counter column (one of %)', v_conocidos;
    END IF;
    SELECT coalesce(array_agg(k.c ORDER BY k.i), '{}'), coalesce(array_agg(k.d ORDER BY k.i), '{}')
      INTO v_contadores, v_destinos
      FROM unnest(v_conocidos, v_destinos_conocidos) WITH ORDINALITY k(c, d, i)
     WHERE NOT EXISTS (SELECT 1 FROM referencial.tbl_maestra_variables m
                        WHERE m.nombre_tecnico = k.c
                          AND coalesce(m.tipo_contador, CASE WHEN m.es_contador THEN 'ACUMULADO' END)
                              IS DISTINCT FROM 'ACUMULADO');
    v_diarios := ARRAY(SELECT m.nombre_tecnico::text FROM referencial.tbl_maestra_variables m
                        WHERE m.tipo_contador = 'DIARIO' AND m.nombre_tecnico = ANY (v_cols) ORDER BY 1);

    IF v_alcance IS NOT NULL THEN
        SELECT greatest(min(a.desde), v_desde), least(max(a.hasta), v_hasta) INTO v_desde, v_hasta
          FROM reporting.pipeline_run_alcance a
         WHERE a.run_id = v_alcance AND a.hasta > v_desde AND a.desde < v_hasta;
        IF v_desde IS NULL THEN   -- no scope range in this chunk of the window
            v_desde := p_fecha_inicio::timestamptz;
            v_hasta := v_desde;
        END IF;
    END IF;

    IF to_regclass('pg_temp.bp010_fallos_rango') IS NOT NULL THEN
        DROP TABLE pg_temp.bp010_fallos_rango, pg_temp.bp010_lecturas_contador, pg_temp.bp010_deltas;
    END IF;
    IF to_regclass('pg_temp.bp010_deltas_hora') IS NOT NULL THEN
        DROP TABLE pg_temp.bp010_deltas_hora;
    END IF;
    IF to_regclass('pg_temp.bp010_contador_limpio') IS NOT NULL THEN
        DROP TABLE pg_temp.bp010_contador_limpio;
    END IF;
    IF to_regclass('pg_temp.bp010_techos') IS NOT NULL THEN
        DROP TABLE pg_temp.bp010_techos;
    END IF;
    IF to_regclass('pg_temp.bp010_vecinos') IS NOT NULL THEN
        DROP TABLE pg_temp.bp010_vecinos, pg_temp.bp010_reglas_contador;
    END IF;

    -- Values of the window that failed their range rule, per reading: the columns to leave out.
    CREATE TEMP TABLE bp010_fallos_rango ON COMMIT DROP AS
    SELECT d.well_id, d.timestamp_lectura, array_agg(DISTINCT r.columna) AS columnas
      FROM stage.tbl_pozo_scada_dq d
      JOIN stage.vw_dq_reglas_resueltas r
        ON r.rule_id = d.rule_id AND r.tipo = 'REPRESENTATIVIDAD' AND r.tabla = 'tbl_pozo_produccion'
     WHERE d.timestamp_lectura >= v_desde AND d.timestamp_lectura < v_hasta
       AND (p_well_id IS NULL OR d.well_id = p_well_id)
       AND (v_alcance IS NULL OR EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a
                                          WHERE a.run_id = v_alcance AND a.well_id = d.well_id
                                            AND d.timestamp_lectura >= a.desde AND d.timestamp_lectura < a.hasta))
     GROUP BY d.well_id, d.timestamp_lectura;
    CREATE INDEX ON bp010_fallos_rango (well_id, timestamp_lectura);   -- cheap probes whatever the plan
    ANALYZE bp010_fallos_rango;

    -- Counter readings of the window (non-null, not failed), long form: (well, time, counter, value), each with its
    -- range (the window, or its scope range cut to the window: a TRANSFORM chunk): deltas and glitch checks never
    -- reach across a range's ends except through the neighbours looked up below.
    SELECT string_agg(format('(%L, p.%I)', c, c), ', '),
           'CASE c.contador ' || string_agg(format('WHEN %L THEN p.%I', c, c), ' ') || ' END'
      INTO v_unpivot, v_valor
      FROM unnest(v_conocidos) c;
    EXECUTE format($sql$
        CREATE TEMP TABLE bp010_lecturas_contador ON COMMIT DROP AS
        SELECT p.well_id, p.timestamp_lectura, u.contador, u.valor, greatest(a.desde, $1) AS desde,
               least(a.hasta, $2) AS hasta
          FROM stage.tbl_pozo_produccion p
         CROSS JOIN LATERAL (VALUES %s) u(contador, valor)
          LEFT JOIN reporting.pipeline_run_alcance a
            ON a.run_id = $4 AND a.well_id = p.well_id
           AND p.timestamp_lectura >= a.desde AND p.timestamp_lectura < a.hasta
          LEFT JOIN bp010_fallos_rango f ON f.well_id = p.well_id AND f.timestamp_lectura = p.timestamp_lectura
         WHERE p.timestamp_lectura >= $1 AND p.timestamp_lectura < $2 AND ($3::text IS NULL OR p.well_id = $3)
           AND ($4::uuid IS NULL OR a.well_id IS NOT NULL)
           AND u.contador = ANY ($5)
           AND u.valor IS NOT NULL AND (f.columnas IS NULL OR NOT u.contador = ANY (f.columnas))
        $sql$, v_unpivot)
    USING v_desde, v_hasta, p_well_id, v_alcance, v_contadores;

    -- Each (well, counter, range) gets its three readings before the range and its two after it (same filters; a
    -- failed counter value is skipped by looking for its range failure): the delta of the range's first reading, the
    -- glitch check of its neighbours (which looks one reading further) and the confirmation of a drop at its end.
    -- Read once per range for every counter: the three stage rows before it and the two after it, each with the
    -- counters whose range rule it failed. Where a counter's value is there and passed in every row read on one side
    -- (or fewer rows exist), those rows are exactly that counter's neighbours on that side; otherwise that side of that
    -- counter is looked up on its own, further back or on, skipping the values that are missing or failed.
    SELECT string_agg(format('(%L, x.%I)', c, c), ', '), string_agg(format('p.%I', c), ', ')
      INTO v_unpivot, v_valor
      FROM unnest(v_conocidos) c;
    -- the counters' range rules, resolved once
    CREATE TEMP TABLE bp010_reglas_contador ON COMMIT DROP AS
    SELECT r.rule_id, r.columna FROM stage.vw_dq_reglas_resueltas r
     WHERE r.tipo = 'REPRESENTATIVIDAD' AND r.tabla = 'tbl_pozo_produccion' AND r.columna = ANY (v_contadores);
    EXECUTE format($sql$
        CREATE TEMP TABLE bp010_vecinos ON COMMIT DROP AS
        WITH rc AS MATERIALIZED (SELECT DISTINCT well_id, contador, desde, hasta FROM bp010_lecturas_contador),
             filas AS MATERIALIZED (   -- once per range, not per counter
                 SELECT r.well_id, r.desde, r.hasta, x.*
                   FROM (SELECT DISTINCT well_id, desde, hasta FROM rc) r
                  CROSS JOIN LATERAL (
                        (SELECT true AS antes, p.timestamp_lectura, %2$s
                           FROM stage.tbl_pozo_produccion p
                          WHERE p.well_id = r.well_id AND p.timestamp_lectura < r.desde
                          ORDER BY p.timestamp_lectura DESC
                          LIMIT 3)
                        UNION ALL
                        (SELECT false, p.timestamp_lectura, %2$s
                           FROM stage.tbl_pozo_produccion p
                          WHERE p.well_id = r.well_id AND p.timestamp_lectura >= r.hasta
                          ORDER BY p.timestamp_lectura
                          LIMIT 2)) x0
                  CROSS JOIN LATERAL (SELECT x0.*, (SELECT array_agg(g.columna)
                                                      FROM stage.tbl_pozo_scada_dq d
                                                      JOIN bp010_reglas_contador g ON g.rule_id = d.rule_id
                                                     WHERE d.well_id = r.well_id
                                                       AND d.timestamp_lectura = x0.timestamp_lectura) AS fallidas) x)
        SELECT rc.well_id, rc.contador, rc.desde, rc.hasta, x.antes, x.timestamp_lectura, u.valor,
               u.valor IS NOT NULL AND NOT coalesce(rc.contador = ANY (x.fallidas), false) AS valida
          FROM filas x
         CROSS JOIN LATERAL (VALUES %1$s) u(contador, valor)
          JOIN rc ON rc.well_id = x.well_id AND rc.desde = x.desde AND rc.contador = u.contador
        $sql$, v_unpivot, v_valor);
    SELECT 'CASE c.contador ' || string_agg(format('WHEN %L THEN p.%I', c, c), ' ') || ' END'
      INTO v_valor
      FROM unnest(v_conocidos) c;
    EXECUTE format($sql$
        INSERT INTO bp010_lecturas_contador (well_id, timestamp_lectura, contador, valor, desde, hasta)
        SELECT v.well_id, v.timestamp_lectura, v.contador, v.valor, v.desde, v.hasta
          FROM (SELECT v.*, bool_and(v.valida) OVER (PARTITION BY v.well_id, v.contador, v.desde, v.antes) AS completos
                  FROM bp010_vecinos v) v
         WHERE v.completos
        UNION ALL
        SELECT c.well_id, x.timestamp_lectura, c.contador, x.valor, c.desde, c.hasta
          FROM (SELECT DISTINCT v.well_id, v.contador, v.desde, v.hasta, v.antes FROM bp010_vecinos v
                 WHERE NOT v.valida) c
         CROSS JOIN LATERAL (
               (SELECT p.timestamp_lectura, %1$s AS valor
                  FROM stage.tbl_pozo_produccion p
                 WHERE c.antes AND p.well_id = c.well_id AND p.timestamp_lectura < c.desde AND %1$s IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM stage.tbl_pozo_scada_dq d
                                     JOIN bp010_reglas_contador r ON r.rule_id = d.rule_id AND r.columna = c.contador
                                    WHERE d.well_id = p.well_id AND d.timestamp_lectura = p.timestamp_lectura)
                 ORDER BY p.timestamp_lectura DESC
                 LIMIT 3)
               UNION ALL
               (SELECT p.timestamp_lectura, %1$s AS valor
                  FROM stage.tbl_pozo_produccion p
                 WHERE NOT c.antes AND p.well_id = c.well_id AND p.timestamp_lectura >= c.hasta AND %1$s IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM stage.tbl_pozo_scada_dq d
                                     JOIN bp010_reglas_contador r ON r.rule_id = d.rule_id AND r.columna = c.contador
                                    WHERE d.well_id = p.well_id AND d.timestamp_lectura = p.timestamp_lectura)
                 ORDER BY p.timestamp_lectura
                 LIMIT 2)) x
        $sql$, v_valor);

    -- A lone reading out of line with its neighbours while they agree with each other is a glitch (DQP-001): below
    -- the one before while the one after is not (p > v, n >= p), or above the one after while that one is not below
    -- the one before (p <= n < v). It is left out: the next reading's delta spans it and its own hour gets none.
    --
    -- Deltas over the readings that are not glitches: current - previous. A drop confirmed by a reading after it is a
    -- roll-over when crossing the next power of ten fits under the ceiling (999,990 -> 15 is 25), else a reset (the
    -- delta counts from zero); a drop with no reading after it yet waits (NULL: the run that brings the next reading
    -- recomputes its hour, R__25). A delta above the physical ceiling of its interval is refused (NULL, DQP-002).
    -- One statement and one table: the glitch check's window, then the deltas' window over its output; the range's
    -- glitches are kept in the same table (glitch, with the neighbours p and n; no delta, never a restart or a
    -- finding of the ceiling) for their findings, instead of a second temporary table of every counter reading.
    -- Each counter's ceiling per hour, resolved once per well of the readings and counter (the well's own, else the
    -- default row's): the deltas join one small table, not the master's every well twice (a merge join and a hash
    -- join over every counter reading: ~100 ms of the 1-day call's ~0.5 s deltas statement). Every counter of each
    -- well with readings (a pair without readings is never looked up): the distinct wells are one text key to hash,
    -- not (well, counter) pairs over every counter reading.
    CREATE TEMP TABLE bp010_techos ON COMMIT DROP AS
    WITH f AS MATERIALIZED (SELECT * FROM reporting.fnc_techos_contador())
    SELECT r.well_id, r.contador, coalesce(t.techo_hora, t0.techo_hora) AS techo_hora
      FROM (SELECT w.well_id, k.contador
              FROM (SELECT DISTINCT l.well_id FROM bp010_lecturas_contador l) w
             CROSS JOIN unnest(v_contadores) k(contador)) r
      LEFT JOIN f t ON t.well_id = r.well_id AND t.contador = r.contador
      LEFT JOIN f t0 ON t0.well_id IS NULL AND t0.contador = r.contador;
    -- Only the readings that make a finding or an event (a glitch, a delta over its ceiling, a restart) are kept as
    -- rows (bp010_deltas); the deltas themselves go straight into their hours' sums (bp010_deltas_hora: per well and
    -- hour, each counter's deltas summed in time order, as the hourly rows take them). Writing every counter reading's
    -- delta to a temporary table (72,000 rows in the 1-day call, past the 8 MB temp_buffers), then indexing and
    -- analysing it, cost more than computing it.
    CREATE TEMP TABLE bp010_deltas (well_id text, timestamp_lectura timestamptz, contador text,
                                    valor double precision, valor_anterior double precision,
                                    lectura_anterior timestamptz, techo double precision, bruto double precision,
                                    reinicio boolean, delta double precision, sobre_techo boolean, glitch boolean,
                                    p double precision, n double precision, emparejable boolean) ON COMMIT DROP;
    CREATE TEMP TABLE bp010_deltas_hora (well_id text, fecha_hora timestamptz, energia_kwh double precision,
                                         horas_operacion double precision, n_carreras double precision,
                                         reinicio boolean, energia_emparejada boolean, horas_emparejadas boolean,
                                         carreras_emparejadas boolean) ON COMMIT DROP;
    -- each counter's delta sum, then whether it is matched (docs/AGGREGATION.md, "Matched hours"): every accepted
    -- reading of the hour has an exact delta from a previous accepted reading in the same or the preceding clock hour
    SELECT string_agg(CASE WHEN c.contador = ANY (v_contadores)
                           THEN format('sum(delta) FILTER (WHERE contador = %L) AS %I', c.contador, c.destino)
                           ELSE format('NULL::double precision AS %I', c.destino) END, ', ')
           || ', bool_or(reinicio), '
           || string_agg(CASE WHEN c.contador = ANY (v_contadores)
                              THEN format('bool_and(emparejable) FILTER (WHERE contador = %L) AS %I', c.contador, c.emp)
                              ELSE format('NULL::boolean AS %I', c.emp) END, ', ')
      INTO v_deltas
      FROM unnest(v_conocidos, v_destinos_conocidos,
                  ARRAY['energia_emparejada', 'horas_emparejadas', 'carreras_emparejadas']) c(contador, destino, emp);
    EXECUTE format($sql$
    WITH y AS MATERIALIZED (
    SELECT y.well_id, y.timestamp_lectura, y.contador, y.valor, y.valor_anterior, y.lectura_anterior, y.techo,
           y.bruto, y.reinicio,
           CASE WHEN y.bruto > y.techo THEN NULL ELSE y.bruto END AS delta,
           coalesce(y.bruto > y.techo, false) AS sobre_techo, y.glitch, y.p, y.n,
           -- matched: an exact delta (not refused, not a reset counted from zero, not waiting for its confirmation)
           -- from a previous accepted reading in this reading's clock hour or the one before it
           coalesce(y.exacto AND NOT coalesce(y.bruto > y.techo, false)
                    AND y.lectura_anterior >= date_trunc('hour', y.timestamp_lectura) - interval '1 hour', false)
               AS emparejable
      FROM (SELECT z.*,
                   CASE WHEN z.valor_anterior IS NULL THEN NULL
                        WHEN z.valor >= z.valor_anterior THEN z.valor - z.valor_anterior
                        WHEN z.lectura_siguiente IS NULL THEN NULL
                        WHEN z.vuelta - z.valor_anterior + z.valor <= z.techo THEN z.vuelta - z.valor_anterior + z.valor
                        ELSE z.valor END AS bruto,
                   CASE WHEN z.valor_anterior IS NULL THEN false
                        WHEN z.valor >= z.valor_anterior THEN true
                        WHEN z.lectura_siguiente IS NULL THEN false
                        ELSE z.vuelta - z.valor_anterior + z.valor <= z.techo END AS exacto,
                   coalesce(z.valor < z.valor_anterior AND z.lectura_siguiente IS NOT NULL, false) AS reinicio
              FROM (SELECT v.*,
                           t.techo_hora * extract(epoch FROM v.timestamp_lectura - v.lectura_anterior) / 3600 AS techo
                      -- the deltas' window over the glitch check's output, in its order (no second sort of every
                      -- reading): a glitch is its own partition (glitch in the key), so a reading's previous and next
                      -- are the readings that passed; a glitch's own delta columns are NULL
                      FROM (SELECT x.well_id, x.timestamp_lectura, x.contador, x.valor, x.desde, x.hasta, x.glitch,
                                   CASE WHEN x.glitch THEN x.p END AS p, CASE WHEN x.glitch THEN x.n END AS n,
                                   CASE WHEN NOT x.glitch THEN lag(x.valor) OVER w END AS valor_anterior,
                                   CASE WHEN NOT x.glitch THEN lag(x.timestamp_lectura) OVER w END AS lectura_anterior,
                                   CASE WHEN NOT x.glitch THEN lead(x.timestamp_lectura) OVER w END AS lectura_siguiente,
                                   CASE WHEN NOT x.glitch
                                        THEN power(10, ceil(log(greatest(lag(x.valor) OVER w, 0) + 1)))::double precision
                                   END AS vuelta
                              FROM (SELECT x.*, coalesce((x.valor < x.p AND x.n >= x.p) OR (x.p <= x.n AND x.n < x.valor),
                                                         false) AS glitch
                                      FROM (SELECT l.*, lag(l.valor) OVER w AS p, lead(l.valor) OVER w AS n
                                              FROM bp010_lecturas_contador l
                                            WINDOW w AS (PARTITION BY l.well_id, l.contador, l.desde
                                                         ORDER BY l.timestamp_lectura)) x) x
                            WINDOW w AS (PARTITION BY x.well_id, x.contador, x.desde, x.glitch
                                         ORDER BY x.timestamp_lectura)) v
                      LEFT JOIN bp010_techos t ON t.well_id = v.well_id AND t.contador = v.contador) z) y
     WHERE y.timestamp_lectura >= y.desde AND y.timestamp_lectura < y.hasta),
    e AS (INSERT INTO bp010_deltas SELECT * FROM y WHERE y.glitch OR y.sobre_techo OR y.reinicio)
    INSERT INTO bp010_deltas_hora (well_id, fecha_hora, energia_kwh, horas_operacion, n_carreras, reinicio,
                                   energia_emparejada, horas_emparejadas, carreras_emparejadas)
    SELECT well_id, hora, %s
      FROM (SELECT *, date_trunc('hour', timestamp_lectura) AS hora FROM y WHERE NOT glitch
             ORDER BY well_id, hora, contador, timestamp_lectura) d
     GROUP BY well_id, hora
    $sql$, v_deltas);
    -- (bp010_deltas_hora is not analysed: its size is estimated from its pages, and sampling its 24,000 rows in the
    -- 1-day call cost ~35 ms; the few rows of bp010_deltas are)
    ANALYZE bp010_deltas;

    -- The counter findings of the window or scope (the project's checks, referencial.tbl_dq_reglas_proyecto), replaced.
    DELETE FROM stage.tbl_pozo_scada_dq d
     USING referencial.tbl_dq_reglas_proyecto r
     WHERE d.rule_id = r.rule_id AND r.tipo = 'CONTADOR'
       AND d.timestamp_lectura >= v_desde AND d.timestamp_lectura < v_hasta
       AND (p_well_id IS NULL OR d.well_id = p_well_id)
       AND (v_alcance IS NULL OR EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a
                                          WHERE a.run_id = v_alcance AND a.well_id = d.well_id
                                            AND d.timestamp_lectura >= a.desde AND d.timestamp_lectura < a.hasta));
    INSERT INTO stage.tbl_pozo_scada_dq AS t (run_id, rule_id, well_id, timestamp_lectura, nombre_tecnico, valor,
                                              resultado, motivo, severidad, tipo)
    SELECT p_run_id, f.rule_id, f.well_id, f.timestamp_lectura, string_agg(f.contador, ', ' ORDER BY f.contador),
           string_agg(f.valor::text, ', ' ORDER BY f.contador), 'FAIL', string_agg(f.motivo, '; ' ORDER BY f.contador),
           min(r.severidad), min(r.tipo)
      FROM (SELECT 'DQP-001' AS rule_id, g.well_id, g.timestamp_lectura, g.contador, g.valor,
                   format('%s = %s between %s and %s: a glitch, left out', g.contador, g.valor, g.p, g.n) AS motivo
              FROM bp010_deltas g
             WHERE g.glitch
            UNION ALL
            SELECT 'DQP-002', d.well_id, d.timestamp_lectura, d.contador, d.valor,
                   format('%s delta %s since %s exceeds its ceiling %s: refused', d.contador, round(d.bruto::numeric, 3),
                          d.lectura_anterior, round(d.techo::numeric, 3))
              FROM bp010_deltas d WHERE d.sobre_techo
            UNION ALL
            SELECT 'DQP-003', d.well_id, d.timestamp_lectura, d.contador, d.valor,
                   format('%s fell from %s to %s, confirmed by the next reading: delta %s', d.contador,
                          d.valor_anterior, d.valor, round(d.delta::numeric, 3))
              FROM bp010_deltas d WHERE d.reinicio AND NOT d.sobre_techo) f
      JOIN referencial.tbl_dq_reglas_proyecto r ON r.rule_id = f.rule_id AND r.activa
     GROUP BY f.rule_id, f.well_id, f.timestamp_lectura
    ON CONFLICT (rule_id, well_id, timestamp_lectura) DO UPDATE
       SET run_id = EXCLUDED.run_id, nombre_tecnico = EXCLUDED.nombre_tecnico, valor = EXCLUDED.valor,
           motivo = EXCLUDED.motivo, severidad = EXCLUDED.severidad, tipo = EXCLUDED.tipo;

    -- Hourly rows: time-weighted means over the readings that passed (each weighs the time to the next reading or the
    -- end of its hour, at most the offline allowance), daily controller counters as the hour's max, counter deltas
    -- summed per hour; the hour's derived physics from those means (the inputs phase 5 reads back from the row).
    -- When no reading of the window failed a range rule (bp010_fallos_rango is empty), every reading's
    -- columnas_fallidas is NULL and its test is true for every column: the aggregates are written without it (the
    -- same readings in the same order, ~50 ms of the 1-day call's ~120 filtered aggregates per reading).
    v_fallos := EXISTS (SELECT 1 FROM bp010_fallos_rango);
    SELECT string_agg(CASE WHEN c = ANY (v_diarios)
                           THEN format('max(p.%I)%s AS %I', c,
                                       CASE WHEN x.ok IS NOT NULL THEN format(' FILTER (WHERE %s)', x.ok) END, c)
                           ELSE format('sum(p.peso_f * p.%1$I)%2$s / NULLIF(sum(p.peso_us) FILTER (WHERE %3$sp.%1$I IS NOT NULL) / 1000000, 0) AS %1$I',
                                       c, CASE WHEN x.ok IS NOT NULL THEN format(' FILTER (WHERE %s)', x.ok) END,
                                       CASE WHEN x.ok IS NOT NULL THEN x.ok || ' AND ' END)
                      END, E',\n                   '),
           string_agg(format('t.%I', c), ', '),
           string_agg(format('%I = EXCLUDED.%I', c, c), ', ')
      INTO v_medias, v_actual, v_set
      FROM unnest(v_cols) c
     CROSS JOIN LATERAL (SELECT CASE WHEN v_fallos
                                     THEN format('(p.columnas_fallidas IS NULL OR NOT %L = ANY (p.columnas_fallidas))%s',
                                                 c, CASE WHEN c = ANY (v_en_marcha) THEN ' AND p.en_marcha' ELSE '' END)
                                     WHEN c = ANY (v_en_marcha) THEN 'p.en_marcha'
                                END AS ok) x;
    -- Whether the window (from its first hour) held hourly rows before this call: if not, the hours are written by a
    -- plain INSERT (no row can conflict: the speculative insertion and its arbiter probe cost ~0.1 s of CPU in the
    -- 1-day call's 24,000 rows) and no hour can be left without readings below. A row another transaction commits in
    -- the meantime makes the INSERT fail on the key; it is then run again with its ON CONFLICT clause, as always.
    v_habia := EXISTS (SELECT 1 FROM reporting.fact_operaciones_horarias t
                        WHERE t.fecha_hora >= date_trunc('hour', v_desde) AND t.fecha_hora < v_hasta
                          AND (p_well_id IS NULL OR t.well_id = p_well_id));
    v_medias_sql := format($sql$
        WITH h AS (
            SELECT p.well_id, p.hora_lectura AS fecha_hora, count(*)::integer AS n_lecturas,
                   %1$s
              -- peso is numeric (extract gives numeric) with exactly 6 decimals (whole microseconds). The numerators
              -- multiply it as double precision, converted here once per reading (the same cast each numerator
              -- applied to it). The denominators sum it in whole microseconds as double precision (peso_us): every
              -- partial sum is an integer below 2^53 (an hour's weights add up to 3.6e9 us at most), so it is exact,
              -- and dividing it by 1e6 rounds once, to the double nearest the exact decimal sum: the value the
              -- numeric sum had once converted to double precision for the division (its text form read by strtod),
              -- without a numeric aggregate state per column and hour (three fifths of the aggregation's cost)
              FROM (SELECT w.*, w.peso::double precision AS peso_f, (w.peso * 1000000)::double precision AS peso_us
                      FROM (
                    SELECT p.*, f.columnas AS columnas_fallidas, date_trunc('hour', p.timestamp_lectura) AS hora_lectura,
                           -- stopped: SPM 0 or the run-status flag 0
                           NOT coalesce(p.strokes_per_minute = 0 OR p.run_status = 0, false) AS en_marcha,
                           extract(epoch FROM least(lead(p.timestamp_lectura) OVER (PARTITION BY p.well_id
                                                                                  ORDER BY p.timestamp_lectura),
                                                    date_trunc('hour', p.timestamp_lectura) + interval '1 hour',
                                                    p.timestamp_lectura + $6) - p.timestamp_lectura) AS peso
                      FROM stage.tbl_pozo_produccion p
                      LEFT JOIN bp010_fallos_rango f
                        ON f.well_id = p.well_id AND f.timestamp_lectura = p.timestamp_lectura
                     WHERE p.timestamp_lectura >= $1 AND p.timestamp_lectura < $2
                       AND ($3::text IS NULL OR p.well_id = $3)
                       -- an incremental run: the hours holding new readings (or marked days) only
                       AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a
                                                         WHERE a.run_id = $5 AND a.well_id = p.well_id
                                                           AND p.timestamp_lectura >= a.desde
                                                           AND p.timestamp_lectura < a.hasta
                                                           AND coalesce(a.horas_nuevas,
                                                                        tstzmultirange(tstzrange(a.desde, a.hasta)))
                                                               @> p.timestamp_lectura))) w
                     ORDER BY w.well_id, w.hora_lectura, w.timestamp_lectura) p
             GROUP BY p.well_id, p.hora_lectura
        )
        , cf AS MATERIALIZED (SELECT * FROM reporting.fnc_config_fisica())
        INSERT INTO reporting.fact_operaciones_horarias AS t
               (well_id, fecha_hora, n_lecturas, %2$s, energia_kwh, horas_operacion, n_carreras, reinicio_contador,
                energia_emparejada, horas_emparejadas, carreras_emparejadas, fluid_level_calc, pip_calc, pwf, pump_displacement_bpd, hydraulic_hp, hhp_forma, cdi_diagnostico,
                cdi_probabilidad, run_id)
        SELECT h.well_id, h.fecha_hora, h.n_lecturas, %3$s, c.energia_kwh, c.horas_operacion, c.n_carreras,
               coalesce(c.reinicio, false), coalesce(c.energia_emparejada, false),
               coalesce(c.horas_emparejadas, false), coalesce(c.carreras_emparejadas, false), d.fluid_level_calc, d.pip_calc, d.pwf, d.pump_displacement_bpd,
               d.hydraulic_hp, d.hhp_forma, dg.clase, dg.probabilidad, $4
          FROM h
          LEFT JOIN bp010_deltas_hora c ON c.well_id = h.well_id AND c.fecha_hora = h.fecha_hora
          -- a new hour gets its card diagnosis with it (the card step runs before TRANSFORM, docs/CARDS.md): the
          -- hour's latest, as the CDI bridge (R__60) picks it; an existing hour keeps its own (not in the SET below),
          -- the bridge writes the diagnoses it has not synced
          -- (each well's diagnoses of the window read by one index range scan and the hour's latest kept, not one
          -- lookup and sort per hour: an hour's reading lies in [$1, $2), so its hour's diagnoses in
          -- [date_trunc('hour', $1), $2 + 1 hour))
          LEFT JOIN (SELECT DISTINCT ON (g.well_id, date_trunc('hour', g.timestamp_lectura))
                            g.well_id, date_trunc('hour', g.timestamp_lectura) AS hora, g.clase, g.probabilidad
                       FROM (SELECT DISTINCT h2.well_id FROM h h2) w
                      CROSS JOIN LATERAL (SELECT g.* FROM universal.diagnostico g
                                           WHERE g.well_id = w.well_id
                                             AND g.timestamp_lectura >= date_trunc('hour', $1)
                                             AND g.timestamp_lectura < $2 + interval '1 hour') g
                      ORDER BY g.well_id, date_trunc('hour', g.timestamp_lectura), g.timestamp_lectura DESC,
                               g.created_at DESC, g.diagnostico_id DESC) dg
            ON dg.well_id = h.well_id AND dg.hora = h.fecha_hora
          LEFT JOIN reporting.fnc_parametros_pozo() m ON m.well_id = h.well_id
         CROSS JOIN cf
         CROSS JOIN LATERAL stage.fnc_calc_derivados(
                p_api => m.api_gravity, p_sg_water => m.sg_agua, p_bsw_pct => h.bsw,
                p_oil_rate => h.oil_rate, p_water_rate => h.water_rate, p_liquid_rate => h.liquid_rate,
                p_pump_depth => m.profundidad_bomba, p_midperf_depth => m.profundidad_media_perforados,
                p_plunger_diameter => m.diametro_piston, p_rod_weight_air => m.peso_varillas_aire,
                p_casing_pressure => h.casing_head_pressure, p_tubing_pressure => h.well_head_pressure,
                p_fluid_level => h.fluid_level, p_pip_measured => h.pump_intake_pressure,
                p_discharge_measured => h.pump_discharge_pressure, p_spm => h.strokes_per_minute,
                p_stroke => coalesce(h.plunger_stroke, h.stroke_length), p_card_area => h.card_area,
                p_gas_correction => cf.correccion_columna_gas, p_sg_gas => m.sg_gas,
                p_temp_avg_f => stage.fnc_calc_gas_column_temperature(
                    coalesce(m.temperatura_superficie, h.wellhead_temperature), m.temperatura_yacimiento,
                    h.fluid_level, m.profundidad_media_perforados),
                p_water_gradient => cf.gradiente, p_pump_constant => cf.constante_bomba,
                p_buoyancy_factor => cf.factor_flotacion, p_hhp_definicion => cf.hhp_definicion,
                p_hhp_factor_api => cf.hhp_factor_api, p_hhp_factor_presion => cf.hhp_factor_presion,
                p_prhp_divisor => cf.prhp_divisor) d
        $sql$,
        v_medias,
        array_to_string(ARRAY(SELECT format('%I', c) FROM unnest(v_cols) c), ', '),
        array_to_string(ARRAY(SELECT format('h.%I', c) FROM unnest(v_cols) c), ', '));
    v_conflicto := format($sql$
        ON CONFLICT (well_id, fecha_hora) DO UPDATE
           SET n_lecturas = EXCLUDED.n_lecturas, %1$s, energia_kwh = EXCLUDED.energia_kwh,
               horas_operacion = EXCLUDED.horas_operacion, n_carreras = EXCLUDED.n_carreras,
               reinicio_contador = EXCLUDED.reinicio_contador, energia_emparejada = EXCLUDED.energia_emparejada,
               horas_emparejadas = EXCLUDED.horas_emparejadas, carreras_emparejadas = EXCLUDED.carreras_emparejadas,
               fluid_level_calc = EXCLUDED.fluid_level_calc,
               pip_calc = EXCLUDED.pip_calc, pwf = EXCLUDED.pwf, pump_displacement_bpd = EXCLUDED.pump_displacement_bpd,
               hydraulic_hp = EXCLUDED.hydraulic_hp, hhp_forma = EXCLUDED.hhp_forma, run_id = EXCLUDED.run_id,
               updated_at = now()
         WHERE (t.n_lecturas, %2$s, t.energia_kwh, t.horas_operacion, t.n_carreras, t.reinicio_contador,
                t.energia_emparejada, t.horas_emparejadas, t.carreras_emparejadas)
               IS DISTINCT FROM
               (EXCLUDED.n_lecturas, %3$s, EXCLUDED.energia_kwh, EXCLUDED.horas_operacion, EXCLUDED.n_carreras,
                EXCLUDED.reinicio_contador, EXCLUDED.energia_emparejada, EXCLUDED.horas_emparejadas,
                EXCLUDED.carreras_emparejadas)
        $sql$,
        v_set, v_actual,
        array_to_string(ARRAY(SELECT format('EXCLUDED.%I', c) FROM unnest(v_cols) c), ', '));
    -- An incremental run averages only the readings of its new hours (the statement's filter), so they are read from
    -- the earliest of them on, not from the scope's first hour: the neighbours' hours before them (two thirds of the
    -- hourly run's stage rows, each probed against the scope) and their diagnoses are not read for nothing. The same
    -- readings pass the filter either way (a range unbounded below keeps the window's start).
    v_desde_medias := v_desde;
    IF v_alcance IS NOT NULL THEN
        v_desde_medias := greatest(v_desde, coalesce(
            (SELECT min(CASE WHEN lower_inf(n.m) THEN '-infinity'::timestamptz ELSE lower(n.m) END)
               FROM reporting.pipeline_run_alcance a
              CROSS JOIN LATERAL (SELECT coalesce(a.horas_nuevas, tstzmultirange(tstzrange(a.desde, a.hasta))) AS m) n
              WHERE a.run_id = v_alcance AND a.hasta > v_desde AND a.desde < v_hasta
                AND (p_well_id IS NULL OR a.well_id = p_well_id)), v_desde));
    END IF;
    IF v_habia THEN
        EXECUTE v_medias_sql || v_conflicto
        USING v_desde_medias, v_hasta, p_well_id, p_run_id, v_alcance, v_tolerancia;
        GET DIAGNOSTICS n_horas = ROW_COUNT;
    ELSE
        BEGIN
            EXECUTE v_medias_sql
            USING v_desde_medias, v_hasta, p_well_id, p_run_id, v_alcance, v_tolerancia;
            GET DIAGNOSTICS n_horas = ROW_COUNT;
        EXCEPTION WHEN unique_violation THEN
            EXECUTE v_medias_sql || v_conflicto
            USING v_desde_medias, v_hasta, p_well_id, p_run_id, v_alcance, v_tolerancia;
            GET DIAGNOSTICS n_horas = ROW_COUNT;
        END;
    END IF;

    -- An incremental run's other hours (the neighbours' hours of its ranges, without new readings): their readings,
    -- verdicts and weights are those of the run that wrote them (a reading's weight ends at its hour's end at the
    -- latest, DQ checked only the new hours), so their means and derived physics stand; only their counter deltas,
    -- restart flags and matched flags can change (a new neighbour reading confirms a drop, makes a glitch, moves a
    -- delta, fills a gap).
    IF v_alcance IS NOT NULL THEN
        EXECUTE format($sql$
            UPDATE reporting.fact_operaciones_horarias t
               SET energia_kwh = c.energia_kwh, horas_operacion = c.horas_operacion, n_carreras = c.n_carreras,
                   reinicio_contador = c.reinicio, energia_emparejada = c.energia_emparejada,
                   horas_emparejadas = c.horas_emparejadas, carreras_emparejadas = c.carreras_emparejadas,
                   run_id = $4, updated_at = now()
              FROM (SELECT x.well_id, x.fecha_hora, d.energia_kwh, d.horas_operacion, d.n_carreras,
                           coalesce(d.reinicio, false) AS reinicio,
                           coalesce(d.energia_emparejada, false) AS energia_emparejada,
                           coalesce(d.horas_emparejadas, false) AS horas_emparejadas,
                           coalesce(d.carreras_emparejadas, false) AS carreras_emparejadas
                      FROM reporting.pipeline_run_alcance a
                      -- each range's hours by key (never a scan of the month's partition, which grows all month)
                     CROSS JOIN LATERAL (SELECT y.well_id, y.fecha_hora, y.energia_kwh, y.horas_operacion, y.n_carreras,
                                                y.reinicio_contador, y.energia_emparejada, y.horas_emparejadas,
                                                y.carreras_emparejadas
                                           FROM reporting.fact_operaciones_horarias y
                                          WHERE y.well_id = a.well_id AND y.fecha_hora >= greatest(a.desde, $1)
                                            AND y.fecha_hora < least(a.hasta, $2)
                                         OFFSET 0) x
                      LEFT JOIN bp010_deltas_hora d ON d.well_id = x.well_id AND d.fecha_hora = x.fecha_hora
                     WHERE a.run_id = $5 AND ($3::text IS NULL OR a.well_id = $3)
                       AND NOT coalesce(a.horas_nuevas, tstzmultirange(tstzrange(a.desde, a.hasta))) @> x.fecha_hora
                       -- usually nothing changed: only the changed hours are looked up again to be written
                       AND (x.energia_kwh, x.horas_operacion, x.n_carreras, x.reinicio_contador,
                            x.energia_emparejada, x.horas_emparejadas, x.carreras_emparejadas)
                           IS DISTINCT FROM (d.energia_kwh, d.horas_operacion, d.n_carreras, coalesce(d.reinicio, false),
                                             coalesce(d.energia_emparejada, false),
                                             coalesce(d.horas_emparejadas, false),
                                             coalesce(d.carreras_emparejadas, false))) c
             WHERE t.well_id = c.well_id AND t.fecha_hora = c.fecha_hora
               AND (t.energia_kwh, t.horas_operacion, t.n_carreras, t.reinicio_contador, t.energia_emparejada,
                    t.horas_emparejadas, t.carreras_emparejadas)
                   IS DISTINCT FROM (c.energia_kwh, c.horas_operacion, c.n_carreras, c.reinicio, c.energia_emparejada,
                                     c.horas_emparejadas, c.carreras_emparejadas)
            $sql$)
        USING v_desde, v_hasta, p_well_id, p_run_id, v_alcance;
        GET DIAGNOSTICS n_contadores = ROW_COUNT;
        n_horas := n_horas + n_contadores;
    END IF;

    -- Hours of the window that no longer have readings, and hours that start on another zone's hour (facts written
    -- before BP010_TIMEZONE changed to a zone with another offset, e.g. UTC to Asia/Kolkata).
    -- Nothing to remove if the window held no hourly rows before this call (it wrote only hours with readings).
    n_borradas := 0;
    IF v_habia THEN
        DELETE FROM reporting.fact_operaciones_horarias t
         WHERE t.fecha_hora >= v_desde AND t.fecha_hora < v_hasta
           AND (p_well_id IS NULL OR t.well_id = p_well_id)
           AND (v_alcance IS NULL OR EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a
                                              WHERE a.run_id = v_alcance AND a.well_id = t.well_id
                                                AND t.fecha_hora >= a.desde AND t.fecha_hora < a.hasta))
           AND (t.fecha_hora <> date_trunc('hour', t.fecha_hora)
                OR (t.well_id, t.fecha_hora) NOT IN (   -- the hours with readings: one hashed set, not a probe per hour
                       SELECT p.well_id, date_trunc('hour', p.timestamp_lectura)
                         FROM stage.tbl_pozo_produccion p
                        WHERE p.timestamp_lectura >= v_desde AND p.timestamp_lectura < v_hasta
                          AND (p_well_id IS NULL OR p.well_id = p_well_id)
                          AND (v_alcance IS NULL OR EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a
                                                             WHERE a.run_id = v_alcance AND a.well_id = p.well_id
                                                               AND p.timestamp_lectura >= a.desde
                                                               AND p.timestamp_lectura < a.hasta))));
        GET DIAGNOSTICS n_borradas = ROW_COUNT;
    END IF;

    -- Restart events (one per counter and reading), replaced for the window.
    DELETE FROM reporting.fact_eventos_pozo e
     WHERE e.ocurrido_en >= v_desde AND e.ocurrido_en < v_hasta
       AND (p_well_id IS NULL OR e.well_id = p_well_id)
       AND (v_alcance IS NULL OR EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a
                                          WHERE a.run_id = v_alcance AND a.well_id = e.well_id
                                            AND e.ocurrido_en >= a.desde AND e.ocurrido_en < a.hasta))
       AND e.tipo LIKE 'REINICIO\_CONTADOR\_%'
       AND NOT EXISTS (SELECT 1 FROM bp010_deltas d
                        WHERE d.reinicio AND d.well_id = e.well_id AND d.timestamp_lectura = e.ocurrido_en
                          AND e.tipo = 'REINICIO_CONTADOR_' || upper(d.contador));
    INSERT INTO reporting.fact_eventos_pozo AS e (well_id, ocurrido_en, tipo, detalle, run_id)
    SELECT d.well_id, d.timestamp_lectura, 'REINICIO_CONTADOR_' || upper(d.contador),
           jsonb_build_object('contador', d.contador, 'valor_anterior', d.valor_anterior, 'valor_actual', d.valor,
                              'lectura_anterior', d.lectura_anterior, 'delta_asumido', d.delta),
           p_run_id
      FROM bp010_deltas d
     WHERE d.reinicio
    ON CONFLICT (well_id, ocurrido_en, tipo) DO UPDATE
       SET detalle = EXCLUDED.detalle, run_id = EXCLUDED.run_id
     WHERE e.detalle IS DISTINCT FROM EXCLUDED.detalle;
    SELECT count(*) INTO n_reinicios FROM bp010_deltas WHERE reinicio;

    RAISE NOTICE 'Hourly facts % .. % (wells: %): % row(s) written (new or changed), % removed, % counter restart(s)',
        p_fecha_inicio, p_fecha_fin, coalesce(p_well_id, 'all'), n_horas, n_borradas, n_reinicios;
END
$$;
COMMENT ON PROCEDURE reporting.sp_cargar_hechos_horarios(date, date, text, uuid) IS
    'Phase 4, hourly facts of the window: averages over readings that passed their DQ range rules, counter deltas with restarts (fact_eventos_pozo)';

-- ---------------------------------------------------------------------------------------------------------------
-- Daily facts (from the hourly ones) and field totals
-- ---------------------------------------------------------------------------------------------------------------
-- Field totals of the days of a window (an incremental run: the days its scope touches), over every well of each field.
-- Called by the daily facts; a well group's run leaves them to the global step after every group.
CREATE OR REPLACE PROCEDURE reporting.sp_cargar_totales_campo(p_fecha_inicio date, p_fecha_fin date, p_run_id uuid,
                                                              INOUT p_campos bigint DEFAULT NULL)
LANGUAGE plpgsql
SET jit = off
AS $$
DECLARE
    v_alcance constant uuid := reporting.fnc_alcance_de(p_run_id);
    v_dias    date[];   -- an incremental run: the days its scope touches (read once, not per daily row)
BEGIN
    PERFORM reporting.fnc_validar_ventana('sp_cargar_totales_campo', p_fecha_inicio, p_fecha_fin);
    IF v_alcance IS NOT NULL THEN
        v_dias := ARRAY(SELECT DISTINCT g.dia::date
                          FROM reporting.pipeline_run_alcance a
                         CROSS JOIN LATERAL generate_series(a.dia_desde, a.dia_hasta, interval '1 day') g(dia)
                         WHERE a.run_id = v_alcance);
    END IF;
    INSERT INTO reporting.fact_campo_diario AS t
           (campo, fecha, pozos_con_datos, produccion_petroleo_bbl, produccion_agua_bbl, produccion_gas_mscf,
            energia_kwh, kwh_por_bbl)
    -- every sum in well order whatever the plan (a well group's global step and a whole run plan this statement
    -- differently, and a floating-point sum's last bit depends on the order of its terms); kWh/bbl over each well's
    -- matched hours (docs/AGGREGATION.md, "Matched hours")
    SELECT campo, fecha, count(*), sum(produccion_petroleo_bbl ORDER BY well_id),
           sum(produccion_agua_bbl ORDER BY well_id), sum(produccion_gas_mscf ORDER BY well_id),
           sum(energia_kwh ORDER BY well_id),
           sum(emp_energia_kwh ORDER BY well_id) / nullif(sum(emp_energia_liquido_bbl ORDER BY well_id), 0)
      FROM (SELECT coalesce(m.campo, 'SIN_CAMPO') AS campo, d.*
              FROM reporting.fact_operaciones_diarias d
              LEFT JOIN stage.tbl_pozo_maestra m ON m.well_id = d.well_id
             WHERE d.fecha BETWEEN p_fecha_inicio AND p_fecha_fin
               AND (v_alcance IS NULL OR d.fecha = ANY (v_dias))
             ORDER BY d.well_id, d.fecha) d
     GROUP BY campo, fecha
    ON CONFLICT (campo, fecha) DO UPDATE
       SET pozos_con_datos = EXCLUDED.pozos_con_datos, produccion_petroleo_bbl = EXCLUDED.produccion_petroleo_bbl,
           produccion_agua_bbl = EXCLUDED.produccion_agua_bbl, produccion_gas_mscf = EXCLUDED.produccion_gas_mscf,
           energia_kwh = EXCLUDED.energia_kwh, kwh_por_bbl = EXCLUDED.kwh_por_bbl, updated_at = now()
     WHERE (t.pozos_con_datos, t.produccion_petroleo_bbl, t.produccion_agua_bbl, t.produccion_gas_mscf,
            t.energia_kwh, t.kwh_por_bbl)
           IS DISTINCT FROM
           (EXCLUDED.pozos_con_datos, EXCLUDED.produccion_petroleo_bbl, EXCLUDED.produccion_agua_bbl,
            EXCLUDED.produccion_gas_mscf, EXCLUDED.energia_kwh, EXCLUDED.kwh_por_bbl);
    GET DIAGNOSTICS p_campos = ROW_COUNT;
    DELETE FROM reporting.fact_campo_diario t
     WHERE t.fecha BETWEEN p_fecha_inicio AND p_fecha_fin
       AND (v_alcance IS NULL OR t.fecha = ANY (v_dias))
       AND NOT EXISTS (SELECT 1 FROM reporting.fact_operaciones_diarias d
                        LEFT JOIN stage.tbl_pozo_maestra m ON m.well_id = d.well_id
                        WHERE d.fecha = t.fecha AND coalesce(m.campo, 'SIN_CAMPO') = t.campo);

    RAISE NOTICE 'Field totals % .. %: % row(s) written (new or changed)', p_fecha_inicio, p_fecha_fin, p_campos;
END
$$;
COMMENT ON PROCEDURE reporting.sp_cargar_totales_campo(date, date, uuid, bigint) IS
    'Phase 4 (or the global step after the well groups): field totals per field and day (reporting.fact_campo_diario) of the window''s days (an incremental run: its scope''s days), over every well of the field';

CREATE OR REPLACE PROCEDURE reporting.sp_cargar_hechos_diarios(p_fecha_inicio date, p_fecha_fin date,
                                                               p_well_id text, p_run_id uuid)
LANGUAGE plpgsql
SET jit = off
-- the hourly rows of the days are sorted by well, day and hour: in memory, not on disk
SET work_mem = '64MB'
AS $$
DECLARE
    v_desde constant timestamptz := p_fecha_inicio::timestamptz;
    v_hasta constant timestamptz := (p_fecha_fin + 1)::timestamptz;
    -- an incremental run recomputes the days its scope touches (R__25), of its wells (field totals: of every well)
    v_alcance constant uuid := reporting.fnc_alcance_de(p_run_id);
    -- averaged columns: in stage, in the hourly facts and in the daily facts
    v_cols_diarias constant text[] := reporting.fnc_columnas_stage_en('fact_operaciones_diarias');
    v_cols  text[] := ARRAY(SELECT c FROM unnest(reporting.fnc_columnas_stage_en('fact_operaciones_horarias')) c
                             WHERE c = ANY (v_cols_diarias));
    v_agregados text;
    v_dias  text;
    n_dias  bigint;
    n_borrados bigint;
    n_campos bigint;
BEGIN
    -- The day's aggregates over its hourly rows, read in hour order (floating-point sums in a fixed order): daily
    -- controller counters (tipo_contador DIARIO) take the day's max, the rest the mean of the hours. The day's liquid
    -- is the hours' measured liquid rate, else their oil + water: the liquid q of the hourly KPIs and derived values
    -- (R__51, stage.fnc_calc_derivados), so the day's efficiency and kWh/bbl are those of its hours (docs/AGGREGATION.md).
    v_agregados := format($agg$sum(h.n_lecturas)::integer AS n_lecturas, count(*)::smallint AS horas_con_datos,
                   -- the hours that have each rate: its rate is its barrels x 24 / them (docs/AGGREGATION.md "A
                   -- day's rate"); the liquid's are the hours of the day's liquid barrels (measured, else oil + water)
                   count(h.oil_rate)::smallint AS horas_con_petroleo, count(h.water_rate)::smallint AS horas_con_agua,
                   count(h.gas_rate)::smallint AS horas_con_gas,
                   count(%2$s)::smallint AS horas_con_liquido,
                   sum(h.oil_rate) / 24 AS petroleo, sum(h.water_rate) / 24 AS agua, sum(h.gas_rate) / 24 AS gas,
                   sum(coalesce(h.liquid_rate, h.oil_rate + h.water_rate)) / 24 AS liquido,
                   sum(h.energia_kwh) AS energia, sum(h.horas_operacion) AS horas_operacion,
                   sum(h.n_carreras) AS n_carreras,
                   -- the sums over matched hours (docs/AGGREGATION.md, "Matched hours"): hours with a liquid rate
                   -- whose energy delta is matched, and (the strokes) whose stroke delta is matched, or, on a day
                   -- without stroke deltas, whose runtime delta is (strokes = running SPM x 60 x runtime)
                   sum(h.energia_kwh) FILTER (WHERE h.energia_emparejada AND %2$s IS NOT NULL) AS emp_energia,
                   sum(%2$s) FILTER (WHERE h.energia_emparejada AND %2$s IS NOT NULL) / 24 AS emp_energia_liquido,
                   CASE WHEN bool_and(h.oil_rate IS NOT NULL) FILTER (WHERE h.energia_emparejada AND %2$s IS NOT NULL)
                        THEN sum(h.oil_rate) FILTER (WHERE h.energia_emparejada AND %2$s IS NOT NULL) / 24
                   END AS emp_energia_petroleo,
                   CASE WHEN sum(h.n_carreras) IS NOT NULL
                        THEN sum(%2$s) FILTER (WHERE h.carreras_emparejadas AND %2$s IS NOT NULL)
                        ELSE sum(%2$s) FILTER (WHERE h.horas_emparejadas AND %2$s IS NOT NULL)
                   END / 24 AS emp_carreras_liquido,
                   CASE WHEN sum(h.n_carreras) IS NOT NULL
                        THEN sum(h.n_carreras) FILTER (WHERE h.carreras_emparejadas AND %2$s IS NOT NULL)
                        ELSE avg(h.strokes_per_minute) * 60
                             * sum(h.horas_operacion) FILTER (WHERE h.horas_emparejadas AND %2$s IS NOT NULL)
                   END AS emp_carreras,
                   -- the runtime counter covers the day (uptime, docs/AGGREGATION.md "Uptime"): the delta of its first
                   -- clock hour starts in the hour before it (runtime-matched) and its last clock hour has a delta, so
                   -- no gap's runtime crosses local midnight into or out of the day
                   coalesce(bool_or(h.horas_emparejadas)
                                FILTER (WHERE h.fecha_hora = date_trunc('day', h.fecha_hora)), false)
                       AND coalesce(bool_or(h.horas_operacion IS NOT NULL)
                                        FILTER (WHERE h.fecha_hora + interval '1 hour'
                                                      = date_trunc('day', h.fecha_hora) + interval '1 day'), false)
                       AS runtime_cubre_dia,
                   %1$s$agg$,
        array_to_string(ARRAY(SELECT format(CASE WHEN EXISTS (SELECT 1 FROM referencial.tbl_maestra_variables m
                                                               WHERE m.nombre_tecnico = c AND m.tipo_contador = 'DIARIO')
                                                 THEN 'max(h.%I) AS %I' ELSE 'avg(h.%I) AS %I' END, c, c)
                                FROM unnest(v_cols) WITH ORDINALITY u(c, i) ORDER BY u.i), ', '),
        'coalesce(h.liquid_rate, h.oil_rate + h.water_rate)');
    -- The days: the window's, its hourly rows sorted by well, day and hour and grouped; or (an incremental run) each
    -- well-day the scope touches, its hours read by key in hour order and aggregated on their own (no sort of every
    -- hour of the touched days, never a scan of the window's days filtered by the scope).
    v_dias := CASE WHEN v_alcance IS NULL
        THEN format($from$SELECT h.well_id, h.dia AS fecha, %s
                             FROM (SELECT x.*, x.fecha_hora::date AS dia
                                     FROM reporting.fact_operaciones_horarias x
                                    WHERE x.fecha_hora >= $1 AND x.fecha_hora < $2 AND ($3::text IS NULL OR x.well_id = $3)
                                    ORDER BY x.well_id, dia, x.fecha_hora) h
                            GROUP BY h.well_id, h.dia$from$, v_agregados)
        ELSE format($from$SELECT s.well_id, s.dia AS fecha, ag.*
                             FROM (SELECT DISTINCT a.well_id, g.dia::date AS dia
                                     FROM reporting.pipeline_run_alcance a
                                    CROSS JOIN LATERAL generate_series(a.dia_desde, a.dia_hasta, interval '1 day') g(dia)
                                    WHERE a.run_id = $5 AND ($3::text IS NULL OR a.well_id = $3)) s
                            CROSS JOIN LATERAL (
                                  SELECT %s
                                    FROM (SELECT y.* FROM reporting.fact_operaciones_horarias y
                                           WHERE y.well_id = s.well_id AND y.fecha_hora >= s.dia::timestamptz
                                             AND y.fecha_hora < (s.dia + 1)::timestamptz
                                             AND y.fecha_hora >= $1 AND y.fecha_hora < $2
                                           ORDER BY y.fecha_hora) h
                                  HAVING count(*) > 0) ag$from$, v_agregados)
    END;
    EXECUTE format($sql$
        INSERT INTO reporting.fact_operaciones_diarias AS t
               (well_id, fecha, n_lecturas, horas_con_datos, horas_con_petroleo, horas_con_agua, horas_con_gas,
                horas_con_liquido, produccion_petroleo_bbl, produccion_agua_bbl,
                produccion_gas_mscf, produccion_liquido_bbl, energia_kwh, horas_operacion, n_carreras, kwh_por_bbl,
                kwh_por_bbl_petroleo, emp_energia_kwh, emp_energia_liquido_bbl, emp_energia_petroleo_bbl,
                emp_carreras_liquido_bbl, emp_carreras, uptime_pct, horas_periodo, completitud, completo, %1$s, run_id)
        SELECT d.well_id, d.fecha, d.n_lecturas, d.horas_con_datos, d.horas_con_petroleo, d.horas_con_agua,
               d.horas_con_gas, d.horas_con_liquido, d.petroleo, d.agua, d.gas, d.liquido,
               d.energia, d.horas_operacion, d.n_carreras,
               -- over the day's matched hours only: a delta that spans a gap is not divided by one hour's barrels
               -- (docs/AGGREGATION.md, "Matched hours"); NULL when the day has none
               d.emp_energia / nullif(d.emp_energia_liquido, 0), d.emp_energia / nullif(d.emp_energia_petroleo, 0),
               d.emp_energia, d.emp_energia_liquido, d.emp_energia_petroleo, d.emp_carreras_liquido, d.emp_carreras,
               CASE WHEN reporting.fnc_periodo_completo((d.fecha + 1)::timestamptz, $7, d.horas_con_datos,
                                                        d.horas_periodo, $6) AND d.runtime_cubre_dia
                    THEN d.horas_operacion / d.horas_periodo * 100 END,
               d.horas_periodo, d.horas_con_datos::double precision / d.horas_periodo,
               -- complete: ended at the run's as-of and its hours with data reach completitud_minima
               reporting.fnc_periodo_completo((d.fecha + 1)::timestamptz, $7, d.horas_con_datos, d.horas_periodo, $6),
               %2$s, $4
          FROM (SELECT d.*, (extract(epoch FROM (d.fecha + 1)::timestamptz - d.fecha::timestamptz) / 3600)::smallint
                           AS horas_periodo
          FROM (%3$s) d) d
        ON CONFLICT (well_id, fecha) DO UPDATE
           SET n_lecturas = EXCLUDED.n_lecturas, horas_con_datos = EXCLUDED.horas_con_datos,
               horas_con_petroleo = EXCLUDED.horas_con_petroleo, horas_con_agua = EXCLUDED.horas_con_agua,
               horas_con_gas = EXCLUDED.horas_con_gas, horas_con_liquido = EXCLUDED.horas_con_liquido,
               produccion_petroleo_bbl = EXCLUDED.produccion_petroleo_bbl,
               produccion_agua_bbl = EXCLUDED.produccion_agua_bbl, produccion_gas_mscf = EXCLUDED.produccion_gas_mscf,
               produccion_liquido_bbl = EXCLUDED.produccion_liquido_bbl, energia_kwh = EXCLUDED.energia_kwh,
               horas_operacion = EXCLUDED.horas_operacion, n_carreras = EXCLUDED.n_carreras,
               kwh_por_bbl = EXCLUDED.kwh_por_bbl, kwh_por_bbl_petroleo = EXCLUDED.kwh_por_bbl_petroleo,
               emp_energia_kwh = EXCLUDED.emp_energia_kwh, emp_energia_liquido_bbl = EXCLUDED.emp_energia_liquido_bbl,
               emp_energia_petroleo_bbl = EXCLUDED.emp_energia_petroleo_bbl,
               emp_carreras_liquido_bbl = EXCLUDED.emp_carreras_liquido_bbl, emp_carreras = EXCLUDED.emp_carreras,
               uptime_pct = EXCLUDED.uptime_pct, horas_periodo = EXCLUDED.horas_periodo,
               completitud = EXCLUDED.completitud, completo = EXCLUDED.completo, %4$s, run_id = EXCLUDED.run_id,
               updated_at = now()
         WHERE (t.n_lecturas, t.horas_con_datos, t.horas_con_petroleo, t.horas_con_agua, t.horas_con_gas,
                t.horas_con_liquido, t.produccion_petroleo_bbl, t.produccion_agua_bbl,
                t.produccion_gas_mscf, t.produccion_liquido_bbl, t.energia_kwh, t.horas_operacion, t.n_carreras,
                t.kwh_por_bbl, t.kwh_por_bbl_petroleo, t.emp_energia_kwh, t.emp_energia_liquido_bbl,
                t.emp_energia_petroleo_bbl, t.emp_carreras_liquido_bbl, t.emp_carreras, t.uptime_pct,
                t.horas_periodo, t.completitud, t.completo, %5$s)
               IS DISTINCT FROM
               (EXCLUDED.n_lecturas, EXCLUDED.horas_con_datos, EXCLUDED.horas_con_petroleo, EXCLUDED.horas_con_agua,
                EXCLUDED.horas_con_gas, EXCLUDED.horas_con_liquido, EXCLUDED.produccion_petroleo_bbl,
                EXCLUDED.produccion_agua_bbl, EXCLUDED.produccion_gas_mscf, EXCLUDED.produccion_liquido_bbl,
                EXCLUDED.energia_kwh, EXCLUDED.horas_operacion, EXCLUDED.n_carreras, EXCLUDED.kwh_por_bbl,
                EXCLUDED.kwh_por_bbl_petroleo, EXCLUDED.emp_energia_kwh, EXCLUDED.emp_energia_liquido_bbl,
                EXCLUDED.emp_energia_petroleo_bbl, EXCLUDED.emp_carreras_liquido_bbl, EXCLUDED.emp_carreras,
                EXCLUDED.uptime_pct, EXCLUDED.horas_periodo, EXCLUDED.completitud, EXCLUDED.completo, %6$s)
        $sql$,
        array_to_string(ARRAY(SELECT format('%I', c) FROM unnest(v_cols) c), ', '),
        array_to_string(ARRAY(SELECT format('d.%I', c) FROM unnest(v_cols) c), ', '),
        v_dias,
        array_to_string(ARRAY(SELECT format('%I = EXCLUDED.%I', c, c) FROM unnest(v_cols) c), ', '),
        array_to_string(ARRAY(SELECT format('t.%I', c) FROM unnest(v_cols) c), ', '),
        array_to_string(ARRAY(SELECT format('EXCLUDED.%I', c) FROM unnest(v_cols) c), ', '))
    USING v_desde, v_hasta, p_well_id, p_run_id, v_alcance, reporting.fnc_completitud_minima(),
          reporting.fnc_as_of_run(p_run_id);
    GET DIAGNOSTICS n_dias = ROW_COUNT;

    -- Days of the window without any hourly row.
    DELETE FROM reporting.fact_operaciones_diarias t
     WHERE t.fecha BETWEEN p_fecha_inicio AND p_fecha_fin
       AND (p_well_id IS NULL OR t.well_id = p_well_id)
       AND (v_alcance IS NULL OR EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a
                                          WHERE a.run_id = v_alcance AND a.well_id = t.well_id
                                            AND t.fecha BETWEEN a.dia_desde AND a.dia_hasta))
       -- one index probe per day (a scalar subquery, never turned into a hash of every hourly row of the table)
       AND (SELECT 1 FROM reporting.fact_operaciones_horarias h
             WHERE h.well_id = t.well_id
               AND h.fecha_hora >= t.fecha::timestamptz AND h.fecha_hora < (t.fecha + 1)::timestamptz
               AND h.fecha_hora >= v_desde AND h.fecha_hora < v_hasta   -- the window's partitions only
             LIMIT 1) IS NULL;
    GET DIAGNOSTICS n_borrados = ROW_COUNT;

    -- Field totals of the window's days, over every well of each field (whatever p_well_id); a well group's run
    -- leaves them to its global step (docs/SCALE.md §6), which adds up every group's wells once they are all loaded.
    IF coalesce(current_setting('bp010.grupo', true), '') = '' THEN
        CALL reporting.sp_cargar_totales_campo(p_fecha_inicio, p_fecha_fin, p_run_id, n_campos);
    END IF;

    RAISE NOTICE 'Daily facts % .. % (wells: %): % row(s) written (new or changed), % removed; % field-day row(s) written',
        p_fecha_inicio, p_fecha_fin, coalesce(p_well_id, 'all'), n_dias, n_borrados, coalesce(n_campos, 0);
END
$$;
COMMENT ON PROCEDURE reporting.sp_cargar_hechos_diarios(date, date, text, uuid) IS
    'Phase 4, daily facts of the window from its hourly facts (production = sum of hourly rates / 24, sums of deltas, ratios of sums) and field totals';

-- ---------------------------------------------------------------------------------------------------------------
-- Monthly facts (from the daily ones)
-- ---------------------------------------------------------------------------------------------------------------
CREATE OR REPLACE PROCEDURE reporting.sp_cargar_hechos_mensuales(p_fecha_inicio date, p_fecha_fin date,
                                                                 p_well_id text, p_run_id uuid)
LANGUAGE plpgsql
SET jit = off
AS $$
DECLARE
    -- whole months touched by the window
    v_mes_desde constant date := date_trunc('month', p_fecha_inicio)::date;
    v_mes_hasta constant date := (date_trunc('month', p_fecha_fin) + interval '1 month')::date;
    -- an incremental run recomputes the months its scope's days fall in (R__25), of its wells
    v_alcance constant uuid := reporting.fnc_alcance_de(p_run_id);
    v_minima  constant double precision := reporting.fnc_completitud_minima();
    -- a month not ended at the run's as-of is never complete (reporting.fnc_periodo_completo)
    v_as_of   constant timestamptz := reporting.fnc_as_of_run(p_run_id);
    n_meses   bigint;
    n_borrados bigint;
BEGIN
    INSERT INTO reporting.fact_operaciones_mensuales AS t
           (well_id, mes, dias_con_datos, horas_con_datos, horas_con_petroleo, horas_con_agua, horas_con_gas,
            horas_con_liquido, n_lecturas, produccion_petroleo_bbl, produccion_agua_bbl,
            produccion_gas_mscf, produccion_liquido_bbl, energia_kwh, horas_operacion, n_carreras, kwh_por_bbl,
            kwh_por_bbl_petroleo, uptime_pct, oil_rate, water_rate, gas_rate, liquid_rate, bsw, dias_periodo,
            dias_completos, completitud, completo, run_id)
    SELECT m.well_id, m.mes, m.dias, m.horas, m.horas_petroleo, m.horas_agua, m.horas_gas, m.horas_liquido,
           m.n_lecturas, m.petroleo, m.agua, m.gas, m.liquido, m.energia,
           m.horas_operacion, m.n_carreras,
           -- over the days' matched hours (docs/AGGREGATION.md, "Matched hours")
           m.emp_energia / nullif(m.emp_liquido, 0), m.emp_energia_petroleo / nullif(m.emp_petroleo, 0),
           -- uptime on a complete month over the days whose runtime covers them (the days with an uptime,
           -- docs/AGGREGATION.md "Uptime"): their runtime over their clock hours; a gap across the month's first or
           -- last midnight credits the next month's first reading with this month's runtime, so those days are left
           -- out, as the daily rule leaves them; every day covered: the month's runtime over its clock hours
           CASE WHEN reporting.fnc_periodo_completo((m.mes + interval '1 month')::date::timestamptz, v_as_of,
                                                    m.completos, m.dias_mes, v_minima)
                THEN 100 * m.horas_operacion_cubiertas / NULLIF(m.horas_periodo_cubiertas, 0)
           END,
           -- each rate over the month's hours with that rate (docs/AGGREGATION.md "A month's rate"; its hours with
           -- data when a day of it was written before V25): m.horas / 24 is its days with data when each has 24
           -- hours with data and every one of them has the rate, so those months keep their rates to the bit
           m.petroleo / reporting.fnc_dias_tasa_mes(m.horas_petroleo, m.horas, m.dias),
           m.agua / reporting.fnc_dias_tasa_mes(m.horas_agua, m.horas, m.dias),
           m.gas / reporting.fnc_dias_tasa_mes(m.horas_gas, m.horas, m.dias),
           m.liquido / reporting.fnc_dias_tasa_mes(m.horas_liquido, m.horas, m.dias),
           100 * m.agua / nullif(m.petroleo + m.agua, 0),
           m.dias_mes, m.completos, m.completos::double precision / m.dias_mes,
           reporting.fnc_periodo_completo((m.mes + interval '1 month')::date::timestamptz, v_as_of, m.completos,
                                          m.dias_mes, v_minima),
           p_run_id
      FROM (SELECT d.well_id, date_trunc('month', d.fecha)::date AS mes, count(*)::smallint AS dias,
                   count(*) FILTER (WHERE d.completo)::smallint AS completos,
                   ((date_trunc('month', d.fecha) + interval '1 month')::date - date_trunc('month', d.fecha)::date)::smallint
                       AS dias_mes,
                   sum(d.horas_con_datos)::integer AS horas, sum(d.n_lecturas)::integer AS n_lecturas,
                   -- the hours with each rate: NULL when a day has no count (written before V25)
                   CASE WHEN count(d.horas_con_petroleo) = count(*) THEN sum(d.horas_con_petroleo)::integer END
                       AS horas_petroleo,
                   CASE WHEN count(d.horas_con_agua) = count(*) THEN sum(d.horas_con_agua)::integer END AS horas_agua,
                   CASE WHEN count(d.horas_con_gas) = count(*) THEN sum(d.horas_con_gas)::integer END AS horas_gas,
                   CASE WHEN count(d.horas_con_liquido) = count(*) THEN sum(d.horas_con_liquido)::integer END
                       AS horas_liquido,
                   sum(d.produccion_petroleo_bbl) AS petroleo, sum(d.produccion_agua_bbl) AS agua,
                   sum(d.produccion_gas_mscf) AS gas, sum(d.produccion_liquido_bbl) AS liquido,
                   sum(d.energia_kwh) AS energia, sum(d.horas_operacion) AS horas_operacion,
                   sum(d.horas_operacion) FILTER (WHERE d.uptime_pct IS NOT NULL) AS horas_operacion_cubiertas,
                   sum(coalesce(d.horas_periodo, 24)) FILTER (WHERE d.uptime_pct IS NOT NULL) AS horas_periodo_cubiertas,
                   sum(d.n_carreras) AS n_carreras,
                   sum(d.emp_energia_kwh) AS emp_energia, sum(d.emp_energia_liquido_bbl) AS emp_liquido,
                   sum(d.emp_energia_kwh) FILTER (WHERE d.emp_energia_petroleo_bbl IS NOT NULL) AS emp_energia_petroleo,
                   sum(d.emp_energia_petroleo_bbl) AS emp_petroleo
              FROM (SELECT * FROM reporting.fact_operaciones_diarias x
                     WHERE fecha >= v_mes_desde AND fecha < v_mes_hasta
                       AND (p_well_id IS NULL OR well_id = p_well_id)
                       AND (v_alcance IS NULL OR EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a
                                                          WHERE a.run_id = v_alcance AND a.well_id = x.well_id
                                                            AND x.fecha >= date_trunc('month', a.dia_desde)
                                                            AND x.fecha < date_trunc('month', a.dia_hasta)
                                                                          + interval '1 month'))
                     ORDER BY well_id, fecha) d
             GROUP BY d.well_id, date_trunc('month', d.fecha)) m
    ON CONFLICT (well_id, mes) DO UPDATE
       SET dias_con_datos = EXCLUDED.dias_con_datos, horas_con_datos = EXCLUDED.horas_con_datos,
           horas_con_petroleo = EXCLUDED.horas_con_petroleo, horas_con_agua = EXCLUDED.horas_con_agua,
           horas_con_gas = EXCLUDED.horas_con_gas, horas_con_liquido = EXCLUDED.horas_con_liquido,
           n_lecturas = EXCLUDED.n_lecturas, produccion_petroleo_bbl = EXCLUDED.produccion_petroleo_bbl,
           produccion_agua_bbl = EXCLUDED.produccion_agua_bbl, produccion_gas_mscf = EXCLUDED.produccion_gas_mscf,
           produccion_liquido_bbl = EXCLUDED.produccion_liquido_bbl, energia_kwh = EXCLUDED.energia_kwh,
           horas_operacion = EXCLUDED.horas_operacion, n_carreras = EXCLUDED.n_carreras,
           kwh_por_bbl = EXCLUDED.kwh_por_bbl, kwh_por_bbl_petroleo = EXCLUDED.kwh_por_bbl_petroleo,
           uptime_pct = EXCLUDED.uptime_pct, oil_rate = EXCLUDED.oil_rate, water_rate = EXCLUDED.water_rate,
           gas_rate = EXCLUDED.gas_rate, liquid_rate = EXCLUDED.liquid_rate, bsw = EXCLUDED.bsw,
           dias_periodo = EXCLUDED.dias_periodo, dias_completos = EXCLUDED.dias_completos,
           completitud = EXCLUDED.completitud, completo = EXCLUDED.completo,
           run_id = EXCLUDED.run_id, updated_at = now()
     WHERE (t.dias_con_datos, t.horas_con_datos, t.horas_con_petroleo, t.horas_con_agua, t.horas_con_gas,
            t.horas_con_liquido, t.n_lecturas, t.produccion_petroleo_bbl, t.produccion_agua_bbl,
            t.produccion_gas_mscf, t.produccion_liquido_bbl, t.energia_kwh, t.horas_operacion, t.n_carreras,
            t.kwh_por_bbl, t.kwh_por_bbl_petroleo, t.uptime_pct, t.oil_rate, t.water_rate, t.gas_rate,
            t.liquid_rate, t.bsw, t.dias_periodo, t.dias_completos, t.completitud, t.completo)
           IS DISTINCT FROM
           (EXCLUDED.dias_con_datos, EXCLUDED.horas_con_datos, EXCLUDED.horas_con_petroleo, EXCLUDED.horas_con_agua,
            EXCLUDED.horas_con_gas, EXCLUDED.horas_con_liquido, EXCLUDED.n_lecturas,
            EXCLUDED.produccion_petroleo_bbl, EXCLUDED.produccion_agua_bbl, EXCLUDED.produccion_gas_mscf,
            EXCLUDED.produccion_liquido_bbl, EXCLUDED.energia_kwh, EXCLUDED.horas_operacion, EXCLUDED.n_carreras,
            EXCLUDED.kwh_por_bbl, EXCLUDED.kwh_por_bbl_petroleo, EXCLUDED.uptime_pct, EXCLUDED.oil_rate,
            EXCLUDED.water_rate, EXCLUDED.gas_rate, EXCLUDED.liquid_rate, EXCLUDED.bsw, EXCLUDED.dias_periodo,
            EXCLUDED.dias_completos, EXCLUDED.completitud, EXCLUDED.completo);
    GET DIAGNOSTICS n_meses = ROW_COUNT;

    DELETE FROM reporting.fact_operaciones_mensuales t
     WHERE t.mes >= v_mes_desde AND t.mes < v_mes_hasta
       AND (p_well_id IS NULL OR t.well_id = p_well_id)
       AND (v_alcance IS NULL OR EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a
                                          WHERE a.run_id = v_alcance AND a.well_id = t.well_id
                                            AND t.mes >= date_trunc('month', a.dia_desde)
                                            AND t.mes <= a.dia_hasta))
       -- one index probe per month (a scalar subquery, never turned into a hash of every daily row of the table)
       AND (SELECT 1 FROM reporting.fact_operaciones_diarias d
             WHERE d.well_id = t.well_id AND d.fecha >= t.mes AND d.fecha < (t.mes + interval '1 month')::date
               AND d.fecha >= v_mes_desde AND d.fecha < v_mes_hasta   -- the window's partitions only
             LIMIT 1) IS NULL;
    GET DIAGNOSTICS n_borrados = ROW_COUNT;

    RAISE NOTICE 'Monthly facts % .. % (wells: %): % row(s) written (new or changed), % removed',
        v_mes_desde, (v_mes_hasta - 1), coalesce(p_well_id, 'all'), n_meses, n_borrados;
END
$$;
COMMENT ON PROCEDURE reporting.sp_cargar_hechos_mensuales(date, date, text, uuid) IS
    'Phase 4, monthly facts of every month the window touches, from all their daily facts (sums, ratios of sums, rates = production x 24 / hours with data)';

-- ---------------------------------------------------------------------------------------------------------------
-- Phase 4 entry point (the seed's signature, docs/SEED.md phase 4.1; well and run trailing and defaulted)
-- ---------------------------------------------------------------------------------------------------------------
CREATE OR REPLACE PROCEDURE reporting.sp_load_to_reporting(
    p_fecha_inicio date,
    p_fecha_fin date,
    p_horario boolean,
    p_diario boolean,
    p_mensual boolean,
    p_well_id text DEFAULT NULL,
    p_run_id uuid DEFAULT NULL)
LANGUAGE plpgsql
SET jit = off
AS $$
DECLARE
    v_mes_desde date;
    v_mes_hasta date;
    n_particiones integer;
BEGIN
    PERFORM reporting.fnc_validar_ventana('sp_load_to_reporting', p_fecha_inicio, p_fecha_fin);
    v_mes_desde := date_trunc('month', p_fecha_inicio)::date;
    v_mes_hasta := (date_trunc('month', p_fecha_fin) + interval '1 month - 1 day')::date;

    -- Partitions before rows (SECURITY DEFINER: the pipeline role has no DDL right).
    n_particiones := reporting.fnc_ensure_fact_partitions(v_mes_desde, v_mes_hasta);
    IF n_particiones > 0 THEN
        RAISE NOTICE 'Facts: % monthly partition(s) created for % .. %', n_particiones, v_mes_desde, v_mes_hasta;
    END IF;

    -- Calendar of the window's months.
    INSERT INTO reporting.dim_tiempo (fecha, anio, trimestre, mes, nombre_mes, semana_iso, dia_mes, dia_semana_iso,
                                      es_fin_de_semana, dias_en_mes)
    SELECT d::date, extract(year FROM d), extract(quarter FROM d), extract(month FROM d),
           (ARRAY['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre',
                  'octubre', 'noviembre', 'diciembre'])[extract(month FROM d)::int],
           extract(week FROM d), extract(day FROM d), extract(isodow FROM d), extract(isodow FROM d) IN (6, 7),
           extract(day FROM date_trunc('month', d) + interval '1 month - 1 day')
      FROM generate_series(v_mes_desde::timestamp, v_mes_hasta::timestamp, interval '1 day') d
    ON CONFLICT (fecha) DO NOTHING;

    IF p_horario THEN
        CALL reporting.sp_cargar_hechos_horarios(p_fecha_inicio, p_fecha_fin, p_well_id, p_run_id);
    END IF;
    IF p_diario THEN
        CALL reporting.sp_cargar_hechos_diarios(p_fecha_inicio, p_fecha_fin, p_well_id, p_run_id);
    END IF;
    IF p_mensual THEN
        CALL reporting.sp_cargar_hechos_mensuales(p_fecha_inicio, p_fecha_fin, p_well_id, p_run_id);
    END IF;
END
$$;
COMMENT ON PROCEDURE reporting.sp_load_to_reporting(date, date, boolean, boolean, boolean, text, uuid) IS
    'Phase 4: hourly (with counter deltas), daily and monthly facts of the window (calendar days in the session time zone, both inclusive), partitions first; incremental and idempotent';
