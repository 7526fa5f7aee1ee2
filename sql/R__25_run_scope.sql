-- BP010 incremental runs (docs/AGGREGATION.md, "Incremental runs"): the scope of a default-window run, written once in
-- reporting.pipeline_run_alcance (V10) and read by the phase procedures through their p_run_id.
--
-- A new reading (pivoted since the last complete run: its pivot_xid is not visible in that run's snapshot) changes
-- the facts of its own hour and of its neighbours' hours: the counter delta and the time weight of the next reading
-- of its well, those of the reading before it (time weights run until the next reading), and, through the glitch
-- check of a counter reading (which compares it with both neighbours), the delta of the reading after the next. So
-- each new reading opens the range [hour of the second reading before it, or the hour before its own if later; end of
-- the hour of the second reading after it, or of its own), ranges of a well that overlap or touch are merged, and
-- nothing starts before the lookback floor. Wells and days marked in reporting.recalculo_pendiente (a catalogue or well-master change) join the
-- scope as whole days; they are deleted when a run that took them completes (reporting.sp_cerrar_alcance), so a
-- failed run leaves them for the next one. Phases then recompute: hourly facts of the ranges' hours, daily facts of the days they
-- touch (calendar days in the session time zone, BP010_TIMEZONE), monthly facts of those days' months; DQ checks only
-- the hours holding new readings and the marked days (horas_nuevas): a reading's verdicts depend on that reading
-- alone. Recomputing more than what changed is harmless (every phase is an idempotent recomputation), recomputing less is the bug the
-- property test IncrementalRunIT looks for.

-- Well groups (docs/SCALE.md §6): a run of one group covers the wells of a hash bucket ('k/n': the first 32 bits of
-- md5(well_id), stable across servers and versions, mod n = k) or of a list ('{A,B}'). The Java runner sets it as
-- bp010.grupo in each transaction of the group's run; unset or empty: every well.
CREATE OR REPLACE FUNCTION reporting.fnc_en_grupo(p_well_id text, p_grupo text)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_grupo IS NULL OR p_grupo = '' THEN true
                WHEN left(p_grupo, 1) = '{' THEN p_well_id = ANY (p_grupo::text[])
                ELSE mod(('x' || lpad(left(md5(p_well_id), 8), 16, '0'))::bit(64)::bigint,
                         split_part(p_grupo, '/', 2)::bigint) = split_part(p_grupo, '/', 1)::bigint END
$$;
COMMENT ON FUNCTION reporting.fnc_en_grupo(text, text) IS
    'Whether well p_well_id belongs to well group p_grupo (''k/n'': md5 bucket k of n; ''{A,B}'': a list; NULL or empty: every well)';

CREATE OR REPLACE FUNCTION reporting.fnc_en_grupo(p_well_id text)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT reporting.fnc_en_grupo(p_well_id, current_setting('bp010.grupo', true))
$$;
COMMENT ON FUNCTION reporting.fnc_en_grupo(text) IS
    'Whether well p_well_id belongs to the well group of the current transaction (setting bp010.grupo; unset: every well)';

-- The periods whose completeness the passing of time changed (docs/AGGREGATION.md "Incremental runs", ended periods):
-- a day or month is complete only once it has ended at the run's as-of (R__30, reporting.fnc_periodo_completo), so a
-- day written while in progress (23 of 24 hours at 23:30: not complete) becomes complete when a later run's as-of is
-- past its end, even if no reading of it arrives again (a well whose last hour never comes). Per well, the days whose
-- stored completo differs from what a full recomputation at p_as_of would write, and one day (its latest daily row,
-- not before the floor) of each month whose stored completo differs, and every day with data that ended since that run
-- (what reads the last complete day moves on with it); the incremental run adds the last clock hour of
-- each to its scope, so that its day and month are aggregated again. Only rows from the day before the earliest as-of
-- of the runs since the last complete run (p_desde, its snapshot; and this one's) are looked at: an earlier row was
-- judged by a run whose as-of was past it. No snapshot (a first run: every reading is new): none.
CREATE OR REPLACE FUNCTION reporting.fnc_periodos_vencidos(p_well_id text, p_as_of timestamptz, p_desde pg_snapshot,
                                                           p_piso timestamptz)
RETURNS TABLE (well_id text, dia date)
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    v_minima constant double precision := reporting.fnc_completitud_minima();
    v_antes  timestamptz;
    v_desde  date;
BEGIN
    IF p_desde IS NULL THEN
        RETURN;
    END IF;
    -- the earliest as-of of the last complete run and every run started since (an explicit window may have written
    -- facts with its own as-of), and of this one
    SELECT least(p_as_of, min(r.as_of)) INTO v_antes
      FROM reporting.pipeline_runs r
     WHERE r.started_at >= (SELECT max(w.started_at) FROM reporting.pipeline_runs w
                             WHERE w.pivot_snapshot::text = p_desde::text);
    v_antes := coalesce(v_antes, p_as_of);
    v_desde := greatest((v_antes AT TIME ZONE current_setting('TimeZone'))::date - 1,
                        (p_piso AT TIME ZONE current_setting('TimeZone'))::date);
    RETURN QUERY
    SELECT d.well_id, d.fecha
      FROM reporting.fact_operaciones_diarias d
     WHERE d.fecha >= v_desde AND (p_well_id IS NULL OR d.well_id = p_well_id)
       AND (d.completo IS DISTINCT FROM reporting.fnc_periodo_completo((d.fecha + 1)::timestamptz, p_as_of,
                                                                       d.horas_con_datos, d.horas_periodo, v_minima)
            -- every day that ended since: what reads the last complete day (current values, the master's DQ
            -- counted on the as-of day) moves on with it, as a full recomputation at this as-of
            OR ((d.fecha + 1)::timestamptz > v_antes AND (d.fecha + 1)::timestamptz <= p_as_of))
    UNION
    SELECT m.well_id, x.dia
      FROM reporting.fact_operaciones_mensuales m
     CROSS JOIN LATERAL (SELECT greatest(max(d.fecha), v_desde) AS dia
                           FROM reporting.fact_operaciones_diarias d
                          WHERE d.well_id = m.well_id AND d.fecha >= m.mes
                            AND d.fecha < (m.mes + interval '1 month')::date) x
     WHERE m.mes >= date_trunc('month', v_desde)::date AND (p_well_id IS NULL OR m.well_id = p_well_id)
       AND m.completo IS DISTINCT FROM reporting.fnc_periodo_completo((m.mes + interval '1 month')::date::timestamptz,
                                                                      p_as_of, m.dias_completos, m.dias_periodo, v_minima)
       AND x.dia < (m.mes + interval '1 month')::date;
END
$$;
COMMENT ON FUNCTION reporting.fnc_periodos_vencidos(text, timestamptz, pg_snapshot, timestamptz) IS
    'Well-days to aggregate again because time passed: days, and a day of each month, whose stored completo differs from what as-of p_as_of gives (a period is complete only once ended), from the day before the earliest as-of of the runs since snapshot p_desde; none without a snapshot';

DROP FUNCTION IF EXISTS reporting.fnc_registrar_alcance(uuid, pg_snapshot, text, timestamptz);
CREATE FUNCTION reporting.fnc_registrar_alcance(p_run_id uuid, p_desde pg_snapshot, p_well_id text,
                                                p_piso timestamptz)
RETURNS TABLE (pozos bigint, tramos bigint, dia_desde date, dia_hasta date, rehacer_desde date, rehacer_hasta date)
LANGUAGE plpgsql
SET jit = off
AS $$
DECLARE
    -- no well group in this transaction (bp010.grupo unset): no well is filtered out, and fnc_en_grupo (not inlinable:
    -- a function call per row) is not called
    v_todos constant boolean := coalesce(current_setting('bp010.grupo', true), '') = '';
BEGIN
    INSERT INTO reporting.pipeline_run_alcance (run_id, well_id, desde, hasta, dia_desde, dia_hasta, horas_nuevas)
    WITH nuevas AS (
        SELECT p.well_id, p.timestamp_lectura
          FROM stage.tbl_pozo_produccion p
         WHERE (p_desde IS NULL
                OR (p.pivot_xid >= pg_snapshot_xmin(p_desde) AND NOT pg_visible_in_snapshot(p.pivot_xid, p_desde)))
           AND (p_well_id IS NULL OR p.well_id = p_well_id) AND (v_todos OR reporting.fnc_en_grupo(p.well_id))
           AND p.timestamp_lectura >= p_piso
    ), rangos AS (
        SELECT n.well_id,
               greatest(least(date_trunc('hour', coalesce(ant.ts, n.timestamp_lectura)),
                              date_trunc('hour', n.timestamp_lectura) - interval '1 hour'),
                        date_trunc('hour', p_piso)) AS desde,
               date_trunc('hour', greatest(sig.ts, n.timestamp_lectura)) + interval '1 hour' AS hasta,
               -- the reading's own hour: what DQ checks (the neighbours are the facts')
               tstzrange(date_trunc('hour', n.timestamp_lectura), date_trunc('hour', n.timestamp_lectura) + interval '1 hour') AS nueva
          FROM nuevas n
          -- the second reading before and after (the first one's glitch check looks past it)
          LEFT JOIN LATERAL (SELECT min(x.ts) AS ts
                               FROM (SELECT q.timestamp_lectura AS ts FROM stage.tbl_pozo_produccion q
                                      WHERE q.well_id = n.well_id AND q.timestamp_lectura < n.timestamp_lectura
                                      ORDER BY q.timestamp_lectura DESC LIMIT 2) x) ant ON true
          LEFT JOIN LATERAL (SELECT max(x.ts) AS ts
                               FROM (SELECT q.timestamp_lectura AS ts FROM stage.tbl_pozo_produccion q
                                      WHERE q.well_id = n.well_id AND q.timestamp_lectura > n.timestamp_lectura
                                      ORDER BY q.timestamp_lectura LIMIT 2) x) sig ON true
        UNION ALL
        -- marked wells and days: whole days (every well when well_id is NULL)
        SELECT w.well_id, greatest(m.dia_desde::timestamptz, p_piso), (m.dia_hasta + 1)::timestamptz,
               tstzrange(greatest(m.dia_desde::timestamptz, p_piso), (m.dia_hasta + 1)::timestamptz)
          FROM reporting.recalculo_pendiente m
          JOIN LATERAL (SELECT DISTINCT q.well_id FROM stage.tbl_pozo_produccion q
                         WHERE (m.well_id IS NULL OR q.well_id = m.well_id)
                           -- (not before the lookback floor: a mark of every well may span every day kept)
                           AND q.timestamp_lectura >= greatest(m.dia_desde::timestamptz, p_piso)
                           AND q.timestamp_lectura < (m.dia_hasta + 1)::timestamptz) w ON true
         WHERE (p_well_id IS NULL OR w.well_id = p_well_id) AND (v_todos OR reporting.fnc_en_grupo(w.well_id))
           AND (m.dia_hasta + 1)::timestamptz > p_piso
        UNION ALL
        -- days and months that ended since they were written (a period in progress is never complete): the last
        -- clock hour of the day, no new hour (DQ checks nothing, the facts only aggregate the day and month again)
        SELECT v.well_id, greatest((v.dia + 1)::timestamptz - interval '1 hour', p_piso), (v.dia + 1)::timestamptz,
               'empty'::tstzrange
          FROM reporting.fnc_periodos_vencidos(p_well_id, reporting.fnc_as_of_run(p_run_id), p_desde, p_piso) v
         WHERE (v_todos OR reporting.fnc_en_grupo(v.well_id)) AND (v.dia + 1)::timestamptz > p_piso
    ), ordenados AS (
        SELECT r.*, max(r.hasta) OVER (PARTITION BY r.well_id ORDER BY r.desde, r.hasta
                                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS hasta_previo
          FROM rangos r
    ), islas AS (
        SELECT o.*, count(*) FILTER (WHERE o.hasta_previo IS NULL OR o.hasta_previo < o.desde)
                        OVER (PARTITION BY o.well_id ORDER BY o.desde, o.hasta) AS isla
          FROM ordenados o
    )
    SELECT p_run_id, i.well_id, min(i.desde), max(i.hasta), min(i.desde)::date,
           (max(i.hasta) - interval '1 microsecond')::date, range_agg(i.nueva)
      FROM islas i
     GROUP BY i.well_id, i.isla;

    -- the marks this run takes (the ids, so that completing it deletes these and no other: V23): of one well, of this
    -- group's wells and every-well marks, or all; wholly or partly before the lookback floor included, reported below
    IF EXISTS (SELECT 1 FROM reporting.recalculo_pendiente) THEN
        UPDATE reporting.pipeline_runs r
           SET marcas_tomadas = (SELECT array_agg(m.id ORDER BY m.id) FROM reporting.recalculo_pendiente m
                                  WHERE (p_well_id IS NULL OR m.well_id = p_well_id)
                                    AND (v_todos OR m.well_id IS NULL OR reporting.fnc_en_grupo(m.well_id)))
         WHERE r.run_id = p_run_id;
    END IF;

    -- the days of those marks before the lookback floor cannot be recomputed by an incremental run: the run says which
    -- explicit window would (rehacer_desde .. rehacer_hasta), instead of dropping them in silence
    RETURN QUERY
    SELECT s.pozos, s.tramos, s.dia_desde, s.dia_hasta, x.desde, x.hasta
      FROM (SELECT count(DISTINCT a.well_id) AS pozos, count(*) AS tramos, min(a.dia_desde) AS dia_desde,
                   max(a.dia_hasta) AS dia_hasta
              FROM reporting.pipeline_run_alcance a
             WHERE a.run_id = p_run_id) s
     CROSS JOIN (SELECT min(m.dia_desde) AS desde, max(least(m.dia_hasta, p_piso::date - 1)) AS hasta
                   FROM reporting.recalculo_pendiente m
                   JOIN reporting.pipeline_runs r ON r.run_id = p_run_id AND m.id = ANY (r.marcas_tomadas)
                  WHERE m.dia_desde::timestamptz < p_piso) x;
END
$$;
COMMENT ON FUNCTION reporting.fnc_registrar_alcance(uuid, pg_snapshot, text, timestamptz) IS
    'Writes the scope of run p_run_id (reporting.pipeline_run_alcance): the hour ranges of the readings pivoted since snapshot p_desde (NULL: all) with their neighbours, plus the marked wells and days; returns wells, ranges and the days covered';

-- Whether run p_run_id is incremental (has a scope): the procedures then restrict themselves to it.
CREATE OR REPLACE FUNCTION reporting.fnc_alcance_de(p_run_id uuid)
RETURNS uuid
LANGUAGE sql STABLE
AS $$
    SELECT p_run_id WHERE EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a WHERE a.run_id = p_run_id)
$$;
COMMENT ON FUNCTION reporting.fnc_alcance_de(uuid) IS
    'p_run_id when that run has a scope in reporting.pipeline_run_alcance (an incremental run), else NULL (its whole window)';

-- A run that completed deletes the marks it took when it opened (pipeline_runs.marcas_tomadas), and no other: a mark
-- written since, or one of wells it did not cover, waits for the next run. The global run after well groups deletes
-- the marks its groups' runs took: a well's mark, taken by the run of the group holding that well; an every-well mark
-- only when runs of every bucket k of some 'k/n' took it (a list group or a missing bucket leaves it for a later run).
CREATE OR REPLACE PROCEDURE reporting.sp_cerrar_alcance(p_run_id uuid)
LANGUAGE plpgsql
AS $$
BEGIN
    -- no mark waits (the hourly case): nothing to look up
    IF NOT EXISTS (SELECT 1 FROM reporting.recalculo_pendiente) THEN
        RETURN;
    END IF;
    DELETE FROM reporting.recalculo_pendiente m
     USING (SELECT t.id
              FROM reporting.pipeline_runs r CROSS JOIN unnest(r.marcas_tomadas) t(id)
             WHERE r.run_id = p_run_id
            UNION
            -- a global run: its groups' runs (pipeline_runs_global_idx, V23)
            SELECT t.id
              FROM reporting.pipeline_runs g CROSS JOIN unnest(g.marcas_tomadas) t(id)
              JOIN reporting.recalculo_pendiente k ON k.id = t.id AND k.well_id IS NOT NULL
             WHERE g.global_run_id = p_run_id
            UNION
            SELECT t.id
              FROM reporting.pipeline_runs g CROSS JOIN unnest(g.marcas_tomadas) t(id)
             WHERE g.global_run_id = p_run_id AND g.grupo ~ '^[0-9]+/[0-9]+$'
             GROUP BY t.id, split_part(g.grupo, '/', 2)
            HAVING count(DISTINCT split_part(g.grupo, '/', 1)) = split_part(g.grupo, '/', 2)::int) x
     WHERE m.id = x.id;
END
$$;
COMMENT ON PROCEDURE reporting.sp_cerrar_alcance(uuid) IS
    'Deletes the recomputation marks (reporting.recalculo_pendiente) run p_run_id took when it opened (or, a global run, that its well groups'' runs took and covered), once it completed';

-- A well-master change (any attribute but the load times) marks the days of that well's readings: derived values,
-- field totals and every fact that reads the master are recomputed by the next incremental run (within
-- LOOKBACK_DAYS). Statement-level, once per load.
CREATE OR REPLACE FUNCTION reporting.fnc_marcar_cambio_maestra()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO reporting.recalculo_pendiente (well_id, dia_desde, dia_hasta, motivo)
    SELECT n.well_id, r.desde::date, r.hasta::date, 'well master changed'
      FROM nuevo n
      JOIN viejo o ON o.well_id = n.well_id
     CROSS JOIN LATERAL (SELECT min(p.timestamp_lectura) AS desde, max(p.timestamp_lectura) AS hasta
                           FROM stage.tbl_pozo_produccion p WHERE p.well_id = n.well_id) r
     WHERE r.desde IS NOT NULL
       AND to_jsonb(n) - 'created_at' - 'updated_at' IS DISTINCT FROM to_jsonb(o) - 'created_at' - 'updated_at';
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION reporting.fnc_marcar_cambio_maestra() IS
    'Trigger: a changed well-master row marks its well''s reading days in reporting.recalculo_pendiente';
CREATE OR REPLACE TRIGGER trg_maestra_recalculo AFTER UPDATE ON stage.tbl_pozo_maestra
    REFERENCING OLD TABLE AS viejo NEW TABLE AS nuevo
    FOR EACH STATEMENT EXECUTE FUNCTION reporting.fnc_marcar_cambio_maestra();

-- A reference-catalogue change that changes what a full recomputation writes for past days marks those days
-- (docs/AGGREGATION.md, "Incremental runs", marks): the next incremental run recomputes them whole, as a full run
-- would. One trigger function for every catalogue table, statement-level (once per statement of a load, whatever its
-- row count), on INSERT, UPDATE and DELETE. Its arguments: the reason; the columns that feed a verdict or a written
-- number (a change of any other column, updated_at included, marks nothing); the well column ('' = the table has
-- none: a change concerns every well; a row whose well is NULL concerns every well too); a filter of the rows that
-- count ('' = all: an inactive DQ rule counts as absent); the column that names a changed row in the reason. The rows
-- of the statement's old and new transition tables are compared on those columns only (a multiset difference, no
-- key needed), so a load that writes identical values, or changes nothing that matters, marks nothing. A change for
-- every well marks every well's reading days, a day wider on each side (this session's time zone may not be the
-- pipeline's): the first and last reading kept, two index lookups; a change for some wells marks each one's days.
CREATE OR REPLACE FUNCTION reporting.fnc_marcar_cambio_catalogo()
RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    v_columnas constant text[] := TG_ARGV[1]::text[];
    v_pozo     constant text := nullif(TG_ARGV[2], '');
    v_filtro   constant text := coalesce(nullif(TG_ARGV[3], ''), 'true');
    v_nombre   constant text := TG_ARGV[4];
    v_fila     text;
    v_viejas   text := 'SELECT NULL::jsonb AS j, NULL::text AS pozo, NULL::text AS nombre WHERE false';
    v_nuevas   text := 'SELECT NULL::jsonb AS j, NULL::text AS pozo, NULL::text AS nombre WHERE false';
    v_todos    boolean;
    v_pozos    text[];
    v_nombres  text;
BEGIN
    v_fila := format('SELECT jsonb_build_array(%s) AS j, %s AS pozo, t.%I::text AS nombre FROM %%s t WHERE %s',
                     (SELECT string_agg(format('t.%I', c), ', ') FROM unnest(v_columnas) c),
                     CASE WHEN v_pozo IS NULL THEN 'NULL::text' ELSE format('t.%I::text', v_pozo) END,
                     v_nombre, v_filtro);
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        v_viejas := format(v_fila, 'viejo');
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        v_nuevas := format(v_fila, 'nuevo');
    END IF;
    EXECUTE format($sql$
        WITH v AS (%s), n AS (%s),
        d AS ((SELECT j, pozo, nombre FROM v EXCEPT ALL SELECT j, pozo, nombre FROM n)
              UNION ALL
              (SELECT j, pozo, nombre FROM n EXCEPT ALL SELECT j, pozo, nombre FROM v))
        SELECT bool_or(pozo IS NULL), array_agg(DISTINCT pozo) FILTER (WHERE pozo IS NOT NULL),
               string_agg(DISTINCT nombre, ', ')
          FROM d
        $sql$, v_viejas, v_nuevas)
        INTO v_todos, v_pozos, v_nombres;
    IF v_todos THEN
        INSERT INTO reporting.recalculo_pendiente (well_id, dia_desde, dia_hasta, motivo)
        SELECT NULL, r.desde::date - 1, r.hasta::date + 1, TG_ARGV[0] || ': ' || v_nombres
          FROM (SELECT min(p.timestamp_lectura) AS desde, max(p.timestamp_lectura) AS hasta
                  FROM stage.tbl_pozo_produccion p) r
         WHERE r.desde IS NOT NULL;
    ELSIF v_pozos IS NOT NULL THEN
        INSERT INTO reporting.recalculo_pendiente (well_id, dia_desde, dia_hasta, motivo)
        SELECT w.well_id, r.desde::date - 1, r.hasta::date + 1, TG_ARGV[0] || ': ' || v_nombres
          FROM unnest(v_pozos) w(well_id)
         CROSS JOIN LATERAL (SELECT min(p.timestamp_lectura) AS desde, max(p.timestamp_lectura) AS hasta
                               FROM stage.tbl_pozo_produccion p WHERE p.well_id = w.well_id) r
         WHERE r.desde IS NOT NULL;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION reporting.fnc_marcar_cambio_catalogo() IS
    'Trigger (statement-level, INSERT/UPDATE/DELETE on a catalogue table): rows whose verdict-feeding columns (TG_ARGV[1]) changed mark the reading days of their well (TG_ARGV[2]), or of every well, in reporting.recalculo_pendiente';

DROP TRIGGER IF EXISTS trg_regla_dq_recalculo ON referencial.tbl_dq_rules;
DROP FUNCTION IF EXISTS reporting.fnc_marcar_cambio_regla_dq();
DO $$
DECLARE
    t record;
    k text;
BEGIN
    -- table, reason, the columns that feed a verdict or a written number, well column, rows that count, name column
    FOR t IN SELECT * FROM (VALUES
        -- DQ rules: what a reading rule judges and writes (range, limit, kind, variable, severity); master rules judge
        -- the well master on every run, and an inactive rule judges nothing
        ('referencial.tbl_dq_rules', 'DQ rules changed',
         '{rule_id,tipo,nombre_tecnico,valor_min,valor_max,latencia_max_seg,severidad}', '',
         'activa AND tipo <> ''MAESTRA''', 'rule_id'),
        -- limits: the targets reporting.dim_pozo copies (variance against target in the daily facts and derived
        -- values); the other limit columns feed only the semaphores, judged again for every well after a limits
        -- change (R__50); the rows the dimension sync derives from the master follow the master (its own trigger)
        ('referencial.tbl_limites_pozo', 'limits'' targets changed', '{nombre_tecnico,well_id,target}', 'well_id',
         'fuente <> ''derivado_maestra''', 'nombre_tecnico'),
        -- the SCADA map: which stage column a rule's variable reads, a latency rule's SCADA ids
        ('referencial.tbl_var_scada_map', 'SCADA map changed', '{var_id_scada,nombre_tecnico,columna_stage,activa}',
         '', '', 'var_id_scada'),
        -- the variable master: which variables are counters, and of which kind (hourly and daily facts)
        ('referencial.tbl_maestra_variables', 'counter kinds changed', '{nombre_tecnico,es_contador,tipo_contador}',
         '', '', 'nombre_tecnico'),
        -- settings: physical constants, completeness, the card tolerance
        ('referencial.config_evaluacion', 'settings changed', '{clave,nombre_tecnico,valor_num,valor_texto}', '', '',
         'clave')) x(tabla, motivo, columnas, pozo, filtro, nombre)
    LOOP
        FOREACH k IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
            EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER %s ON %s REFERENCING %s FOR EACH STATEMENT'
                           ' EXECUTE FUNCTION reporting.fnc_marcar_cambio_catalogo(%L, %L, %L, %L, %L)',
                           'trg_recalculo_' || lower(k), k, t.tabla,
                           CASE k WHEN 'INSERT' THEN 'NEW TABLE AS nuevo'
                                  WHEN 'UPDATE' THEN 'OLD TABLE AS viejo NEW TABLE AS nuevo'
                                  ELSE 'OLD TABLE AS viejo' END,
                           t.motivo, t.columnas, t.pozo, t.filtro, t.nombre);
        END LOOP;
    END LOOP;
END
$$;

-- Whether recomputation marks wait for an incremental run (of one well, or of all): a run is due even without new
-- readings.
CREATE OR REPLACE FUNCTION reporting.fnc_hay_pendientes(p_well_id text)
RETURNS boolean
LANGUAGE sql STABLE
AS $$
    SELECT EXISTS (SELECT 1 FROM reporting.recalculo_pendiente m
                    WHERE p_well_id IS NULL OR m.well_id = p_well_id OR m.well_id IS NULL)
$$;
COMMENT ON FUNCTION reporting.fnc_hay_pendientes(text) IS
    'Whether reporting.recalculo_pendiente holds marks for the well (NULL: any well): the next default run recomputes them';
