-- BP010 phase 3 (docs/SEED.md: V6.2 dq engine v4): stage.sp_execute_dq_validation, set-based, every active rule by its tipo
-- (docs/CONTRACTS.md §6, "Data-quality rules"):
--   REPRESENTATIVIDAD  value range on the tbl_pozo_produccion column of the rule's variable (found through the live
--                      entry of tbl_var_scada_map, else a stage column of the same name; a variable that is no stage
--                      column but a well-master attribute is checked on tbl_pozo_maestra);
--   MAESTRA            value range on a numeric attribute of tbl_pozo_maestra (findings have a NULL timestamp_lectura);
--   LATENCIA           source_received_at - timestamp_lectura of the variable's landing readings (every SCADA id the
--                      map ever gave its column), in seconds; readings without a receive time are not evaluated;
--   FORMATO            the card text (dynacard, downhole_card): a JSON object with numeric position/load arrays of
--                      equal length >= 20 that close the loop (stage.fnc_dq_defecto_carta).
-- A NULL value is not evaluated. A rule whose variable resolves to no column or attribute (or has no range) is not
-- dropped: every reading of the window counts as not evaluated for it and a NOTICE names it.
-- Results: stage.tbl_pozo_scada_dq holds each FAIL, the latest verdict per rule, well and reading (a rerun of the
-- window replaces the verdicts of what it evaluated: passes clear old failures); stage.tbl_dq_run_summary counts per
-- run, rule and day; reporting.fact_dq_horaria per well and hour (the reading rules, V19); reporting.fact_dq_diaria_pozo
-- the sum of each well's day (V20); reporting.fact_dq_maestra_pozo the master rules' counts per well (V22);
-- reporting.fact_dq_diaria per well, day and rule, a view adding those day sums, those master counts and
-- reporting.fact_dq_diaria_base (days counted before V19, rules deactivated since, master counts before V22);
-- reporting.dataset_dq_score_pozo the latest score per well. An incremental run checks the readings of its scope's
-- hours holding new readings only (R__25: horas_nuevas), replaces those hours' counts and moves each touched day's sum
-- by the difference: one row per well and day, none per rule (docs/AGGREGATION.md, "Incremental runs").
-- Identifiers come from the catalogue only, checked in pg_catalog (reporting.fnc_columnas) and quoted with format('%I');
-- rule limits and names are bound parameters (arrays indexed by the rule's position).

-- ---------------------------------------------------------------------------------------------------------------
-- The card check (FORMATO)
-- ---------------------------------------------------------------------------------------------------------------
-- NULL when the card is well formed: a JSON object whose "position" and "load" arrays hold the same number, at least
-- 20, of plain numbers, and whose last point closes the loop (within p_tolerancia of the position and load spans from
-- the first point); otherwise why not. Written for speed, as every card of every reading passes here: one jsonb parse,
-- the arrays read by the float8[] input function, spans by a loop only when two sampled spans cannot clear the card,
-- no query inside, and a single exception block
-- (each block is a subtransaction, the dearest step of all).
CREATE OR REPLACE FUNCTION stage.fnc_dq_defecto_carta(p_carta text, p_tolerancia double precision DEFAULT 0.05)
RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
    v_carta   jsonb;
    v_jpos    jsonb;
    v_jload   jsonb;
    v_tpos    text;
    v_tload   text;
    v_pos     double precision[];
    v_load    double precision[];
    v_x       double precision;
    n         integer;
    p_min     double precision;
    p_max     double precision;
    l_min     double precision;
    l_max     double precision;
BEGIN
    IF p_carta IS NULL THEN
        RETURN NULL;
    END IF;
    BEGIN
        v_carta := p_carta::jsonb;
        IF jsonb_typeof(v_carta) <> 'object' THEN
            RETURN 'card is not a JSON object';
        END IF;
        v_jpos := v_carta -> 'position';
        v_jload := v_carta -> 'load';
        IF jsonb_typeof(v_jpos) IS DISTINCT FROM 'array' OR jsonb_typeof(v_jload) IS DISTINCT FROM 'array' THEN
            RETURN 'card lacks a position or a load array';
        END IF;
        n := jsonb_array_length(v_jpos);
        IF n <> jsonb_array_length(v_jload) THEN
            RETURN format('position has %s points, load has %s', n, jsonb_array_length(v_jload));
        END IF;
        IF n < 20 THEN
            RETURN format('card has %s points (at least 20)', n);
        END IF;
        -- Plain numbers only: a string (even "1.5" or "NaN"), an object or a nested array is no point; true and false
        -- fail the float8[] input below, null is found after it.
        v_tpos := v_jpos::text;
        v_tload := v_jload::text;
        IF strpos(v_tpos, '"') > 0 OR strpos(v_tload, '"') > 0
           OR strpos(substr(v_tpos, 2), '[') > 0 OR strpos(substr(v_tload, 2), '[') > 0 THEN
            RETURN 'card holds a non-numeric point';
        END IF;
        v_pos := translate(v_tpos, '[]', '{}')::double precision[];
        v_load := translate(v_tload, '[]', '{}')::double precision[];
    EXCEPTION WHEN others THEN
        -- variables keep what was assigned before the error: no card yet means the text was no JSON
        RETURN CASE WHEN v_carta IS NULL THEN 'card is not valid JSON' ELSE 'card holds a non-numeric point' END;
    END;
    IF array_position(v_pos, NULL) IS NOT NULL OR array_position(v_load, NULL) IS NOT NULL THEN
        RETURN 'card holds a non-numeric point';
    END IF;
    -- Most cards close: any two points bound the span from below, so a loop that closes within the tolerance of such a
    -- bound closes within the tolerance of the span (exact, no loop). Only the cards this cannot clear pay the loops.
    p_min := greatest(abs(v_pos[1] - v_pos[n / 2 + 1]), abs(v_pos[n / 4 + 1] - v_pos[(3 * n) / 4 + 1]));
    l_min := greatest(abs(v_load[1] - v_load[n / 2 + 1]), abs(v_load[n / 4 + 1] - v_load[(3 * n) / 4 + 1]));
    IF p_min > 0 AND abs(v_pos[1] - v_pos[n]) <= p_tolerancia * p_min
       AND abs(v_load[1] - v_load[n]) <= p_tolerancia * l_min THEN
        RETURN NULL;
    END IF;
    p_min := v_pos[1]; p_max := v_pos[1];
    FOREACH v_x IN ARRAY v_pos LOOP
        IF v_x < p_min THEN p_min := v_x; ELSIF v_x > p_max THEN p_max := v_x; END IF;
    END LOOP;
    l_min := v_load[1]; l_max := v_load[1];
    FOREACH v_x IN ARRAY v_load LOOP
        IF v_x < l_min THEN l_min := v_x; ELSIF v_x > l_max THEN l_max := v_x; END IF;
    END LOOP;
    IF p_max - p_min <= 0 THEN
        RETURN 'card has no stroke (position span 0)';
    END IF;
    IF abs(v_pos[1] - v_pos[n]) > p_tolerancia * (p_max - p_min)
       OR abs(v_load[1] - v_load[n]) > p_tolerancia * (l_max - l_min) THEN
        RETURN format('card loop not closed: first and last points %s in and %s lbf apart (tolerance %s %% of the span)',
                      round(abs(v_pos[1] - v_pos[n])::numeric, 3), round(abs(v_load[1] - v_load[n])::numeric, 1),
                      round((p_tolerancia * 100)::numeric, 2));
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION stage.fnc_dq_defecto_carta(text, double precision) IS
    'FORMATO check of a dynamometer card text: NULL when it is a JSON object with numeric position/load arrays of equal length >= 20 closing the loop within p_tolerancia of the spans, otherwise the reason';

-- ---------------------------------------------------------------------------------------------------------------
-- Rules resolved against the catalogue and the schema (reporting.fnc_columnas)
-- ---------------------------------------------------------------------------------------------------------------
-- One row per active rule: where it runs (tabla, columna; var_ids for latency) or, in no_evaluable, why it cannot.
-- Also read by phase 4, to leave values that failed a range rule out of the hourly averages.
CREATE OR REPLACE VIEW stage.vw_dq_reglas_resueltas AS
WITH columnas AS (
    SELECT t.tabla, c.column_name AS columna, c.data_type AS tipo_dato
      FROM (VALUES ('tbl_pozo_produccion'), ('tbl_pozo_maestra')) t(tabla)
     CROSS JOIN LATERAL reporting.fnc_columnas('stage', t.tabla) c
     WHERE c.column_name NOT IN ('well_id', 'timestamp_lectura', 'pivoted_at', 'batch_id', 'source',
                                 'created_at', 'updated_at')
), reglas AS (
    SELECT r.*,
           -- the variable's stage column: its live SCADA map entry, else a column of the same name
           coalesce((SELECT min(m.columna_stage) FROM referencial.tbl_var_scada_map m
                      WHERE m.nombre_tecnico = r.nombre_tecnico AND m.activa),
                    r.nombre_tecnico) AS columna_stage
      FROM referencial.tbl_dq_rules r
     WHERE r.activa
), resueltas AS (
    SELECT r.rule_id, r.tipo, r.nombre_tecnico, r.severidad, r.valor_min, r.valor_max, r.latencia_max_seg,
           r.columna_stage,
           p.tipo_dato AS tipo_stage,
           (m.tipo_dato = 'double precision') AS es_atributo_maestra,
           (SELECT array_agg(DISTINCT s.var_id_scada ORDER BY s.var_id_scada)
              FROM referencial.tbl_var_scada_map s WHERE s.columna_stage = r.columna_stage) AS var_ids
      FROM reglas r
      LEFT JOIN columnas p ON p.tabla = 'tbl_pozo_produccion' AND p.columna = r.columna_stage
      LEFT JOIN columnas m ON m.tabla = 'tbl_pozo_maestra' AND m.columna = r.nombre_tecnico
)
SELECT x.rule_id, x.tipo, x.nombre_tecnico, x.severidad, x.valor_min, x.valor_max, x.latencia_max_seg,
       CASE WHEN x.no_evaluable IS NULL THEN x.tabla END AS tabla,
       CASE WHEN x.no_evaluable IS NULL THEN x.columna END AS columna,
       CASE WHEN x.no_evaluable IS NULL AND x.tipo = 'LATENCIA' THEN x.var_ids END AS var_ids,
       x.no_evaluable
  FROM (
    SELECT r.*,
           CASE WHEN r.tipo = 'REPRESENTATIVIDAD' AND r.tipo_stage = 'double precision' THEN 'tbl_pozo_produccion'
                WHEN r.tipo IN ('REPRESENTATIVIDAD', 'MAESTRA') AND r.es_atributo_maestra THEN 'tbl_pozo_maestra'
                WHEN r.tipo = 'FORMATO' AND r.tipo_stage = 'text' THEN 'tbl_pozo_produccion'
                WHEN r.tipo = 'LATENCIA' THEN 'landing_scada_data'
           END AS tabla,
           CASE WHEN r.tipo = 'REPRESENTATIVIDAD' AND r.tipo_stage = 'double precision' THEN r.columna_stage
                WHEN r.tipo IN ('REPRESENTATIVIDAD', 'MAESTRA') AND r.es_atributo_maestra THEN r.nombre_tecnico
                WHEN r.tipo = 'FORMATO' AND r.tipo_stage = 'text' THEN r.columna_stage
                WHEN r.tipo = 'LATENCIA' THEN r.columna_stage
           END AS columna,
           CASE
               WHEN r.tipo IN ('REPRESENTATIVIDAD', 'MAESTRA') AND r.valor_min IS NULL AND r.valor_max IS NULL
                   THEN 'the rule has no range (valor_min and valor_max are empty)'
               WHEN r.tipo = 'REPRESENTATIVIDAD' AND r.tipo_stage IS DISTINCT FROM 'double precision'
                    AND r.es_atributo_maestra IS NOT TRUE
                   THEN format('variable %s has no numeric column in stage.tbl_pozo_produccion (SCADA map: %s) nor attribute in stage.tbl_pozo_maestra',
                               r.nombre_tecnico, r.columna_stage)
               WHEN r.tipo = 'MAESTRA' AND r.es_atributo_maestra IS NOT TRUE
                   THEN format('variable %s is no numeric attribute of stage.tbl_pozo_maestra', r.nombre_tecnico)
               WHEN r.tipo = 'FORMATO' AND r.tipo_stage IS DISTINCT FROM 'text'
                   THEN format('variable %s has no text column in stage.tbl_pozo_produccion (SCADA map: %s)',
                               r.nombre_tecnico, r.columna_stage)
               WHEN r.tipo = 'LATENCIA' AND r.latencia_max_seg IS NULL
                   THEN 'the rule has no latency limit (latencia_max_seg is empty)'
               WHEN r.tipo = 'LATENCIA' AND r.var_ids IS NULL
                   THEN format('variable %s has no SCADA id in referencial.tbl_var_scada_map: its receive times cannot be read',
                               r.nombre_tecnico)
           END AS no_evaluable
      FROM resueltas r
  ) x;
COMMENT ON VIEW stage.vw_dq_reglas_resueltas IS
    'Active DQ rules resolved to the table and column they run on (var_ids: the SCADA ids of a latency rule), or why they cannot run (no_evaluable)';

-- ---------------------------------------------------------------------------------------------------------------
-- Daily counts per well, day and rule (docs/CONTRACTS.md): the reading rules' day sums of
-- reporting.fact_dq_diaria_pozo plus the rows of reporting.fact_dq_diaria_base (V20), added per rule. run_id and
-- updated_at: the latest written row's. A rule that counted nothing on a day has no row.
-- ---------------------------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW reporting.fact_dq_diaria AS
SELECT x.well_id, x.fecha, x.rule_id, sum(x.evaluated)::bigint AS evaluated, sum(x.passed)::bigint AS passed,
       sum(x.failed)::bigint AS failed, sum(x.not_evaluated)::bigint AS not_evaluated,
       (array_agg(x.run_id ORDER BY x.updated_at DESC))[1] AS run_id, max(x.updated_at) AS updated_at
  FROM (SELECT d.well_id, d.fecha, u.rule_id, u.evaluated::bigint AS evaluated, u.passed::bigint AS passed,
               u.failed::bigint AS failed, u.not_evaluated::bigint AS not_evaluated, d.run_id, d.updated_at
          FROM reporting.fact_dq_diaria_pozo d
         CROSS JOIN LATERAL unnest(d.rule_ids, d.evaluated, d.passed, d.failed, d.not_evaluated)
                            u(rule_id, evaluated, passed, failed, not_evaluated)
        UNION ALL
        SELECT m.well_id, m.fecha, u.rule_id, u.evaluated, u.passed, u.failed, u.not_evaluated, u.run_id, u.updated_at
          FROM reporting.fact_dq_maestra_pozo m
         CROSS JOIN LATERAL unnest(m.rule_ids, m.evaluated, m.passed, m.failed, m.not_evaluated, m.run_ids, m.updated_ats)
                            u(rule_id, evaluated, passed, failed, not_evaluated, run_id, updated_at)
        UNION ALL
        SELECT b.well_id, b.fecha, b.rule_id, b.evaluated, b.passed, b.failed, b.not_evaluated, b.run_id, b.updated_at
          FROM reporting.fact_dq_diaria_base b) x
 GROUP BY x.well_id, x.fecha, x.rule_id
HAVING sum(x.evaluated) <> 0 OR sum(x.passed) <> 0 OR sum(x.failed) <> 0 OR sum(x.not_evaluated) <> 0;
COMMENT ON VIEW reporting.fact_dq_diaria IS
    'DQ counts per well, day and rule: the day sums of the reading rules (reporting.fact_dq_diaria_pozo, the sum of the day''s hours in reporting.fact_dq_horaria), the well-master rules'' counts (reporting.fact_dq_maestra_pozo) and reporting.fact_dq_diaria_base (days counted before hourly counts, rules deactivated since, master counts written before V22)';

-- ---------------------------------------------------------------------------------------------------------------
-- Phase 3
-- ---------------------------------------------------------------------------------------------------------------
CREATE OR REPLACE PROCEDURE stage.sp_execute_dq_validation(
    p_fecha_inicio date,
    p_fecha_fin date,
    p_well_id text DEFAULT NULL,
    p_run_id uuid DEFAULT NULL,
    p_as_of timestamptz DEFAULT now())
LANGUAGE plpgsql
-- JIT compilation costs more than it saves on these statements (measured: ~0.5 s per statement, for nothing).
SET jit = off
-- The readings of a window are materialized once and aggregated: in memory, not in temporary files.
SET work_mem = '64MB'
AS $$
DECLARE
    v_run        constant uuid := coalesce(p_run_id, gen_random_uuid());
    -- an incremental run checks the readings of its scope's hours that hold new readings (R__25), of its wells; the
    -- verdicts and hourly counts of every other reading are kept
    v_alcance    constant uuid := reporting.fnc_alcance_de(p_run_id);
    -- master rules judge the well master as it stands: every well on every run, counted on the as-of day (one row
    -- per well and rule in reporting.fact_dq_diaria_base, whichever window the run had)
    v_dia_maestra constant date := (coalesce(p_as_of, now()) AT TIME ZONE current_setting('TimeZone'))::date;
    v_desde      timestamptz;
    v_hasta      timestamptz;
    v_tolerancia double precision;
    -- no well group in this transaction (bp010.grupo unset): no well is filtered out
    v_todos      constant boolean := coalesce(current_setting('bp010.grupo', true), '') = '';
    -- one hash bucket of a run over every well (bp010.parte 'on': the pipeline's intra-run parallelism, docs/SCALE.md
    -- §6): its counts per run, rule and day are added to the other buckets' (the pipeline clears the run's rows before
    -- the buckets and adds the rules that counted nothing after them)
    v_parte      constant boolean := coalesce(current_setting('bp010.parte', true), '') = 'on';
    -- the reading rules, in the order of reporting.fact_dq_horaria's arrays: those counted on the readings of
    -- stage.tbl_pozo_produccion (range, card, and rules that cannot run), then the latency rules that run (landing)
    v_lect       text[];
    v_lat        text[];
    v_reglas     text[];
    v_min        double precision[];
    v_max        double precision[];
    v_nombres    text[];
    v_lim        double precision[];
    v_lat_i      integer[];
    v_maestras   text[];
    v_lat_k      integer[];
    v_origen     text;
    v_donde      text;
    v_pa         text;
    v_lectura    text;
    v_cartas     text;
    v_alguna     text;
    v_ev         text;
    v_fa         text;
    v_ne         text;
    v_sev        text;
    v_spa        text;
    v_sfa        text;
    v_sne        text;
    v_unpivot    text;
    v_fallos_f   text;
    v_atributos  text;
    v_regla      record;
    v_total      record;
    n            bigint;
