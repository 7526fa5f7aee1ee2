-- BP010 family 5 (docs/SEED.md: V8 evaluacion semaforos reporting): phase 5 step 2, the semaphores, and phase 6, the defaults.
--
-- reporting.aplicar_evaluacion_universal(p_run_id, p_as_of, p_solo_cambios): for every variable of
-- referencial.tbl_limites_pozo that has a <variable> and a <variable>_status column in reporting.dataset_current_values
-- (checked in pg_catalog, quoted with %I), ONE UPDATE writes <variable>_status of the wells it judges, following the
-- order of docs/CONTRACTS.md §6 (first match wins):
--   0 no value
--   9 stale: <variable>_ts (else fecha_hora_ultima_lectura) older than p_as_of minus the offline allowance
--     (referencial.config_evaluacion 'offline_allowance_min', a per-variable row overrides the global one; 120)
--   8 the latest reading failed its active DQ REPRESENTATIVIDAD rule (a FAIL row of stage.tbl_pozo_scada_dq for that
--     rule, well and timestamp_lectura = <variable>_ts)
--   1, 2, 7, 6, 3, 5, 4 from referencial.fnc_evaluar_variable with the well's effective limits (per-well fields of
--     tbl_limites_pozo over the all-wells row) and tolerance (the limits row's tolerancia_pct, else config_evaluacion
--     'tolerancia_pct' for the variable, else the global one, else 5)
-- and, in the same statement, the well's estado_operativo from its worst variable (catalogo_status.estado_operativo
-- ranked by tbl_ref_estados_operativos.prioridad: CRITICAL > OFFLINE > WARNING > NORMAL > UNKNOWN; ties by the code's
-- severidad_orden, then variable name), peor_variable, peor_status, n_variables_alerta (codes 1, 2, 6, 7, 8, 9),
-- n_variables_criticas (state CRITICAL: codes 1, 7, 8) and evaluado_en = p_as_of. Then ONE statement keeps
-- reporting.fact_alertas (tipo SEMAFORO) of those wells: a row opens when a variable enters codes 1, 2, 6, 7, 8, 9, is
-- updated while it stays in them (code, severity, value; actualizada_en = when they last changed) and closes
-- (vigente false, cerrada_en) when it leaves. Times are p_as_of, so a rerun with the same asOf changes nothing.
--
-- Which wells are judged (the result always equals judging every well; SemaphoreIncrementalIT checks it):
--   * every well when called by hand (p_run_id NULL), by a run without a scope (an explicit window) unless
--     p_solo_cambios, at the first call, after the procedure was redefined, or when the reference rows it reads changed
--     (limits, evaluation settings, REPRESENTATIVIDAD rules, status catalogue, state priorities, the variables judged,
--     fnc_evaluar_variable: their md5 is kept in reporting.huella_paso, paso 'semaforos');
--   * otherwise (an incremental run, or p_solo_cambios: the runner's staleness refresh of a run with nothing new) only
--     the wells whose inputs can have changed: the run's scope wells (new readings, their DQ verdicts), every well whose
--     current-values row was written since the previous call (updated_at, any writer), wells never judged, and the
--     wells whose staleness flips - one set-based pass over every well compares each variable's class (0 no value, 9
--     stale, else judged) with its stored code. A well none of these hold for keeps its codes (its inputs are those of
--     its last judgement, and only the staleness depends on p_as_of); its evaluado_en moves to p_as_of.

DROP PROCEDURE IF EXISTS reporting.aplicar_evaluacion_universal(uuid, timestamptz);

CREATE OR REPLACE PROCEDURE reporting.aplicar_evaluacion_universal(
    p_run_id       uuid DEFAULT NULL,
    p_as_of        timestamptz DEFAULT now(),
    p_solo_cambios boolean DEFAULT false)
