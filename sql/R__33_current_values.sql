-- BP010 phase 4 (docs/SEED.md: V6 stored procedures v4 compatible): reporting.actualizar_current_values_v4, the zero-calc
-- snapshot. Per well: the latest non-null value of every numeric stage column (raw: a value that failed its DQ range
-- rule stays visible, phase 5 marks it 8 = FUERA_DE_RANGO_FISICO), fecha_hora_ultima_lectura (the latest reading of any
-- variable) and, for each variable with a <variable>_ts column (the 17 variables with limits), the time of that
-- variable's latest non-null reading. Set-based: one aggregate pass finds, per well and column, the time of the latest
-- non-null value; the values are then read from the latest row, or by primary key where a column's latest value is
-- older. Only the snapshot's own columns are written (statuses, derived values and ML columns belong to phase 5).
--
-- Which readings are read:
--   * called by hand (no run, or a run not in reporting.pipeline_runs): every reading of every well - exact, at the
--     cost of all history;
--   * in a pipeline run: the run's window start (reporting.pipeline_runs.ventana_desde; a run with a well reads that
--     well only): per well, the readings from least(window start, the snapshot's fecha_hora_ultima_lectura) on, for
--     wells with such readings, and all the readings of wells without a snapshot row. A column with no non-null value
--     in that range keeps its snapshot value, which came from an older reading (readings older than the window did not
--     change: the run's window covers every day touched since the last run). One case is not seen: a value revised to
--     NULL inside the window keeps the older snapshot value until the next call by hand;
--   * in an incremental run (a scope in reporting.pipeline_run_alcance): only the scope's wells, each from the start
--     of its earliest scope range (every reading pivoted since the last complete run lies in a range, so nothing
--     before it changed), plus any well whose snapshot is older than its latest reading and the wells without a
--     snapshot (from all their history) - the same rows as reading from the window start, at the cost of the new hour.

-- Numeric stage columns that dataset_current_values carries under the same name (counters included: they are values).
CREATE OR REPLACE FUNCTION reporting.fnc_columnas_current_values()
RETURNS TABLE (columna text, columna_ts text)
LANGUAGE sql STABLE
AS $$
    SELECT s.column_name, ts.column_name
      FROM reporting.fnc_columnas('stage', 'tbl_pozo_produccion') s
      JOIN reporting.fnc_columnas('reporting', 'dataset_current_values') c
        ON c.column_name = s.column_name AND c.data_type = 'double precision'
      LEFT JOIN reporting.fnc_columnas('reporting', 'dataset_current_values') ts
        ON ts.column_name = s.column_name || '_ts' AND ts.data_type = 'timestamp with time zone'
     WHERE s.data_type = 'double precision'
     ORDER BY s.ordinal_position
$$;
COMMENT ON FUNCTION reporting.fnc_columnas_current_values() IS
    'Numeric stage columns kept in reporting.dataset_current_values, with the name of their <column>_ts column when it has one';

-- (an earlier draft took a second argument; one signature only, so that CALL ...(uuid) is never ambiguous)
DROP PROCEDURE IF EXISTS reporting.actualizar_current_values_v4(uuid, timestamptz);

CREATE OR REPLACE PROCEDURE reporting.actualizar_current_values_v4(p_run_id uuid DEFAULT NULL)
LANGUAGE plpgsql
SET jit = off
AS $$
DECLARE
    v_desde   timestamptz;
    v_well    text;
    v_alcance constant uuid := reporting.fnc_alcance_de(p_run_id);
    v_cols    text[];
    v_cols_ts text[];
    v_max     text;
    v_valores text;
    v_ts      text;
    v_lista   text;
    v_set     text;
    v_t       text;
    v_e       text;
    v_lista_ts text;
    v_set_ts  text;
    v_t_ts    text;
    v_e_ts    text;
    n_pozos   bigint;
    n_escritos bigint;
BEGIN
    IF p_run_id IS NOT NULL THEN
        SELECT r.ventana_desde::timestamptz, r.well_id INTO v_desde, v_well
          FROM reporting.pipeline_runs r WHERE r.run_id = p_run_id;
    END IF;

    SELECT array_agg(columna), array_agg(columna_ts) INTO v_cols, v_cols_ts
      FROM reporting.fnc_columnas_current_values();

    IF to_regclass('pg_temp.bp010_cv_pozos') IS NOT NULL THEN
        DROP TABLE pg_temp.bp010_cv_pozos, pg_temp.bp010_cv_ultimos;
    END IF;

    -- Wells to refresh, each with the first reading time to read ('-infinity': all its history, no merge).
    CREATE TEMP TABLE bp010_cv_pozos (well_id text PRIMARY KEY, desde timestamptz NOT NULL) ON COMMIT DROP;
    IF v_desde IS NULL THEN
        INSERT INTO bp010_cv_pozos
        SELECT m.well_id, '-infinity'
          FROM (SELECT well_id FROM stage.tbl_pozo_maestra
                UNION SELECT well_id FROM reporting.dataset_current_values) m
         WHERE EXISTS (SELECT 1 FROM stage.tbl_pozo_produccion p WHERE p.well_id = m.well_id)
           AND (v_well IS NULL OR m.well_id = v_well);
        -- wells with readings but no master row (a test or a hand load)
        INSERT INTO bp010_cv_pozos
        SELECT DISTINCT p.well_id, '-infinity'::timestamptz FROM stage.tbl_pozo_produccion p
         WHERE NOT EXISTS (SELECT 1 FROM bp010_cv_pozos w WHERE w.well_id = p.well_id)
           AND (v_well IS NULL OR p.well_id = v_well);
    ELSE
        INSERT INTO bp010_cv_pozos
        SELECT x.well_id, min(x.desde)
          FROM (-- readings of the window
                SELECT DISTINCT p.well_id, v_desde AS desde
                  FROM stage.tbl_pozo_produccion p
                 WHERE p.timestamp_lectura >= v_desde AND v_alcance IS NULL
                UNION ALL
                -- an incremental run: its scope's wells from their earliest range
                SELECT a.well_id, min(a.desde)
                  FROM reporting.pipeline_run_alcance a
                 WHERE a.run_id = v_alcance
                 GROUP BY a.well_id
                UNION ALL
                -- (incremental) a snapshot older than its well's latest reading
                SELECT cv.well_id, cv.fecha_hora_ultima_lectura
                  FROM reporting.dataset_current_values cv
                 WHERE v_alcance IS NOT NULL
                   AND EXISTS (SELECT 1 FROM stage.tbl_pozo_produccion p
                                WHERE p.well_id = cv.well_id AND p.timestamp_lectura > cv.fecha_hora_ultima_lectura)
                UNION ALL
                -- readings after a snapshot's latest one (a run that did not refresh the snapshot)
                SELECT cv.well_id, cv.fecha_hora_ultima_lectura
                  FROM reporting.dataset_current_values cv
                 WHERE cv.fecha_hora_ultima_lectura < v_desde
                   AND EXISTS (SELECT 1 FROM stage.tbl_pozo_produccion p
                                WHERE p.well_id = cv.well_id AND p.timestamp_lectura > cv.fecha_hora_ultima_lectura)
                UNION ALL
                -- wells with readings and no snapshot yet
                SELECT m.well_id, '-infinity'
                  FROM stage.tbl_pozo_maestra m
                 WHERE NOT EXISTS (SELECT 1 FROM reporting.dataset_current_values cv WHERE cv.well_id = m.well_id)
                   AND EXISTS (SELECT 1 FROM stage.tbl_pozo_produccion p WHERE p.well_id = m.well_id)) x
         WHERE v_well IS NULL OR x.well_id = v_well
         GROUP BY x.well_id;
        -- wells of the window without a snapshot row read all their history
        UPDATE bp010_cv_pozos w SET desde = '-infinity'
         WHERE NOT EXISTS (SELECT 1 FROM reporting.dataset_current_values cv WHERE cv.well_id = w.well_id);
    END IF;
    ANALYZE bp010_cv_pozos;
    SELECT count(*) INTO n_pozos FROM bp010_cv_pozos;

    -- Per well: the latest reading, and per column the time of its latest non-null value.
    SELECT string_agg(format('max(p.timestamp_lectura) FILTER (WHERE p.%I IS NOT NULL) AS %I', c, 'ts_' || c), E',\n               ')
      INTO v_max
      FROM unnest(v_cols) c;
    EXECUTE format($sql$
        CREATE TEMP TABLE bp010_cv_ultimos ON COMMIT DROP AS
        SELECT p.well_id, max(p.timestamp_lectura) AS ultima,
               %s
          FROM stage.tbl_pozo_produccion p
          JOIN bp010_cv_pozos w ON w.well_id = p.well_id AND p.timestamp_lectura >= w.desde
         WHERE p.timestamp_lectura >= $1   -- the earliest bound: lets the time index limit the read
         GROUP BY p.well_id
        $sql$, v_max)
    USING (SELECT min(desde) FROM bp010_cv_pozos);

    -- Values: from the latest row when the column's latest value is there, else by key; merged with the snapshot
    -- where a bounded read found nothing for a column.
    SELECT string_agg(format($f$CASE WHEN u.%1$I IS NULL THEN CASE WHEN w.desde = '-infinity' THEN NULL ELSE cv.%2$I END
                    WHEN u.%1$I = u.ultima THEN l.%2$I
                    ELSE (SELECT q.%2$I FROM stage.tbl_pozo_produccion q
                           WHERE q.well_id = u.well_id AND q.timestamp_lectura = u.%1$I) END$f$, 'ts_' || c, c),
                      E',\n               '),
           string_agg(format('%I', c), ', '),
           string_agg(format('%I = EXCLUDED.%I', c, c), ', '),
           string_agg(format('t.%I', c), ', '),
           string_agg(format('EXCLUDED.%I', c), ', ')
      INTO v_valores, v_lista, v_set, v_t, v_e
      FROM unnest(v_cols) c;
    -- <variable>_ts: the time of the value kept, merged the same way.
    SELECT string_agg(format($f$CASE WHEN u.%1$I IS NOT NULL THEN u.%1$I WHEN w.desde = '-infinity' THEN NULL ELSE cv.%2$I END$f$,
                             'ts_' || c.col, c.col_ts), E',\n               '),
           string_agg(format('%I', c.col_ts), ', '),
           string_agg(format('%I = EXCLUDED.%I', c.col_ts, c.col_ts), ', '),
           string_agg(format('t.%I', c.col_ts), ', '),
           string_agg(format('EXCLUDED.%I', c.col_ts), ', ')
      INTO v_ts, v_lista_ts, v_set_ts, v_t_ts, v_e_ts
      FROM unnest(v_cols, v_cols_ts) c(col, col_ts)
     WHERE c.col_ts IS NOT NULL;
    IF v_ts IS NOT NULL THEN
        v_valores := v_valores || E',\n               ' || v_ts;
        v_lista := v_lista || ', ' || v_lista_ts;
        v_set := v_set || ', ' || v_set_ts;
        v_t := v_t || ', ' || v_t_ts;
        v_e := v_e || ', ' || v_e_ts;
    END IF;
    EXECUTE format($sql$
        INSERT INTO reporting.dataset_current_values AS t (well_id, fecha_hora_ultima_lectura, %1$s, run_id)
        SELECT u.well_id, greatest(u.ultima, CASE WHEN w.desde = '-infinity' THEN NULL ELSE cv.fecha_hora_ultima_lectura END),
               %2$s,
               $1
          FROM bp010_cv_ultimos u
          JOIN bp010_cv_pozos w ON w.well_id = u.well_id
          JOIN stage.tbl_pozo_produccion l ON l.well_id = u.well_id AND l.timestamp_lectura = u.ultima
          LEFT JOIN reporting.dataset_current_values cv ON cv.well_id = u.well_id
        ON CONFLICT (well_id) DO UPDATE
           SET fecha_hora_ultima_lectura = EXCLUDED.fecha_hora_ultima_lectura, %3$s,
               run_id = EXCLUDED.run_id, updated_at = now()
         WHERE (t.fecha_hora_ultima_lectura, %4$s) IS DISTINCT FROM (EXCLUDED.fecha_hora_ultima_lectura, %5$s)
        $sql$, v_lista, v_valores, v_set, v_t, v_e)
    USING p_run_id;
    GET DIAGNOSTICS n_escritos = ROW_COUNT;

    RAISE NOTICE 'Current values: % well(s) read (%), % row(s) written (new or changed)',
        n_pozos, CASE WHEN v_desde IS NULL THEN 'all history'
                      WHEN v_alcance IS NOT NULL THEN 'the run''s scope: readings from each well''s first scope hour'
                      ELSE 'readings from ' || v_desde END, n_escritos;
END
$$;
COMMENT ON PROCEDURE reporting.actualizar_current_values_v4(uuid) IS
    'Phase 4: latest non-null value of every numeric stage column per well, its latest reading time and the <variable>_ts of the limited variables, into reporting.dataset_current_values (all history by hand; from the run''s window start in a pipeline run)';