BEGIN
    PERFORM reporting.fnc_validar_ventana('sp_execute_dq_validation', p_fecha_inicio, p_fecha_fin);
    -- Calendar days in the session time zone (BP010_TIMEZONE), both inclusive.
    v_desde := p_fecha_inicio::timestamptz;
    v_hasta := (p_fecha_fin + 1)::timestamptz;
    v_tolerancia := coalesce((SELECT c.valor_num FROM referencial.config_evaluacion c
                               WHERE c.clave = 'dq_cierre_carta_tolerancia' AND c.nombre_tecnico IS NULL), 0.05);

    -- Work tables of this call (dropped at commit; a second call in the same transaction replaces them). Their sizes
    -- are known to the statements that read them (no ANALYZE: the joins are written as index lookups or hash joins).
    IF to_regclass('pg_temp.bp010_dq_reglas') IS NOT NULL THEN
        DROP TABLE pg_temp.bp010_dq_reglas, pg_temp.bp010_dq_conteo, pg_temp.bp010_dq_fallos,
                   pg_temp.bp010_dq_horas, pg_temp.bp010_dq_resto, pg_temp.bp010_dq_tramos, pg_temp.bp010_dq_dias,
                   pg_temp.bp010_dq_viejas, pg_temp.bp010_dq_dia;
    END IF;
    CREATE TEMP TABLE bp010_dq_reglas ON COMMIT DROP AS
    SELECT v.*,
           CASE WHEN v.tabla = 'tbl_pozo_maestra' OR v.tipo = 'MAESTRA' THEN 'M'          -- well master
                WHEN v.tipo = 'LATENCIA' AND v.no_evaluable IS NULL THEN 'L'              -- landing receive times
                WHEN v.no_evaluable IS NOT NULL THEN 'N'                                  -- cannot run: per reading
                WHEN v.tipo = 'FORMATO' THEN 'F'                                          -- card text
                ELSE 'R' END AS clase                                                     -- value range
      FROM stage.vw_dq_reglas_resueltas v;
    CREATE TEMP TABLE bp010_dq_conteo (
        rule_id text, well_id text, fecha date,
        evaluated bigint, passed bigint, failed bigint, not_evaluated bigint) ON COMMIT DROP;
    -- this run's counts of the reading rules per well and day as arrays at the positions of v_reglas (the day sums of
    -- the days the run touched); bp010_dq_conteo holds the rest (master rules, day sums kept under other rules,
    -- reporting.fact_dq_diaria_base rows), one row per rule. No row of either is all zeros.
    IF to_regclass('pg_temp.bp010_dq_sumas') IS NOT NULL THEN
        DROP TABLE pg_temp.bp010_dq_sumas, pg_temp.bp010_dq_totales;
    END IF;
    CREATE TEMP TABLE bp010_dq_sumas (
        well_id text, fecha date, ev integer[], pa integer[], fa integer[], ne integer[]) ON COMMIT DROP;
    -- both added per rule and day
    CREATE TEMP TABLE bp010_dq_totales (
        rule_id text, fecha date, evaluated bigint, passed bigint, failed bigint, not_evaluated bigint) ON COMMIT DROP;
    CREATE TEMP TABLE bp010_dq_fallos (
        rule_id text, well_id text, timestamp_lectura timestamptz, valor text, motivo text) ON COMMIT DROP;
    -- counts of the checked readings per well and hour (hora) and per well and day (hora NULL); origen 1: the
    -- readings (v_lect), 2: the landing (v_lat). bp010_dq_horas holds the readings' hours, bp010_dq_resto the rest
    -- (the readings' days, the landing's hours and days): each statement below reads the part it joins, and the
    -- largest part (24,000 rows of four arrays for 1,000 wells' day, more than the session's temp_buffers) once
    -- instead of four times
    CREATE TEMP TABLE bp010_dq_horas (
        origen smallint, well_id text, fecha date, hora timestamptz,
        evaluated integer[], passed integer[], failed integer[], not_evaluated integer[]) ON COMMIT DROP;
    CREATE TEMP TABLE bp010_dq_resto (LIKE bp010_dq_horas) ON COMMIT DROP;
    -- an incremental run's hour ranges per well (disjoint), their pieces in each day they touch (entero: the whole
    -- day), and the counts of those hours as the last runs left them
    CREATE TEMP TABLE bp010_dq_tramos (well_id text, desde timestamptz, hasta timestamptz) ON COMMIT DROP;
    CREATE TEMP TABLE bp010_dq_dias (well_id text, fecha date, desde timestamptz, hasta timestamptz, entero boolean)
        ON COMMIT DROP;
    -- replaced hours that were counted under another set of rules (a rule deactivated since keeps their counts)
    CREATE TEMP TABLE bp010_dq_viejas (
        well_id text, fecha date, rule_ids text[],
        evaluated integer[], passed integer[], failed integer[], not_evaluated integer[], run_id uuid) ON COMMIT DROP;

    FOR v_regla IN SELECT rule_id, tipo, nombre_tecnico, no_evaluable FROM bp010_dq_reglas
                    WHERE no_evaluable IS NOT NULL ORDER BY rule_id LOOP
        RAISE NOTICE 'DQ rule % (% on %) not evaluated: %',
            v_regla.rule_id, v_regla.tipo, v_regla.nombre_tecnico, v_regla.no_evaluable;
    END LOOP;
    SELECT coalesce(array_agg(rule_id ORDER BY rule_id) FILTER (WHERE clase IN ('R', 'F', 'N')), '{}'),
           coalesce(array_agg(rule_id ORDER BY rule_id) FILTER (WHERE clase = 'L'), '{}')
      INTO v_lect, v_lat
      FROM bp010_dq_reglas;
    v_reglas := v_lect || v_lat;
    -- the active master rules (reporting.fact_dq_maestra_pozo holds no other once this run has handed them off, step 5)
    SELECT coalesce(array_agg(rule_id ORDER BY rule_id) FILTER (WHERE clase = 'M'), '{}') INTO v_maestras
      FROM bp010_dq_reglas;

    -- 0. An incremental run's hour ranges: the hours of its scope (reporting.pipeline_run_alcance) that hold new
    --    readings or a marked day (horas_nuevas; the neighbours' hours are the facts', a reading's verdicts depend on
    --    that reading alone), widened to whole days where the stored hourly counts cannot simply be replaced: a day
    --    with daily counts but no hourly ones (written before hourly counts were kept), or whose hours in the scope
    --    were counted under another set of rules.
    IF v_alcance IS NOT NULL THEN
        WITH piezas AS (
            SELECT a.well_id, a.desde::date + k AS fecha,
                   greatest(a.desde, (a.desde::date + k)::timestamptz) AS desde,
                   least(a.hasta, (a.desde::date + k + 1)::timestamptz) AS hasta
              FROM (SELECT a.well_id, lower(r.r) AS desde, upper(r.r) AS hasta
                      FROM reporting.pipeline_run_alcance a
                     CROSS JOIN LATERAL unnest(coalesce(a.horas_nuevas, tstzmultirange(tstzrange(a.desde, a.hasta)))) r(r)
                     WHERE a.run_id = v_alcance
                       AND (p_well_id IS NULL OR a.well_id = p_well_id) AND (v_todos OR reporting.fnc_en_grupo(a.well_id))
                   ) a
             CROSS JOIN LATERAL generate_series(0, (a.hasta - interval '1 microsecond')::date - a.desde::date) k
        ), enteros AS (
            -- OFFSET 0: each test stays an index lookup per piece (the pieces' count is unknown to the planner, which
            -- would otherwise hash the whole hourly table for the NOT EXISTS)
            -- (the daily rows' test first: it seldom finds a row, and the hourly one it then spares reads a heap page
            -- of fact_dq_horaria per piece, setting hint bits where no one has yet: measured on the bench's hourly
            -- scope, 35 -> 15 ms; 77 -> 32 ms with the hours' rows rewritten and not vacuumed, 1,430 pages read -> 231)
            SELECT DISTINCT d.well_id, d.fecha
              FROM piezas d
             WHERE EXISTS (SELECT 1 FROM reporting.fact_dq_horaria h
                            WHERE h.fecha = d.fecha AND h.well_id = d.well_id AND h.hora >= d.desde AND h.hora < d.hasta
                              AND h.rule_ids <> v_reglas OFFSET 0)
                OR (EXISTS (SELECT 1 FROM reporting.fact_dq_diaria_base f
                             WHERE f.well_id = d.well_id AND f.fecha = d.fecha AND f.rule_id = ANY (v_reglas)
                            OFFSET 0)
                    AND NOT EXISTS (SELECT 1 FROM reporting.fact_dq_horaria h
                                     WHERE h.fecha = d.fecha AND h.well_id = d.well_id OFFSET 0))
        )
        INSERT INTO bp010_dq_tramos (well_id, desde, hasta)
        SELECT x.well_id, lower(x.r), upper(x.r)
          FROM (SELECT u.well_id, unnest(range_agg(tstzrange(u.desde, u.hasta))) AS r
                  FROM (SELECT well_id, desde, hasta FROM piezas
                        UNION ALL
                        SELECT well_id, fecha::timestamptz, (fecha + 1)::timestamptz FROM enteros) u
                 GROUP BY u.well_id) x;
        INSERT INTO bp010_dq_dias (well_id, fecha, desde, hasta, entero)
        SELECT t.well_id, t.desde::date + k,
               greatest(t.desde, (t.desde::date + k)::timestamptz), least(t.hasta, (t.desde::date + k + 1)::timestamptz),
               t.desde <= (t.desde::date + k)::timestamptz AND t.hasta >= (t.desde::date + k + 1)::timestamptz
          FROM bp010_dq_tramos t
         CROSS JOIN LATERAL generate_series(0, (t.hasta - interval '1 microsecond')::date - t.desde::date) k;
        -- a few rows per well: statistics so that the statements below look them up by index
        ANALYZE bp010_dq_tramos;
        ANALYZE bp010_dq_dias;
        -- the readings of the scope's hours: one index range per well and range
        v_origen := 'bp010_dq_tramos t
                 CROSS JOIN LATERAL (SELECT p.* FROM stage.tbl_pozo_produccion p
                                      WHERE p.well_id = t.well_id AND p.timestamp_lectura >= t.desde
                                        AND p.timestamp_lectura < t.hasta OFFSET 0) p';
        v_donde := 'true';
    ELSE
        v_origen := 'stage.tbl_pozo_produccion p';
        v_donde := 'p.timestamp_lectura >= $1 AND p.timestamp_lectura < $2 AND ($3::text IS NULL OR p.well_id = $3)'
                   || CASE WHEN v_todos THEN '' ELSE ' AND reporting.fnc_en_grupo(p.well_id)' END;
    END IF;

    -- 1. Rules counted on the readings (range, card, not evaluable), one pass over the window's readings (an
    --    incremental run: its ranges' readings), all rules at once: each reading's values and card verdicts, then
    --    counts per well and hour and per well and day, and the failures of the readings where some rule failed.
    IF cardinality(v_lect) > 0 THEN
        SELECT array_agg(r.valor_min ORDER BY x.i), array_agg(r.valor_max ORDER BY x.i),
               array_agg(r.nombre_tecnico ORDER BY x.i),
               string_agg(CASE r.clase
                              WHEN 'R' THEN format(', p.%I::double precision AS v%s, (p.%I < $4[%s] OR p.%I > $5[%s]) AS f%s',
                                                   r.columna, x.i, r.columna, x.i, r.columna, x.i, x.i)
                              WHEN 'F' THEN format(', p.%I IS NOT NULL AS t%s, CASE WHEN p.%I IS NULL THEN NULL'
                                                   ' WHEN k%s.cierre * (1 + 1e-9) <= $6 AND k%s.carta_md5 = md5(p.%I::text)::uuid THEN NULL'
                                                   ' ELSE $7[%s] || '': '' || stage.fnc_dq_defecto_carta(p.%I::text, $6) END AS m%s',
                                                   r.columna, x.i, r.columna, x.i, x.i, r.columna, x.i, r.columna, x.i)
                              ELSE '' END, '' ORDER BY x.i),
               string_agg(CASE WHEN r.clase = 'F' THEN format(
                              ' LEFT JOIN stage.tbl_carta_verificada k%s ON k%s.well_id = p.well_id'
                              ' AND k%s.timestamp_lectura = p.timestamp_lectura AND k%s.columna = %L',
                              x.i, x.i, x.i, x.i, r.columna) END, '' ORDER BY x.i),
               string_agg(CASE WHEN r.clase = 'R' THEN format('l.f%s', x.i) END, ' OR ' ORDER BY x.i),
               string_agg(CASE r.clase WHEN 'R' THEN format('count(l.v%s)', x.i)
                                       WHEN 'F' THEN format('count(*) FILTER (WHERE l.t%s)', x.i)
                                       ELSE '0' END, ', ' ORDER BY x.i),
               string_agg(CASE r.clase WHEN 'R' THEN format('count(l.v%s) - count(*) FILTER (WHERE l.f%s)', x.i, x.i)
                                       WHEN 'F' THEN format('count(*) FILTER (WHERE l.t%s) - count(l.m%s)', x.i, x.i)
                                       ELSE '0' END, ', ' ORDER BY x.i),
               string_agg(CASE r.clase WHEN 'R' THEN format('count(*) FILTER (WHERE l.f%s)', x.i)
                                       WHEN 'F' THEN format('count(l.m%s)', x.i)
                                       ELSE '0' END, ', ' ORDER BY x.i),
               string_agg(CASE r.clase WHEN 'R' THEN format('count(*) - count(l.v%s)', x.i)
                                       WHEN 'F' THEN format('count(*) FILTER (WHERE NOT l.t%s)', x.i)
                                       ELSE 'count(*)' END, ', ' ORDER BY x.i),
               string_agg(CASE WHEN r.clase = 'R' THEN format('(%s, l.v%s, l.f%s)', x.i, x.i, x.i) END, ', '
                          ORDER BY x.i),
               string_agg(CASE WHEN r.clase = 'F' THEN format(
                              ' UNION ALL SELECT $8[%s], l.well_id, l.ts, left(q.%I::text, 200), l.m%s FROM l'
                              ' JOIN stage.tbl_pozo_produccion q ON q.well_id = l.well_id AND q.timestamp_lectura = l.ts'
                              ' WHERE l.m%s IS NOT NULL',
                              x.i, r.columna, x.i, x.i) END, '' ORDER BY x.i)
          INTO v_min, v_max, v_nombres, v_lectura, v_cartas, v_alguna, v_ev, v_pa, v_fa, v_ne, v_unpivot, v_fallos_f
          FROM unnest(v_lect) WITH ORDINALITY x(rule_id, i)
          JOIN bp010_dq_reglas r USING (rule_id);
        EXECUTE format($sql$
            WITH l AS MATERIALIZED (
                SELECT p.well_id, p.timestamp_lectura AS ts, date_trunc('hour', p.timestamp_lectura) AS hora,
                       p.timestamp_lectura::date AS fecha %s
                  FROM %s %s
                 WHERE %s
            ), fallos AS (
                INSERT INTO bp010_dq_fallos (rule_id, well_id, timestamp_lectura, valor, motivo)
                SELECT r.rule_id, l.well_id, l.ts, u.num::text,
                       CASE WHEN u.num < r.valor_min THEN format('%%s = %%s below the minimum %%s', r.nombre_tecnico, u.num, r.valor_min)
                            ELSE format('%%s = %%s above the maximum %%s', r.nombre_tecnico, u.num, r.valor_max)
                       END
                  FROM (SELECT * FROM l WHERE %s) l
                 CROSS JOIN LATERAL (VALUES %s) u(i, num, falla)
                  JOIN bp010_dq_reglas r ON r.rule_id = $8[u.i]
                 WHERE u.falla
                %s
            ), g AS (
                SELECT l.well_id, l.fecha, l.hora, ARRAY[%s]::integer[] AS ev, ARRAY[%s]::integer[] AS pa,
                       ARRAY[%s]::integer[] AS fa, ARRAY[%s]::integer[] AS ne
                  FROM l
                 GROUP BY GROUPING SETS ((l.well_id, l.fecha, l.hora), (l.well_id, l.fecha))
            ), dias AS (
                -- (a reading always has an hour: hora NULL is the day's grouping set)
                INSERT INTO bp010_dq_resto (origen, well_id, fecha, hora, evaluated, passed, failed, not_evaluated)
                SELECT 1, g.well_id, g.fecha, NULL, g.ev, g.pa, g.fa, g.ne FROM g WHERE g.hora IS NULL
            )
            INSERT INTO bp010_dq_horas (origen, well_id, fecha, hora, evaluated, passed, failed, not_evaluated)
            SELECT 1, g.well_id, g.fecha, g.hora, g.ev, g.pa, g.fa, g.ne FROM g WHERE g.hora IS NOT NULL
            $sql$, v_lectura, v_origen, v_cartas, v_donde,
                   coalesce(v_alguna, 'false'), coalesce(v_unpivot, '(0, NULL::double precision, false)'), v_fallos_f,
                   v_ev, v_pa, v_fa, v_ne)
        USING v_desde, v_hasta, p_well_id, v_min, v_max, v_tolerancia, v_nombres, v_lect;
    END IF;

    -- 2. Rules on well-master attributes: one pass over every well (also in an incremental run); counted on the as-of day.
    SELECT string_agg(format('(%L, m.%I::double precision)', r.columna, r.columna), ', ' ORDER BY r.columna)
      INTO v_atributos
      FROM (SELECT DISTINCT columna FROM bp010_dq_reglas WHERE tabla = 'tbl_pozo_maestra') r;
    IF v_atributos IS NOT NULL THEN
        EXECUTE format($sql$
            WITH e AS MATERIALIZED (
                SELECT r.rule_id, m.well_id, u.num,
                       CASE WHEN u.num < r.valor_min THEN format('%%s = %%s below the minimum %%s', r.nombre_tecnico, u.num, r.valor_min)
                            WHEN u.num > r.valor_max THEN format('%%s = %%s above the maximum %%s', r.nombre_tecnico, u.num, r.valor_max)
                       END AS motivo
                  FROM stage.tbl_pozo_maestra m
                 CROSS JOIN LATERAL (VALUES %s) u(columna, num)
                  JOIN bp010_dq_reglas r ON r.tabla = 'tbl_pozo_maestra' AND r.columna = u.columna
                 WHERE ($1::text IS NULL OR m.well_id = $1) AND ($3 OR reporting.fnc_en_grupo(m.well_id))
            ), fallos AS (
                INSERT INTO bp010_dq_fallos (rule_id, well_id, timestamp_lectura, valor, motivo)
                SELECT rule_id, well_id, NULL, num::text, motivo FROM e WHERE motivo IS NOT NULL
            )
            -- one row per well (the well master's key) and rule (one attribute each): counted as it stands, no grouping
            INSERT INTO bp010_dq_conteo (rule_id, well_id, fecha, evaluated, passed, failed, not_evaluated)
            SELECT rule_id, well_id, $2, (num IS NOT NULL)::integer, (num IS NOT NULL AND motivo IS NULL)::integer,
                   (motivo IS NOT NULL)::integer, (num IS NULL)::integer
              FROM e
            $sql$, v_atributos)
        USING p_well_id, v_dia_maestra, v_todos;
    END IF;
    INSERT INTO bp010_dq_conteo (rule_id, well_id, fecha, evaluated, passed, failed, not_evaluated)
    SELECT r.rule_id, m.well_id, v_dia_maestra, 0, 0, 0, 1
      FROM bp010_dq_reglas r
      JOIN stage.tbl_pozo_maestra m ON (p_well_id IS NULL OR m.well_id = p_well_id)
                                   AND (v_todos OR reporting.fnc_en_grupo(m.well_id))
     WHERE r.no_evaluable IS NOT NULL AND r.clase = 'M';

    -- 3. Latency of the landing readings of each latency rule's SCADA ids: one index range per well over the landing
    --    table itself (stage.landing_lectura, key (well_key, var_key, timestamp_lectura)), every latency variable of
    --    the well at once (var_key = ANY), each reading joined to the rule(s) whose SCADA ids hold it (a variable two
    --    rules read counts for both, as through the view). Counted per well and hour and per well and day like the
    --    readings (step 1).
    IF cardinality(v_lat) > 0 THEN
        SELECT array_agg(r.latencia_max_seg ORDER BY x.i),
               string_agg(format('count(*) FILTER (WHERE e.i = %s AND NOT e.nulo)', x.i), ', ' ORDER BY x.i),
               string_agg(format('count(*) FILTER (WHERE e.i = %s AND NOT e.nulo AND NOT e.latencia > $5[%s])', x.i, x.i),
                          ', ' ORDER BY x.i),
               string_agg(format('count(*) FILTER (WHERE e.i = %s AND NOT e.nulo AND e.latencia > $5[%s])', x.i, x.i),
                          ', ' ORDER BY x.i),
               string_agg(format('count(*) FILTER (WHERE e.i = %s AND e.nulo)', x.i), ', ' ORDER BY x.i)
          INTO v_lim, v_ev, v_pa, v_fa, v_ne
          FROM unnest(v_lat) WITH ORDINALITY x(rule_id, i)
          JOIN bp010_dq_reglas r USING (rule_id);
        -- (rule position, variable key) of every SCADA id of every latency rule that has landed readings
        SELECT coalesce(array_agg(x.i ORDER BY x.i, d.var_key), '{}'), coalesce(array_agg(d.var_key ORDER BY x.i, d.var_key), '{}')
          INTO v_lat_i, v_lat_k
          FROM unnest(v_lat) WITH ORDINALITY x(rule_id, i)
          JOIN bp010_dq_reglas r USING (rule_id)
         CROSS JOIN LATERAL unnest(r.var_ids) v(var_id)
          JOIN stage.dim_variable d ON d.var_id = v.var_id;
        EXECUTE format($sql$
            WITH e AS MATERIALIZED (
                SELECT x.i, w.well_id, l.timestamp_lectura, l.timestamp_lectura::date AS fecha,
                       date_trunc('hour', l.timestamp_lectura) AS hora,
                       extract(epoch FROM l.source_received_at - l.timestamp_lectura)::double precision AS latencia,
                       (l.measure IS NULL OR l.source_received_at IS NULL) AS nulo
                  FROM (SELECT w.well_id, t.desde, t.hasta
                          FROM stage.tbl_pozo_maestra w
                          LEFT JOIN bp010_dq_tramos t ON t.well_id = w.well_id
                         WHERE ($3::text IS NULL OR w.well_id = $3) AND ($7 OR reporting.fnc_en_grupo(w.well_id))
                           AND ($4::uuid IS NULL OR t.well_id IS NOT NULL)) w
                  JOIN stage.dim_well k ON k.well_id = w.well_id
                  JOIN LATERAL (SELECT l.var_key, l.timestamp_lectura, l.measure, l.source_received_at
                                  FROM stage.landing_lectura l
                                 WHERE l.well_key = k.well_key AND l.var_key = ANY ($9)
                                   AND l.timestamp_lectura >= coalesce(w.desde, $1)
                                   AND l.timestamp_lectura < coalesce(w.hasta, $2)
                                OFFSET 0) l ON true   -- OFFSET 0: stays an index range per well, whatever the statistics
                  JOIN unnest($8::integer[], $9::integer[]) x(i, var_key) ON x.var_key = l.var_key
            ), fallos AS (
                INSERT INTO bp010_dq_fallos (rule_id, well_id, timestamp_lectura, valor, motivo)
                SELECT r.rule_id, e.well_id, e.timestamp_lectura, round(e.latencia::numeric, 3)::text,
                       format('%%s received %%s s after the reading (limit %%s s)', r.nombre_tecnico,
                              round(e.latencia::numeric, 3), r.latencia_max_seg)
                  FROM e
                  JOIN bp010_dq_reglas r ON r.rule_id = $6[e.i]
                 WHERE NOT e.nulo AND e.latencia > r.latencia_max_seg
            )
            INSERT INTO bp010_dq_resto (origen, well_id, fecha, hora, evaluated, passed, failed, not_evaluated)
            SELECT 2, e.well_id, e.fecha, e.hora, ARRAY[%s]::integer[], ARRAY[%s]::integer[], ARRAY[%s]::integer[],
                   ARRAY[%s]::integer[]
              FROM e
             GROUP BY GROUPING SETS ((e.well_id, e.fecha, e.hora), (e.well_id, e.fecha))
            $sql$, v_ev, v_pa, v_fa, v_ne)
        USING v_desde, v_hasta, p_well_id, v_alcance, v_lim, v_lat, v_todos, v_lat_i, v_lat_k;
    END IF;

    -- 4. Findings: the latest verdict per rule, well and reading. What this run evaluated and passed (or found NULL)
    --    loses its old failure; failures found again keep their first detection time.
    DELETE FROM stage.tbl_pozo_scada_dq d
     USING bp010_dq_reglas r
     WHERE d.rule_id = r.rule_id AND r.no_evaluable IS NULL
       AND (p_well_id IS NULL OR d.well_id = p_well_id) AND (v_todos OR reporting.fnc_en_grupo(d.well_id))
       -- a master rule's verdicts have no reading time, a reading rule's have one; a rule switched between the two
       -- kinds (a catalogue load) loses its verdicts of the other kind as well (a full recomputation has none)
       AND (d.timestamp_lectura IS NULL OR (d.timestamp_lectura >= v_desde AND d.timestamp_lectura < v_hasta))
       -- an incremental run: the readings of its hours
       AND (v_alcance IS NULL OR d.timestamp_lectura IS NULL
            OR EXISTS (SELECT 1 FROM bp010_dq_tramos t
                        WHERE t.well_id = d.well_id AND d.timestamp_lectura >= t.desde AND d.timestamp_lectura < t.hasta))
       -- a latency verdict is replaced only where its landing reading still exists (retention may have removed it)
       AND (r.tipo <> 'LATENCIA'
            OR EXISTS (SELECT 1 FROM stage.landing_scada_data l
                        WHERE l.well_id = d.well_id AND l.var_id = ANY (r.var_ids)
                          AND l.timestamp_lectura = d.timestamp_lectura))
       AND NOT EXISTS (SELECT 1 FROM bp010_dq_fallos f
                        WHERE f.rule_id = d.rule_id AND f.well_id = d.well_id
                          AND f.timestamp_lectura IS NOT DISTINCT FROM d.timestamp_lectura);
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN
        RAISE NOTICE 'DQ: % earlier failure(s) cleared by this run''s verdicts', n;
    END IF;

    INSERT INTO stage.tbl_pozo_scada_dq AS d
           (run_id, rule_id, well_id, timestamp_lectura, nombre_tecnico, valor, resultado, motivo, severidad, tipo)
    SELECT v_run, f.rule_id, f.well_id, f.timestamp_lectura, r.nombre_tecnico, f.valor, 'FAIL', f.motivo,
           r.severidad, r.tipo
      FROM bp010_dq_fallos f
      JOIN bp010_dq_reglas r USING (rule_id)
    ON CONFLICT (rule_id, well_id, timestamp_lectura) DO UPDATE
       SET run_id = EXCLUDED.run_id, nombre_tecnico = EXCLUDED.nombre_tecnico, valor = EXCLUDED.valor,
           resultado = EXCLUDED.resultado, motivo = EXCLUDED.motivo, severidad = EXCLUDED.severidad,
           tipo = EXCLUDED.tipo;

    -- 5a. Counts of rules that are no longer active master rules (deactivated, or a reading rule now) leave
    --     reporting.fact_dq_maestra_pozo for reporting.fact_dq_diaria_base, on the day they were counted, where a master
    --     rule's row always stayed after its deactivation (before the reading rules' rows of the days checked whole
    --     leave that table, below, as they always did).
    IF EXISTS (SELECT 1 FROM reporting.fact_dq_maestra_pozo m
                WHERE NOT m.rule_ids <@ v_maestras
                  AND (p_well_id IS NULL OR m.well_id = p_well_id) AND (v_todos OR reporting.fnc_en_grupo(m.well_id))) THEN
        INSERT INTO reporting.fact_dq_diaria_base AS f
               (well_id, fecha, rule_id, evaluated, passed, failed, not_evaluated, run_id, updated_at)
        SELECT m.well_id, m.fecha, u.rule_id, u.e, u.p, u.f, u.n, u.run_id, u.updated_at
          FROM reporting.fact_dq_maestra_pozo m
         CROSS JOIN LATERAL unnest(m.rule_ids, m.evaluated, m.passed, m.failed, m.not_evaluated, m.run_ids, m.updated_ats)
                            u(rule_id, e, p, f, n, run_id, updated_at)
         WHERE NOT m.rule_ids <@ v_maestras AND u.rule_id <> ALL (v_maestras)
           AND (p_well_id IS NULL OR m.well_id = p_well_id) AND (v_todos OR reporting.fnc_en_grupo(m.well_id))
        ON CONFLICT (well_id, fecha, rule_id) DO UPDATE
           SET evaluated = f.evaluated + EXCLUDED.evaluated, passed = f.passed + EXCLUDED.passed,
               failed = f.failed + EXCLUDED.failed, not_evaluated = f.not_evaluated + EXCLUDED.not_evaluated,
               run_id = CASE WHEN EXCLUDED.updated_at > f.updated_at THEN EXCLUDED.run_id ELSE f.run_id END,
               updated_at = greatest(f.updated_at, EXCLUDED.updated_at);
        UPDATE reporting.fact_dq_maestra_pozo m
           SET (rule_ids, evaluated, passed, failed, not_evaluated, run_ids, updated_ats) = (
               SELECT coalesce(array_agg(u.rule_id ORDER BY u.k), '{}'), coalesce(array_agg(u.e ORDER BY u.k), '{}'),
                      coalesce(array_agg(u.p ORDER BY u.k), '{}'), coalesce(array_agg(u.f ORDER BY u.k), '{}'),
                      coalesce(array_agg(u.n ORDER BY u.k), '{}'), coalesce(array_agg(u.run_id ORDER BY u.k), '{}'),
                      coalesce(array_agg(u.updated_at ORDER BY u.k), '{}')
                 FROM unnest(m.rule_ids, m.evaluated, m.passed, m.failed, m.not_evaluated, m.run_ids, m.updated_ats)
                      WITH ORDINALITY u(rule_id, e, p, f, n, run_id, updated_at, k)
                WHERE u.rule_id = ANY (v_maestras))
         WHERE NOT m.rule_ids <@ v_maestras
           AND (p_well_id IS NULL OR m.well_id = p_well_id) AND (v_todos OR reporting.fnc_en_grupo(m.well_id));
        DELETE FROM reporting.fact_dq_maestra_pozo m WHERE cardinality(m.rule_ids) = 0;
    END IF;

    -- 5. Hourly counts (reporting.fact_dq_horaria): the hours this run checked replace the stored ones, and the
    --    reading rules' rows of the days checked whole leave reporting.fact_dq_diaria_base (days counted before hourly
    --    counts were kept). A replaced hour counted under another set of rules hands the counts of the rules no longer
    --    active to reporting.fact_dq_diaria_base: a daily row outlives its rule's deactivation. An incremental run
    --    keeps what it replaced, to move the day sums by the difference.
    IF v_alcance IS NULL THEN
        WITH viejas AS (
            DELETE FROM reporting.fact_dq_horaria h
             WHERE h.fecha BETWEEN p_fecha_inicio AND p_fecha_fin
               AND (p_well_id IS NULL OR h.well_id = p_well_id) AND (v_todos OR reporting.fnc_en_grupo(h.well_id))
            RETURNING h.well_id, h.fecha, h.rule_ids, h.evaluated, h.passed, h.failed, h.not_evaluated, h.run_id
        )
        INSERT INTO bp010_dq_viejas SELECT * FROM viejas v WHERE v.rule_ids <> v_reglas;
        DELETE FROM reporting.fact_dq_diaria_base f
         WHERE f.fecha BETWEEN p_fecha_inicio AND p_fecha_fin AND f.rule_id = ANY (v_reglas)
           AND (p_well_id IS NULL OR f.well_id = p_well_id) AND (v_todos OR reporting.fnc_en_grupo(f.well_id));
    ELSE
        -- the stored hours found by key per piece (OFFSET 0) and deleted by row id: a join would scan the whole
        -- hourly table, which grows with every day kept
        WITH viejas AS (
            DELETE FROM reporting.fact_dq_horaria h
             WHERE h.ctid = ANY (ARRAY(
                       SELECT x.ctid
                         FROM bp010_dq_dias d
                        CROSS JOIN LATERAL (SELECT h.ctid FROM reporting.fact_dq_horaria h
                                             WHERE h.fecha = d.fecha AND h.well_id = d.well_id
                                               AND h.hora >= d.desde AND h.hora < d.hasta OFFSET 0) x))
            RETURNING h.well_id, h.fecha, h.rule_ids, h.evaluated, h.passed, h.failed, h.not_evaluated, h.run_id
        )
        INSERT INTO bp010_dq_viejas SELECT * FROM viejas;
        DELETE FROM reporting.fact_dq_diaria_base f
         USING (SELECT DISTINCT well_id, fecha FROM bp010_dq_dias WHERE entero) d
         WHERE f.well_id = d.well_id AND f.fecha = d.fecha AND f.rule_id = ANY (v_reglas);
    END IF;
    INSERT INTO reporting.fact_dq_diaria_base AS f
           (well_id, fecha, rule_id, evaluated, passed, failed, not_evaluated, run_id)
    SELECT v.well_id, v.fecha, u.rule_id, sum(u.e), sum(u.p), sum(u.f), sum(u.n), (array_agg(v.run_id))[1]
      FROM bp010_dq_viejas v
     CROSS JOIN LATERAL unnest(v.rule_ids, v.evaluated, v.passed, v.failed, v.not_evaluated) u(rule_id, e, p, f, n)
     WHERE v.rule_ids <> v_reglas
       AND NOT EXISTS (SELECT 1 FROM bp010_dq_reglas r WHERE r.rule_id = u.rule_id)
     GROUP BY v.well_id, v.fecha, u.rule_id
    HAVING sum(u.e) <> 0 OR sum(u.p) <> 0 OR sum(u.f) <> 0 OR sum(u.n) <> 0
    ON CONFLICT (well_id, fecha, rule_id) DO UPDATE
       SET evaluated = f.evaluated + EXCLUDED.evaluated, passed = f.passed + EXCLUDED.passed,
           failed = f.failed + EXCLUDED.failed, not_evaluated = f.not_evaluated + EXCLUDED.not_evaluated,
           updated_at = now();
    INSERT INTO reporting.fact_dq_horaria AS h
           (well_id, hora, fecha, rule_ids, evaluated, passed, failed, not_evaluated, run_id)
    SELECT coalesce(a.well_id, b.well_id), coalesce(a.hora, b.hora), coalesce(a.fecha, b.fecha), v_reglas,
           coalesce(a.evaluated, array_fill(0, ARRAY[cardinality(v_lect)])) || coalesce(b.evaluated, array_fill(0, ARRAY[cardinality(v_lat)])),
           coalesce(a.passed, array_fill(0, ARRAY[cardinality(v_lect)])) || coalesce(b.passed, array_fill(0, ARRAY[cardinality(v_lat)])),
           coalesce(a.failed, array_fill(0, ARRAY[cardinality(v_lect)])) || coalesce(b.failed, array_fill(0, ARRAY[cardinality(v_lat)])),
           coalesce(a.not_evaluated, array_fill(0, ARRAY[cardinality(v_lect)])) || coalesce(b.not_evaluated, array_fill(0, ARRAY[cardinality(v_lat)])),
           v_run
      FROM bp010_dq_horas a
      FULL JOIN (SELECT * FROM bp010_dq_resto WHERE origen = 2 AND hora IS NOT NULL) b
        ON b.well_id = a.well_id AND b.hora = a.hora;

    -- 6. Day sums of the reading rules (reporting.fact_dq_diaria_pozo) and their counts per well, day and rule for
    --    this run's totals: the days an explicit window or an incremental run checked whole are their checked
    --    readings' counts; another day an incremental run touched moves by the difference between the hours it
    --    checked and what they counted before (one row per well and day), or, where its stored sum was kept under
    --    another set of rules, is summed again from its hours. A rule that counted nothing on a day has no row.
    CREATE TEMP TABLE bp010_dq_dia ON COMMIT DROP AS
    SELECT coalesce(a.well_id, b.well_id) AS well_id, coalesce(a.fecha, b.fecha) AS fecha,
           coalesce(a.evaluated, array_fill(0, ARRAY[cardinality(v_lect)])) || coalesce(b.evaluated, array_fill(0, ARRAY[cardinality(v_lat)])) AS ev,
           coalesce(a.passed, array_fill(0, ARRAY[cardinality(v_lect)])) || coalesce(b.passed, array_fill(0, ARRAY[cardinality(v_lat)])) AS pa,
           coalesce(a.failed, array_fill(0, ARRAY[cardinality(v_lect)])) || coalesce(b.failed, array_fill(0, ARRAY[cardinality(v_lat)])) AS fa,
           coalesce(a.not_evaluated, array_fill(0, ARRAY[cardinality(v_lect)])) || coalesce(b.not_evaluated, array_fill(0, ARRAY[cardinality(v_lat)])) AS ne
      FROM (SELECT * FROM bp010_dq_resto WHERE origen = 1 AND hora IS NULL) a
      FULL JOIN (SELECT * FROM bp010_dq_resto WHERE origen = 2 AND hora IS NULL) b
        ON b.well_id = a.well_id AND b.fecha = a.fecha;
    IF v_alcance IS NULL THEN
        DELETE FROM reporting.fact_dq_diaria_pozo d
         WHERE d.fecha BETWEEN p_fecha_inicio AND p_fecha_fin
           AND (p_well_id IS NULL OR d.well_id = p_well_id) AND (v_todos OR reporting.fnc_en_grupo(d.well_id));
        INSERT INTO reporting.fact_dq_diaria_pozo (fecha, well_id, rule_ids, evaluated, passed, failed, not_evaluated, run_id)
        SELECT c.fecha, c.well_id, v_reglas, c.ev, c.pa, c.fa, c.ne, v_run FROM bp010_dq_dia c;
        INSERT INTO bp010_dq_sumas (well_id, fecha, ev, pa, fa, ne)
        SELECT c.well_id, c.fecha, c.ev, c.pa, c.fa, c.ne FROM bp010_dq_dia c;
    ELSE
        -- the days checked whole
        INSERT INTO reporting.fact_dq_diaria_pozo AS d
               (fecha, well_id, rule_ids, evaluated, passed, failed, not_evaluated, run_id)
        SELECT c.fecha, c.well_id, v_reglas, c.ev, c.pa, c.fa, c.ne, v_run
          FROM bp010_dq_dia c
         WHERE EXISTS (SELECT 1 FROM bp010_dq_dias e WHERE e.well_id = c.well_id AND e.fecha = c.fecha AND e.entero)
        ON CONFLICT (fecha, well_id) DO UPDATE
           SET rule_ids = EXCLUDED.rule_ids, evaluated = EXCLUDED.evaluated, passed = EXCLUDED.passed,
               failed = EXCLUDED.failed, not_evaluated = EXCLUDED.not_evaluated, run_id = EXCLUDED.run_id,
               updated_at = now();
        DELETE FROM reporting.fact_dq_diaria_pozo d
         USING (SELECT DISTINCT well_id, fecha FROM bp010_dq_dias WHERE entero) e
         WHERE d.fecha = e.fecha AND d.well_id = e.well_id
           AND NOT EXISTS (SELECT 1 FROM bp010_dq_dia c WHERE c.well_id = e.well_id AND c.fecha = e.fecha);
        IF cardinality(v_reglas) > 0 THEN
            -- the other days whose stored sum was kept under this run's rules: moved by the difference (the replaced
            -- hours of such a day were counted under the same rules, or step 0 had checked it whole)
            SELECT string_agg(format('d.evaluated[%s] + coalesce(m.ev[%s], 0) - coalesce(m.oev[%s], 0)', i, i, i), ', ' ORDER BY i),
                   string_agg(format('d.passed[%s] + coalesce(m.pa[%s], 0) - coalesce(m.opa[%s], 0)', i, i, i), ', ' ORDER BY i),
                   string_agg(format('d.failed[%s] + coalesce(m.fa[%s], 0) - coalesce(m.ofa[%s], 0)', i, i, i), ', ' ORDER BY i),
                   string_agg(format('d.not_evaluated[%s] + coalesce(m.ne[%s], 0) - coalesce(m.one[%s], 0)', i, i, i), ', ' ORDER BY i),
                   string_agg(format('sum(v.evaluated[%s])', i), ', ' ORDER BY i),
                   string_agg(format('sum(v.passed[%s])', i), ', ' ORDER BY i),
                   string_agg(format('sum(v.failed[%s])', i), ', ' ORDER BY i),
                   string_agg(format('sum(v.not_evaluated[%s])', i), ', ' ORDER BY i)
              INTO v_ev, v_pa, v_fa, v_ne, v_sev, v_spa, v_sfa, v_sne
              FROM generate_series(1, cardinality(v_reglas)) i;
            -- each touched day's new and replaced counts joined first (MATERIALIZED: hash joins over the three work
            -- tables), then the day rows: joined to the update's rows directly, the replaced hours' sums were
            -- aggregated again for every day row (the planner expects one row from the ctid list), quadratic in the
            -- wells whose counted hours come again (measured: 3.1 s for 1,000 wells' re-delivered hour)
            EXECUTE format($sql$
                WITH m AS MATERIALIZED (
                    SELECT e.well_id, e.fecha, c.ev, c.pa, c.fa, c.ne, o.ev AS oev, o.pa AS opa, o.fa AS ofa, o.ne AS one
                      FROM (SELECT DISTINCT well_id, fecha FROM bp010_dq_dias WHERE NOT entero) e
                      LEFT JOIN bp010_dq_dia c ON c.well_id = e.well_id AND c.fecha = e.fecha
                      LEFT JOIN (SELECT v.well_id, v.fecha, ARRAY[%s]::integer[] AS ev, ARRAY[%s]::integer[] AS pa,
                                        ARRAY[%s]::integer[] AS fa, ARRAY[%s]::integer[] AS ne
                                   FROM bp010_dq_viejas v
                                  GROUP BY v.well_id, v.fecha) o ON o.well_id = e.well_id AND o.fecha = e.fecha
                )
                UPDATE reporting.fact_dq_diaria_pozo d
                   SET evaluated = ARRAY[%s], passed = ARRAY[%s], failed = ARRAY[%s], not_evaluated = ARRAY[%s],
                       run_id = $2, updated_at = now()
                  FROM m
                 WHERE d.fecha = m.fecha AND d.well_id = m.well_id AND d.rule_ids = $1
                   -- the touched days' rows by key (OFFSET 0), not a scan of every day kept
                   AND d.ctid = ANY (ARRAY(SELECT x.ctid
                                            FROM (SELECT DISTINCT well_id, fecha FROM bp010_dq_dias WHERE NOT entero) e
                                           CROSS JOIN LATERAL (SELECT d.ctid FROM reporting.fact_dq_diaria_pozo d
                                                                WHERE d.fecha = e.fecha AND d.well_id = e.well_id
                                                               OFFSET 0) x))
                $sql$, v_sev, v_spa, v_sfa, v_sne, v_ev, v_pa, v_fa, v_ne)
            USING v_reglas, v_run;
            -- (the days it moved: at most one row a day, the key being the day and well)
            GET DIAGNOSTICS n = ROW_COUNT;
        ELSE
            n := 0;
        END IF;
        -- the other days: summed again from their hours, rule by rule (this run's rules first). Only when the update
        -- above left some (not in an hourly run: every touched day's sum is kept under this run's rules): a join with
        -- no day to join still fetched the first row of fact_dq_horaria, which with dead tuples at the table's front
        -- (a database that also holds other runs' deleted hours, not vacuumed yet) read 11,629 pages for no row,
        -- 392 ms. Each day's hours by key (OFFSET 0), and the test of each day's sum by key: no scan of every day kept.
        IF n < (SELECT count(*) FROM (SELECT DISTINCT e.well_id, e.fecha FROM bp010_dq_dias e WHERE NOT e.entero) e) THEN
            WITH dias AS (
                SELECT DISTINCT e.well_id, e.fecha
                  FROM bp010_dq_dias e
                 WHERE NOT e.entero
                   AND NOT EXISTS (SELECT 1 FROM reporting.fact_dq_diaria_pozo d
                                    WHERE d.fecha = e.fecha AND d.well_id = e.well_id AND d.rule_ids = v_reglas OFFSET 0)
            ), sumas AS (
                SELECT h.well_id, h.fecha, u.rule_id, coalesce(array_position(v_reglas, u.rule_id), 2147483647) AS pos,
                       sum(u.e)::integer AS e, sum(u.p)::integer AS p, sum(u.f)::integer AS f, sum(u.n)::integer AS n
                  FROM dias e
                 CROSS JOIN LATERAL (SELECT h.* FROM reporting.fact_dq_horaria h
                                      WHERE h.fecha = e.fecha AND h.well_id = e.well_id OFFSET 0) h
                 CROSS JOIN LATERAL unnest(h.rule_ids, h.evaluated, h.passed, h.failed, h.not_evaluated) u(rule_id, e, p, f, n)
                 GROUP BY h.well_id, h.fecha, u.rule_id
            )
            INSERT INTO reporting.fact_dq_diaria_pozo AS d
                   (fecha, well_id, rule_ids, evaluated, passed, failed, not_evaluated, run_id)
            SELECT s.fecha, s.well_id, array_agg(s.rule_id ORDER BY s.pos, s.rule_id), array_agg(s.e ORDER BY s.pos, s.rule_id),
                   array_agg(s.p ORDER BY s.pos, s.rule_id), array_agg(s.f ORDER BY s.pos, s.rule_id),
                   array_agg(s.n ORDER BY s.pos, s.rule_id), v_run
              FROM sumas s
             GROUP BY s.fecha, s.well_id
            ON CONFLICT (fecha, well_id) DO UPDATE
               SET rule_ids = EXCLUDED.rule_ids, evaluated = EXCLUDED.evaluated, passed = EXCLUDED.passed,
                   failed = EXCLUDED.failed, not_evaluated = EXCLUDED.not_evaluated, run_id = EXCLUDED.run_id,
                   updated_at = now();
        END IF;
        -- this run's counts of the touched days: their day sums, by key (a rule once per day sum): under this run's
        -- rules as arrays, under other rules (a day summed again with a rule no longer active) per rule ...
        INSERT INTO bp010_dq_sumas (well_id, fecha, ev, pa, fa, ne)
        SELECT d.well_id, d.fecha, d.evaluated, d.passed, d.failed, d.not_evaluated
          FROM (SELECT DISTINCT well_id, fecha FROM bp010_dq_dias) e
         CROSS JOIN LATERAL (SELECT d.* FROM reporting.fact_dq_diaria_pozo d
                              WHERE d.fecha = e.fecha AND d.well_id = e.well_id OFFSET 0) d
         WHERE d.rule_ids = v_reglas;
        INSERT INTO bp010_dq_conteo (rule_id, well_id, fecha, evaluated, passed, failed, not_evaluated)
        SELECT u.rule_id, d.well_id, d.fecha, u.e, u.p, u.f, u.n
          FROM (SELECT DISTINCT well_id, fecha FROM bp010_dq_dias) e
         CROSS JOIN LATERAL (SELECT d.* FROM reporting.fact_dq_diaria_pozo d
                              WHERE d.fecha = e.fecha AND d.well_id = e.well_id OFFSET 0) d
         CROSS JOIN LATERAL unnest(d.rule_ids, d.evaluated, d.passed, d.failed, d.not_evaluated) u(rule_id, e, p, f, n)
         WHERE d.rule_ids <> v_reglas AND u.rule_id = ANY (v_reglas)
           AND (u.e <> 0 OR u.p <> 0 OR u.f <> 0 OR u.n <> 0);
        -- ... plus what reporting.fact_dq_diaria_base holds for this run's reading rules there (counts of a rule
        -- active again after its hours were recounted without it; seldom any). Rows of the same rule, well and day
        -- are added where they are read (counts are never negative: a sum is zero only if its parts are).
        INSERT INTO bp010_dq_conteo (rule_id, well_id, fecha, evaluated, passed, failed, not_evaluated)
        SELECT f.rule_id, f.well_id, f.fecha, f.evaluated, f.passed, f.failed, f.not_evaluated
          FROM (SELECT DISTINCT well_id, fecha FROM bp010_dq_dias) e
          JOIN reporting.fact_dq_diaria_base f ON f.well_id = e.well_id AND f.fecha = e.fecha
         WHERE f.rule_id = ANY (v_reglas)
           AND (f.evaluated <> 0 OR f.passed <> 0 OR f.failed <> 0 OR f.not_evaluated <> 0);
    END IF;

    -- This run's counts per rule and day: the arrays summed per day at each position, and the rows per rule.
    SELECT coalesce(string_agg(format('sum(s.ev[%s])', i), ', ' ORDER BY i), ''),
           coalesce(string_agg(format('sum(s.pa[%s])', i), ', ' ORDER BY i), ''),
           coalesce(string_agg(format('sum(s.fa[%s])', i), ', ' ORDER BY i), ''),
           coalesce(string_agg(format('sum(s.ne[%s])', i), ', ' ORDER BY i), '')
      INTO v_sev, v_spa, v_sfa, v_sne
      FROM generate_series(1, cardinality(v_reglas)) i;
    EXECUTE format($sql$
        INSERT INTO bp010_dq_totales (rule_id, fecha, evaluated, passed, failed, not_evaluated)
        SELECT u.rule_id, t.fecha, u.e, u.p, u.f, u.n
          FROM (SELECT s.fecha, ARRAY[%s]::bigint[] AS ev, ARRAY[%s]::bigint[] AS pa, ARRAY[%s]::bigint[] AS fa,
                       ARRAY[%s]::bigint[] AS ne
                  FROM bp010_dq_sumas s
                 GROUP BY s.fecha) t
         CROSS JOIN LATERAL unnest($1::text[], t.ev, t.pa, t.fa, t.ne) u(rule_id, e, p, f, n)
         WHERE u.e <> 0 OR u.p <> 0 OR u.f <> 0 OR u.n <> 0
        UNION ALL
        -- (one row per rule and day: the per-well rows of the master rules are 10 a well)
        SELECT c.rule_id, c.fecha, sum(c.evaluated), sum(c.passed), sum(c.failed), sum(c.not_evaluated)
          FROM bp010_dq_conteo c
         GROUP BY c.rule_id, c.fecha
        $sql$, v_sev, v_spa, v_sfa, v_sne)
    USING v_reglas;

    -- 7. Counts: per run, rule and day (trends; a rule with nothing to evaluate still shows, with zeros) ...
    --    (in key order: buckets of one run that write the same keys wait for each other, never deadlock)
    INSERT INTO stage.tbl_dq_run_summary AS s
           (run_id, rule_id, fecha, evaluated, passed, failed, not_evaluated)
    SELECT x.* FROM (
        SELECT v_run, rule_id, fecha, sum(evaluated), sum(passed), sum(failed), sum(not_evaluated)
          FROM bp010_dq_totales
         GROUP BY rule_id, fecha
        UNION ALL
        SELECT v_run, r.rule_id, p_fecha_fin, 0, 0, 0, 0
          FROM bp010_dq_reglas r
         WHERE NOT v_parte AND NOT EXISTS (SELECT 1 FROM bp010_dq_totales c WHERE c.rule_id = r.rule_id)) x
     ORDER BY 2, 3
    ON CONFLICT (run_id, rule_id, fecha) DO UPDATE
       SET evaluated = CASE WHEN v_parte THEN s.evaluated + EXCLUDED.evaluated ELSE EXCLUDED.evaluated END,
           passed = CASE WHEN v_parte THEN s.passed + EXCLUDED.passed ELSE EXCLUDED.passed END,
           failed = CASE WHEN v_parte THEN s.failed + EXCLUDED.failed ELSE EXCLUDED.failed END,
           not_evaluated = CASE WHEN v_parte THEN s.not_evaluated + EXCLUDED.not_evaluated ELSE EXCLUDED.not_evaluated END,
           created_at = now();

    -- ... per well and master rule in reporting.fact_dq_maestra_pozo, on the as-of day: a master rule's count replaces
    -- the well's earlier one. One row per well (the rules as arrays); only wells whose counts or day changed are
    -- written, and a count that did not change keeps the run that wrote it. Rows of active master rules in
    -- reporting.fact_dq_diaria_base (written before V22) leave it as their wells are counted here, or as their
    -- wells' rows here would (another day, or a day of the window or scope, for a well this run did not count: gone
    -- from the well master).
    DELETE FROM reporting.fact_dq_diaria_base f
     USING bp010_dq_reglas r
     WHERE f.rule_id = r.rule_id AND r.clase = 'M' AND f.fecha <> v_dia_maestra
       AND (p_well_id IS NULL OR f.well_id = p_well_id) AND (v_todos OR reporting.fnc_en_grupo(f.well_id));
    IF v_alcance IS NULL THEN
        DELETE FROM reporting.fact_dq_diaria_base f
         USING bp010_dq_reglas r
         WHERE f.rule_id = r.rule_id AND r.clase = 'M' AND f.fecha BETWEEN p_fecha_inicio AND p_fecha_fin
           AND (p_well_id IS NULL OR f.well_id = p_well_id) AND (v_todos OR reporting.fnc_en_grupo(f.well_id))
           AND NOT EXISTS (SELECT 1 FROM bp010_dq_conteo c
                            WHERE c.well_id = f.well_id AND c.fecha = f.fecha AND c.rule_id = f.rule_id);
    ELSE
        DELETE FROM reporting.fact_dq_diaria_base f
         USING (SELECT DISTINCT well_id, fecha FROM bp010_dq_dias) d
         WHERE f.well_id = d.well_id AND f.fecha = d.fecha
           AND f.rule_id IN (SELECT rule_id FROM bp010_dq_reglas WHERE clase = 'M')
           AND NOT EXISTS (SELECT 1 FROM bp010_dq_conteo c
                            WHERE c.well_id = f.well_id AND c.fecha = f.fecha AND c.rule_id = f.rule_id);
    END IF;
    DELETE FROM reporting.fact_dq_maestra_pozo m
     WHERE (p_well_id IS NULL OR m.well_id = p_well_id) AND (v_todos OR reporting.fnc_en_grupo(m.well_id))
       AND m.well_id NOT IN (SELECT c.well_id FROM bp010_dq_conteo c WHERE c.rule_id = ANY (v_maestras))
       AND (m.fecha <> v_dia_maestra
            OR (v_alcance IS NULL AND m.fecha BETWEEN p_fecha_inicio AND p_fecha_fin)
            OR (v_alcance IS NOT NULL
                AND EXISTS (SELECT 1 FROM bp010_dq_dias d WHERE d.well_id = m.well_id AND d.fecha = m.fecha)));
    INSERT INTO reporting.fact_dq_maestra_pozo AS m
           (well_id, fecha, rule_ids, evaluated, passed, failed, not_evaluated, run_ids, updated_ats)
    -- (the arrays in rule order from a sorted subquery: an ordered aggregate sorts each well's 10 rows seven times over;
    -- bp010_dq_conteo holds one row per well and master rule, step 2, so nothing is summed again)
    SELECT x.well_id, v_dia_maestra, array_agg(x.rule_id), array_agg(x.evaluated), array_agg(x.passed), array_agg(x.failed),
           array_agg(x.not_evaluated), array_agg(x.run_id), array_agg(x.updated_at)
      FROM (SELECT n.well_id, n.rule_id, n.evaluated, n.passed, n.failed, n.not_evaluated,
                   coalesce(o.run_id, b.run_id, v_run) AS run_id, coalesce(o.updated_at, b.updated_at, now()) AS updated_at,
                   o.well_id IS NOT NULL AS igual
              FROM (SELECT c.well_id, c.rule_id, c.evaluated, c.passed, c.failed, c.not_evaluated
                      FROM bp010_dq_conteo c
                     WHERE c.rule_id = ANY (v_maestras)) n
              -- the same count of the same rule on the same day: unchanged
              LEFT JOIN (SELECT m.well_id, u.rule_id, u.e, u.p, u.f, u.n, u.run_id, u.updated_at
                           FROM reporting.fact_dq_maestra_pozo m
                          CROSS JOIN LATERAL unnest(m.rule_ids, m.evaluated, m.passed, m.failed, m.not_evaluated,
                                                    m.run_ids, m.updated_ats) u(rule_id, e, p, f, n, run_id, updated_at)
                          WHERE m.fecha = v_dia_maestra AND (p_well_id IS NULL OR m.well_id = p_well_id)) o
                ON o.well_id = n.well_id AND o.rule_id = n.rule_id AND o.e = n.evaluated AND o.p = n.passed
               AND o.f = n.failed AND o.n = n.not_evaluated
              -- a count written before V22 in reporting.fact_dq_diaria_base that did not change keeps its run too
              LEFT JOIN reporting.fact_dq_diaria_base b
                ON b.well_id = n.well_id AND b.fecha = v_dia_maestra AND b.rule_id = n.rule_id
               AND b.evaluated = n.evaluated AND b.passed = n.passed AND b.failed = n.failed
               AND b.not_evaluated = n.not_evaluated
             ORDER BY n.well_id, n.rule_id) x
     GROUP BY x.well_id
    -- (a stored row holds active master rules only, step 5a: all of them unchanged means the same row)
    HAVING NOT bool_and(x.igual)
    ON CONFLICT (well_id) DO UPDATE
       SET fecha = EXCLUDED.fecha, rule_ids = EXCLUDED.rule_ids, evaluated = EXCLUDED.evaluated,
           passed = EXCLUDED.passed, failed = EXCLUDED.failed, not_evaluated = EXCLUDED.not_evaluated,
           run_ids = EXCLUDED.run_ids, updated_ats = EXCLUDED.updated_ats;
    DELETE FROM reporting.fact_dq_diaria_base f
     WHERE f.fecha = v_dia_maestra AND f.rule_id = ANY (v_maestras)
       AND (f.well_id, f.rule_id) IN (SELECT c.well_id, c.rule_id FROM bp010_dq_conteo c);

    -- ... and each well's score over this window.
    INSERT INTO reporting.dataset_dq_score_pozo AS s
           (well_id, evaluated, passed, failed, not_evaluated, score, ventana_desde, ventana_hasta, run_id)
    SELECT well_id, sum(evaluated), sum(passed), sum(failed), sum(not_evaluated),
           sum(passed)::double precision / nullif(sum(evaluated), 0), p_fecha_inicio, p_fecha_fin, v_run
      FROM (SELECT c.well_id, c.evaluated, c.passed, c.failed, c.not_evaluated FROM bp010_dq_conteo c
            UNION ALL
            SELECT s.well_id, (SELECT sum(x) FROM unnest(s.ev) x), (SELECT sum(x) FROM unnest(s.pa) x),
                   (SELECT sum(x) FROM unnest(s.fa) x), (SELECT sum(x) FROM unnest(s.ne) x)
              FROM bp010_dq_sumas s) c
     GROUP BY well_id
    HAVING sum(evaluated) <> 0 OR sum(passed) <> 0 OR sum(failed) <> 0 OR sum(not_evaluated) <> 0
    ON CONFLICT (well_id) DO UPDATE
       SET evaluated = EXCLUDED.evaluated, passed = EXCLUDED.passed, failed = EXCLUDED.failed,
           not_evaluated = EXCLUDED.not_evaluated, score = EXCLUDED.score, ventana_desde = EXCLUDED.ventana_desde,
           ventana_hasta = EXCLUDED.ventana_hasta, run_id = EXCLUDED.run_id, updated_at = now()
     WHERE (s.evaluated, s.passed, s.failed, s.not_evaluated, s.ventana_desde, s.ventana_hasta)
           IS DISTINCT FROM (EXCLUDED.evaluated, EXCLUDED.passed, EXCLUDED.failed, EXCLUDED.not_evaluated,
                             EXCLUDED.ventana_desde, EXCLUDED.ventana_hasta);

    -- Notices a person reads in the run's response: the totals, and each rule that failed with its wells (read from
    -- the run's totals, no work table: each one is created and dropped in the catalogue at every call).
    SELECT coalesce(sum(c.evaluated), 0) AS evaluated, coalesce(sum(c.passed), 0) AS passed,
           coalesce(sum(c.failed), 0) AS failed, coalesce(sum(c.not_evaluated), 0) AS not_evaluated
      INTO v_total
      FROM bp010_dq_totales c;
    RAISE NOTICE 'DQ % .. % (wells: %): % of % active rule(s) executable, % evaluated, % passed, % failed, % not evaluated, score %',
        p_fecha_inicio, p_fecha_fin, coalesce(p_well_id, 'all'),
        (SELECT count(*) FROM bp010_dq_reglas WHERE no_evaluable IS NULL), (SELECT count(*) FROM bp010_dq_reglas),
        v_total.evaluated, v_total.passed, v_total.failed, v_total.not_evaluated,
        coalesce(round(v_total.passed::numeric / nullif(v_total.evaluated, 0), 4)::text, 'n/a');
    FOR v_regla IN SELECT c.rule_id, r.nombre_tecnico, c.failed, c.evaluated,
                          (SELECT count(DISTINCT w.well_id)
                             FROM (SELECT k.well_id FROM bp010_dq_conteo k WHERE k.rule_id = c.rule_id AND k.failed > 0
                                   UNION ALL
                                   SELECT s.well_id FROM bp010_dq_sumas s
                                    WHERE s.fa[array_position(v_reglas, c.rule_id)] > 0) w) AS pozos
                     FROM (SELECT t.rule_id, sum(t.evaluated) AS evaluated, sum(t.failed) AS failed
                             FROM bp010_dq_totales t
                            GROUP BY t.rule_id
                           HAVING sum(t.failed) > 0) c
                     JOIN bp010_dq_reglas r USING (rule_id)
                    ORDER BY c.rule_id LOOP
        RAISE NOTICE 'DQ rule % (%): % failure(s) of % evaluated, in % well(s)',
            v_regla.rule_id, v_regla.nombre_tecnico, v_regla.failed, v_regla.evaluated, v_regla.pozos;
    END LOOP;
END
$$;
COMMENT ON PROCEDURE stage.sp_execute_dq_validation(date, date, text, uuid, timestamptz) IS
    'Phase 3: every active DQ rule over the window (calendar days in the session time zone, both inclusive) and well (NULL = all; an incremental run: its scope''s hours); failures in stage.tbl_pozo_scada_dq (latest verdict), counts in stage.tbl_dq_run_summary (run_id NULL: a new uuid), reporting.fact_dq_horaria, reporting.fact_dq_diaria and reporting.dataset_dq_score_pozo. p_as_of is accepted for the pipeline contract: no verdict depends on the clock (latency is measured against the source''s receive time)';