LANGUAGE plpgsql
SET jit = off
SET work_mem = '64MB'
AS $proc$
DECLARE
    v_as_of     constant timestamptz := coalesce(p_as_of, now());
    v_alcance   constant uuid := reporting.fnc_alcance_de(p_run_id);
    v_var       record;
    v_vars      text[] := '{}';
    v_unpivot   text := '';
    v_agg       text := '';
    v_set       text := '';
    v_clases    text := '';
    v_sql       text;
    v_huella    text;
    v_previa    reporting.huella_paso%ROWTYPE;
    v_completa  boolean;
    v_juzgados  bigint;
    v_pozos     bigint;
    v_resumen   text;
    v_abiertas  bigint;
    v_seguidas  bigint;
    v_cerradas  bigint;
BEGIN
    -- Variables to evaluate: in the limits catalogue, with a numeric value column and a status column; the time of
    -- the variable's latest reading is <variable>_ts when that column exists. offline_min: its offline allowance.
    FOR v_var IN
        SELECT l.nombre_tecnico AS variable,
               EXISTS (SELECT 1 FROM reporting.fnc_columnas('reporting', 'dataset_current_values') t
                        WHERE t.column_name = l.nombre_tecnico || '_ts'
                          AND t.data_type = 'timestamp with time zone') AS tiene_ts,
               coalesce((SELECT c.valor_num FROM referencial.config_evaluacion c
                          WHERE c.clave = 'offline_allowance_min' AND c.nombre_tecnico = l.nombre_tecnico),
                        (SELECT c.valor_num FROM referencial.config_evaluacion c
                          WHERE c.clave = 'offline_allowance_min' AND c.nombre_tecnico IS NULL), 120) AS offline_min
          FROM (SELECT DISTINCT nombre_tecnico FROM referencial.tbl_limites_pozo) l
         WHERE EXISTS (SELECT 1 FROM reporting.fnc_columnas('reporting', 'dataset_current_values') c
                        WHERE c.column_name = l.nombre_tecnico
                          AND c.data_type IN ('double precision', 'real', 'numeric', 'integer', 'bigint', 'smallint'))
           AND EXISTS (SELECT 1 FROM reporting.fnc_columnas('reporting', 'dataset_current_values') s
                        WHERE s.column_name = l.nombre_tecnico || '_status'
                          AND s.data_type IN ('smallint', 'integer'))
         ORDER BY l.nombre_tecnico
    LOOP
        v_vars    := v_vars || v_var.variable;
        v_unpivot := v_unpivot || CASE WHEN v_unpivot = '' THEN '' ELSE ', ' END
                     || format('(%L, d.%I::double precision, %s)', v_var.variable, v_var.variable,
                               CASE WHEN v_var.tiene_ts THEN format('d.%I', v_var.variable || '_ts')
                                    ELSE 'd.fecha_hora_ultima_lectura' END);
        v_agg     := v_agg || format(', max(r.codigo) FILTER (WHERE r.variable = %L) AS %I',
                                     v_var.variable, v_var.variable || '_status');
        v_set     := v_set || format('%I = a.%I, ', v_var.variable || '_status', v_var.variable || '_status');
        -- the variable's class now (0 no value, 9 stale, -1 judged by its value) against its stored code's class
        v_clases  := v_clases || CASE WHEN v_clases = '' THEN '' ELSE E'\n               OR ' END
                     || format('(CASE WHEN d.%1$I IS NULL THEN 0 WHEN %2$s < $1 - make_interval(secs => %3$L::double precision * 60)'
                               ' THEN 9 ELSE -1 END) IS DISTINCT FROM (CASE WHEN d.%4$I IN (0, 9) THEN d.%4$I::integer'
                               ' WHEN d.%4$I IS NOT NULL THEN -1 END)',
                               v_var.variable,
                               CASE WHEN v_var.tiene_ts THEN format('d.%I', v_var.variable || '_ts')
                                    ELSE 'd.fecha_hora_ultima_lectura' END,
                               v_var.offline_min, v_var.variable || '_status');
    END LOOP;

    IF cardinality(v_vars) = 0 THEN
        RAISE NOTICE 'aplicar_evaluacion_universal: no variable of tbl_limites_pozo has a value and a status column in dataset_current_values; nothing evaluated';
        RETURN;
    END IF;

    -- The reference rows a judgement reads (only the columns it reads), and the variables judged.
    SELECT md5(concat_ws(E'\n',
               (SELECT string_agg(ROW(l.well_id, l.nombre_tecnico, l.min_critical, l.min_warning, l.max_warning,
                                      l.max_critical, l.target, l.tolerancia_pct)::text, ';'
                                  ORDER BY l.nombre_tecnico, l.well_id NULLS FIRST)
                  FROM referencial.tbl_limites_pozo l),
               (SELECT string_agg(ROW(c.clave, c.nombre_tecnico, c.valor_num)::text, ';'
                                  ORDER BY c.clave, c.nombre_tecnico NULLS FIRST)
                  FROM referencial.config_evaluacion c WHERE c.clave IN ('tolerancia_pct', 'offline_allowance_min')),
               (SELECT string_agg(ROW(r.rule_id, r.tipo, r.activa, r.nombre_tecnico)::text, ';' ORDER BY r.rule_id)
                  FROM referencial.tbl_dq_rules r),
               (SELECT string_agg(ROW(s.codigo, s.estado_operativo, s.severidad_orden)::text, ';' ORDER BY s.codigo)
                  FROM referencial.catalogo_status s),
               (SELECT string_agg(ROW(e.codigo, e.prioridad)::text, ';' ORDER BY e.codigo)
                  FROM referencial.tbl_ref_estados_operativos e),
               (SELECT md5(p.prosrc) FROM pg_proc p
                 WHERE p.oid = 'referencial.fnc_evaluar_variable(double precision, double precision, double precision, double precision, double precision, double precision, double precision)'::regprocedure),
               v_unpivot))
      INTO v_huella;
    SELECT * INTO v_previa FROM reporting.huella_paso WHERE paso = 'semaforos';
    v_completa := p_run_id IS NULL OR (v_alcance IS NULL AND NOT coalesce(p_solo_cambios, false))
                  OR v_previa.huella IS DISTINCT FROM v_huella;

    IF to_regclass('pg_temp.bp010_sem_pozos') IS NOT NULL THEN
        DROP TABLE pg_temp.bp010_sem_pozos;
    END IF;
    CREATE TEMP TABLE bp010_sem_pozos (well_id text PRIMARY KEY) ON COMMIT DROP;
    IF v_completa THEN
        INSERT INTO bp010_sem_pozos SELECT d.well_id FROM reporting.dataset_current_values d;
    ELSE
        EXECUTE format($sql$
            INSERT INTO bp010_sem_pozos
            SELECT d.well_id
              FROM reporting.dataset_current_values d
             WHERE d.evaluado_en IS NULL OR d.updated_at >= $2
                OR EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a WHERE a.run_id = $3 AND a.well_id = d.well_id)
                OR %s
            $sql$, v_clases)
        USING v_as_of, v_previa.ejecutado_en, v_alcance;
    END IF;
    GET DIAGNOSTICS v_juzgados = ROW_COUNT;
    ANALYZE bp010_sem_pozos;

    v_sql := format($sql$
        WITH lecturas AS (
            SELECT d.well_id, u.variable, u.valor, u.ts
              FROM reporting.dataset_current_values d
              JOIN bp010_sem_pozos w ON w.well_id = d.well_id
             CROSS JOIN LATERAL (VALUES %1$s) AS u(variable, valor, ts)
        ), limites AS (
            SELECT l.*,
                   coalesce(p.min_critical, g.min_critical) AS min_critical,
                   coalesce(p.min_warning, g.min_warning) AS min_warning,
                   coalesce(p.max_warning, g.max_warning) AS max_warning,
                   coalesce(p.max_critical, g.max_critical) AS max_critical,
                   coalesce(p.target, g.target) AS target,
                   coalesce(p.tolerancia_pct, g.tolerancia_pct, tv.valor_num, tg.valor_num, 5) AS tolerancia_pct,
                   coalesce(ov.valor_num, og.valor_num, 120) AS offline_min
              FROM lecturas l
              LEFT JOIN referencial.tbl_limites_pozo g ON g.well_id IS NULL AND g.nombre_tecnico = l.variable
              LEFT JOIN referencial.tbl_limites_pozo p ON p.well_id = l.well_id AND p.nombre_tecnico = l.variable
              LEFT JOIN referencial.config_evaluacion tv
                     ON tv.clave = 'tolerancia_pct' AND tv.nombre_tecnico = l.variable
              LEFT JOIN referencial.config_evaluacion tg
                     ON tg.clave = 'tolerancia_pct' AND tg.nombre_tecnico IS NULL
              LEFT JOIN referencial.config_evaluacion ov
                     ON ov.clave = 'offline_allowance_min' AND ov.nombre_tecnico = l.variable
              LEFT JOIN referencial.config_evaluacion og
                     ON og.clave = 'offline_allowance_min' AND og.nombre_tecnico IS NULL
        ), codigos AS MATERIALIZED (
            -- materialized: each code is computed once, not once per aggregate that reads it
            SELECT l.well_id, l.variable,
                   (CASE
                        WHEN l.valor IS NULL THEN 0
                        WHEN l.ts < $2 - make_interval(secs => l.offline_min * 60) THEN 9
                        WHEN EXISTS (SELECT 1
                                       FROM stage.tbl_pozo_scada_dq q
                                       JOIN referencial.tbl_dq_rules dr ON dr.rule_id = q.rule_id
                                      WHERE q.well_id = l.well_id AND q.timestamp_lectura = l.ts
                                        AND q.resultado = 'FAIL' AND dr.tipo = 'REPRESENTATIVIDAD' AND dr.activa
                                        AND dr.nombre_tecnico = l.variable) THEN 8
                        ELSE referencial.fnc_evaluar_variable(l.valor, l.min_critical, l.min_warning,
                                 l.max_warning, l.max_critical, l.target, l.tolerancia_pct)
                    END)::smallint AS codigo
              FROM limites l
        ), rangos AS (
            SELECT c.*, s.estado_operativo, s.severidad_orden, e.prioridad
              FROM codigos c
              JOIN referencial.catalogo_status s ON s.codigo = c.codigo
              JOIN referencial.tbl_ref_estados_operativos e ON e.codigo = s.estado_operativo
        ), a AS (
            -- the worst variable's state, name and code by one ordered aggregate (one sort per well, not three);
            -- the code travels as text and back, exactly
            SELECT r.well_id %2$s,
                   (array_agg(ARRAY[r.estado_operativo, r.variable, r.codigo::text]
                              ORDER BY r.prioridad DESC, r.severidad_orden DESC, r.variable)) AS peor,
                   count(*) FILTER (WHERE r.codigo IN (1, 2, 6, 7, 8, 9))::integer AS n_variables_alerta,
                   count(*) FILTER (WHERE r.estado_operativo = 'CRITICAL')::integer AS n_variables_criticas
              FROM rangos r
             GROUP BY r.well_id
        )
        UPDATE reporting.dataset_current_values d
           SET %3$s
               estado_operativo = a.peor[1][1],
               peor_variable = CASE WHEN a.peor[1][1] = 'UNKNOWN' THEN NULL ELSE a.peor[1][2] END,
               peor_status = a.peor[1][3]::smallint,
               n_variables_alerta = a.n_variables_alerta,
               n_variables_criticas = a.n_variables_criticas,
               evaluado_en = $2
          FROM a
         WHERE d.well_id = a.well_id
        $sql$, v_unpivot, v_agg, v_set);
    EXECUTE v_sql USING p_run_id, v_as_of;
    GET DIAGNOSTICS v_pozos = ROW_COUNT;

    -- The wells not judged again: their codes stand, judged as of p_as_of.
    IF NOT v_completa THEN
        UPDATE reporting.dataset_current_values d
           SET evaluado_en = v_as_of
         WHERE d.evaluado_en IS DISTINCT FROM v_as_of
           AND NOT EXISTS (SELECT 1 FROM bp010_sem_pozos w WHERE w.well_id = d.well_id);
    END IF;

    -- Alert history (one statement): the variables of the judged wells now at an alert code, against their live
    -- SEMAFORO rows (and those of wells no longer in the current values, which close).
    v_sql := format($sql$
        WITH actuales AS (
            SELECT d.well_id, u.variable, u.codigo, u.valor, s.estado_operativo AS severidad
              FROM reporting.dataset_current_values d
              JOIN bp010_sem_pozos w ON w.well_id = d.well_id
             CROSS JOIN LATERAL (VALUES %1$s) AS u(variable, codigo, valor)
              JOIN referencial.catalogo_status s ON s.codigo = u.codigo
             WHERE u.codigo IN (1, 2, 6, 7, 8, 9)
        ), cerradas AS (
            UPDATE reporting.fact_alertas f
               SET vigente = false, cerrada_en = $2, actualizada_en = $2, run_id = coalesce($1, f.run_id)
             WHERE f.vigente AND f.tipo = 'SEMAFORO'
               AND (EXISTS (SELECT 1 FROM bp010_sem_pozos w WHERE w.well_id = f.well_id)
                    OR NOT EXISTS (SELECT 1 FROM reporting.dataset_current_values d WHERE d.well_id = f.well_id))
               -- (NOT IN, both sides NOT NULL: the same rows as NOT EXISTS, but a hashed subplan whatever the
               -- estimate of live alerts; as an anti-join it was a nested loop, 580 alerts x 367 rows, 100 ms)
               AND (f.well_id, f.referencia) NOT IN (SELECT a.well_id, a.variable FROM actuales a)
            RETURNING 1
        ), seguidas AS (
            UPDATE reporting.fact_alertas f
               SET codigo_status = a.codigo, severidad = a.severidad, valor = a.valor, actualizada_en = $2,
                   run_id = coalesce($1, f.run_id)
              FROM actuales a
             WHERE f.vigente AND f.tipo = 'SEMAFORO' AND f.well_id = a.well_id AND f.referencia = a.variable
               AND (f.codigo_status, f.severidad, f.valor) IS DISTINCT FROM (a.codigo, a.severidad, a.valor)
            RETURNING 1
        ), abiertas AS (
            INSERT INTO reporting.fact_alertas (well_id, tipo, referencia, codigo_status, severidad, valor,
                                                abierta_en, actualizada_en, vigente, run_id)
            SELECT a.well_id, 'SEMAFORO', a.variable, a.codigo, a.severidad, a.valor, $2, $2, true, $1
              FROM actuales a
             WHERE NOT EXISTS (SELECT 1 FROM reporting.fact_alertas f
                                WHERE f.vigente AND f.tipo = 'SEMAFORO' AND f.well_id = a.well_id
                                  AND f.referencia = a.variable)
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM abiertas), (SELECT count(*) FROM seguidas), (SELECT count(*) FROM cerradas)
        $sql$,
        (SELECT string_agg(format('(%L, d.%I, d.%I::double precision)', v, v || '_status', v), ', ' ORDER BY v)
           FROM unnest(v_vars) v));
    EXECUTE v_sql INTO v_abiertas, v_seguidas, v_cerradas USING p_run_id, v_as_of;

    INSERT INTO reporting.huella_paso AS h (paso, huella, ejecutado_en)
    VALUES ('semaforos', v_huella, now())
    ON CONFLICT (paso) DO UPDATE SET huella = EXCLUDED.huella, ejecutado_en = EXCLUDED.ejecutado_en;

    SELECT string_agg(format('%s %s', e.codigo, coalesce(n.n, 0)), ', ' ORDER BY e.prioridad DESC)
      INTO v_resumen
      FROM referencial.tbl_ref_estados_operativos e
      LEFT JOIN (SELECT estado_operativo, count(*) AS n FROM reporting.dataset_current_values
                  WHERE evaluado_en = v_as_of GROUP BY estado_operativo) n ON n.estado_operativo = e.codigo;

    RAISE NOTICE 'aplicar_evaluacion_universal: % wells x % variables judged (%) as of %; states: %; alerts opened %, changed %, closed %',
        v_pozos, cardinality(v_vars),
        CASE WHEN v_completa THEN 'every well' ELSE 'the wells whose inputs or staleness changed' END,
        v_as_of, v_resumen, v_abiertas, v_seguidas, v_cerradas;
END
$proc$;

COMMENT ON PROCEDURE reporting.aplicar_evaluacion_universal(uuid, timestamptz, boolean) IS
    'Phase 5.2: semaphore codes 0-9 (docs/CONTRACTS.md §6 order) of every limited variable, the well''s operational state from its worst variable, and the SEMAFORO alert history; every well, or in an incremental run (or p_solo_cambios) the wells whose inputs or staleness changed - the same result';

-- A new definition judges every well at its next call.
DELETE FROM reporting.huella_paso WHERE paso = 'semaforos';


-- reporting.sp_populate_defaults() (phase 6): baselines and missing configuration from referencial.tbl_config_kpi and
-- the evaluation defaults, never overwriting a value an operator set - only NULLs, and values this procedure itself
-- wrote before (rows with fuente = 'default', dim_pozo.fuente_targets_kpi entries 'DEFAULT'):
--   1. referencial.config_evaluacion: the evaluation settings and constants that are missing are inserted (existing
--      rows are left alone).
--   2. referencial.tbl_config_kpi: baseline = target where the baseline is NULL.
--   3. referencial.tbl_limites_pozo: baseline = target where the baseline is NULL, and kept equal to the target on
--      rows with fuente = 'default'.
--   4. reporting.dim_pozo: target_kwh_por_bbl and target_eficiencia_bomba_pct from the all-wells rows of tbl_config_kpi
--      ('kwh_por_bbl', 'eficiencia_volumetrica_pct') where NULL or previously filled by default (so a changed default
--      reaches every well it applies to); a value set by an operator or a per-well KPI row is never touched.
-- tbl_limites_pozo.tolerancia_pct stays NULL on purpose: the evaluation then follows the configured default. The
-- baselines of 2. and 3. mark their wells for the dimension sync (R__34): the sync follows in this call when they did.
CREATE OR REPLACE PROCEDURE reporting.sp_populate_defaults()
LANGUAGE plpgsql
AS $proc$
DECLARE
    v_config    bigint;
    v_kpi       bigint;
    v_limites   bigint;
    v_pozos     bigint;
BEGIN
    INSERT INTO referencial.config_evaluacion (clave, nombre_tecnico, valor_num, valor_texto, descripcion)
    VALUES ('tolerancia_pct',        NULL, 5,      NULL,  'Band around the target counted as OPTIMO, percent of target'),
           ('offline_allowance_min', NULL, 120,    NULL,  'Minutes without a reading before a variable is SIN_COMUNICACION (per-variable rows override)'),
           ('gradiente_psi_ft',      NULL, 0.433,  NULL,  'Fresh-water pressure gradient, psi/ft per unit SG'),
           ('constante_bomba',       NULL, 0.1166, NULL,  'Pump displacement constant k in PD = k*D^2*S*N (bbl/d)'),
           ('factor_flotacion',      NULL, 0.128,  NULL,  'Buoyancy factor for steel rods: Wrf = Wr_air*(1 - factor*SG)'),
           ('hhp_definicion',        NULL, NULL,   'AUTO', 'Hydraulic horsepower: AUTO (pressure form where PIP exists, else API with L_net = FL + (Pt - Pc)/(0.433*SGm)), PRESION or API'),
           ('completitud_minima',    NULL, 0.9,    NULL,  'Share of a period''s hours (a month: of its days) with data for the period to count as complete')
    ON CONFLICT (clave, nombre_tecnico) DO NOTHING;
    GET DIAGNOSTICS v_config = ROW_COUNT;

    UPDATE referencial.tbl_config_kpi k
       SET baseline = k.target, updated_at = now()
     WHERE k.baseline IS NULL AND k.target IS NOT NULL;
    GET DIAGNOSTICS v_kpi = ROW_COUNT;

    UPDATE referencial.tbl_limites_pozo l
       SET baseline = l.target, updated_at = now()
     WHERE l.target IS NOT NULL
       AND (l.baseline IS NULL OR (l.fuente = 'default' AND l.baseline IS DISTINCT FROM l.target));
    GET DIAGNOSTICS v_limites = ROW_COUNT;

    WITH defecto AS (
        SELECT max(k.target) FILTER (WHERE k.kpi = 'kwh_por_bbl') AS kwh,
               max(k.target) FILTER (WHERE k.kpi = 'eficiencia_volumetrica_pct') AS eficiencia
          FROM referencial.tbl_config_kpi k
         WHERE k.well_id IS NULL
    ), nuevos AS (
        SELECT p.well_id,
               CASE WHEN p.target_kwh_por_bbl IS NULL OR p.fuente_targets_kpi ->> 'target_kwh_por_bbl' = 'DEFAULT'
                    THEN d.kwh ELSE p.target_kwh_por_bbl END AS kwh,
               CASE WHEN p.target_kwh_por_bbl IS NULL OR p.fuente_targets_kpi ->> 'target_kwh_por_bbl' = 'DEFAULT'
                    THEN true ELSE false END AS kwh_defecto,
               CASE WHEN p.target_eficiencia_bomba_pct IS NULL
                      OR p.fuente_targets_kpi ->> 'target_eficiencia_bomba_pct' = 'DEFAULT'
                    THEN d.eficiencia ELSE p.target_eficiencia_bomba_pct END AS eficiencia,
               CASE WHEN p.target_eficiencia_bomba_pct IS NULL
                      OR p.fuente_targets_kpi ->> 'target_eficiencia_bomba_pct' = 'DEFAULT'
                    THEN true ELSE false END AS eficiencia_defecto
          FROM reporting.dim_pozo p
         CROSS JOIN defecto d
    ), fuentes AS (
        SELECT n.*,
               (p.fuente_targets_kpi - 'target_kwh_por_bbl' - 'target_eficiencia_bomba_pct')
               || CASE WHEN n.kwh_defecto AND n.kwh IS NOT NULL THEN '{"target_kwh_por_bbl": "DEFAULT"}'::jsonb
                       WHEN p.fuente_targets_kpi ? 'target_kwh_por_bbl' AND NOT n.kwh_defecto
                       THEN jsonb_build_object('target_kwh_por_bbl', p.fuente_targets_kpi -> 'target_kwh_por_bbl')
                       ELSE '{}'::jsonb END
               || CASE WHEN n.eficiencia_defecto AND n.eficiencia IS NOT NULL
                       THEN '{"target_eficiencia_bomba_pct": "DEFAULT"}'::jsonb
                       WHEN p.fuente_targets_kpi ? 'target_eficiencia_bomba_pct' AND NOT n.eficiencia_defecto
                       THEN jsonb_build_object('target_eficiencia_bomba_pct',
                                               p.fuente_targets_kpi -> 'target_eficiencia_bomba_pct')
                       ELSE '{}'::jsonb END AS fuente
          FROM nuevos n
          JOIN reporting.dim_pozo p ON p.well_id = n.well_id
    )
    UPDATE reporting.dim_pozo p
       SET target_kwh_por_bbl = f.kwh, target_eficiencia_bomba_pct = f.eficiencia, fuente_targets_kpi = f.fuente,
           updated_at = now()
      FROM fuentes f
     WHERE p.well_id = f.well_id
       AND (p.target_kwh_por_bbl, p.target_eficiencia_bomba_pct, p.fuente_targets_kpi)
           IS DISTINCT FROM (f.kwh, f.eficiencia, f.fuente);
    GET DIAGNOSTICS v_pozos = ROW_COUNT;

    RAISE NOTICE 'sp_populate_defaults: % evaluation settings added, % KPI baselines, % limit baselines, % wells'' KPI targets filled from defaults',
        v_config, v_kpi, v_limites, v_pozos;

    -- The baselines written above marked their wells for the dimension sync (dim_pozo.limites carries them): the sync
    -- of phase 5 ran before, so it runs again now, rather than leaving those marks to the next run (which, without
    -- new readings, would have only them to apply).
    IF EXISTS (SELECT 1 FROM reporting.dimensiones_pendientes p WHERE p.xid = pg_current_xact_id_if_assigned()) THEN
        CALL reporting.sp_sync_dim_pozo_targets();
    END IF;
END
$proc$;

COMMENT ON PROCEDURE reporting.sp_populate_defaults() IS
    'Phase 6: missing evaluation settings, KPI and limit baselines, and dim_pozo KPI targets from the all-wells tbl_config_kpi rows; never overwrites an operator''s value (only NULLs and values it wrote itself)';
