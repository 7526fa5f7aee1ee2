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

CREATE OR REPLACE FUNCTION reporting.fnc_registrar_alcance(p_run_id uuid, p_desde pg_snapshot, p_well_id text,
                                                           p_piso timestamptz)
RETURNS TABLE (pozos bigint, tramos bigint, dia_desde date, dia_hasta date)
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

    -- marks wholly before the lookback floor cannot be applied by an incremental run (an explicit window can)
    DELETE FROM reporting.recalculo_pendiente m
     WHERE (m.dia_hasta + 1)::timestamptz <= p_piso AND (p_well_id IS NULL OR m.well_id = p_well_id)
       AND (current_setting('bp010.grupo', true) IS NULL OR current_setting('bp010.grupo', true) = '');

    RETURN QUERY
    SELECT count(DISTINCT a.well_id), count(*), min(a.dia_desde), max(a.dia_hasta)
      FROM reporting.pipeline_run_alcance a
     WHERE a.run_id = p_run_id;
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

-- A run that completed took the marks that existed when it opened.
CREATE OR REPLACE PROCEDURE reporting.sp_cerrar_alcance(p_run_id uuid)
LANGUAGE sql
AS $$
    DELETE FROM reporting.recalculo_pendiente m
     USING reporting.pipeline_runs r
     WHERE r.run_id = p_run_id AND m.creado_en <= r.started_at
       AND (r.well_id IS NULL OR m.well_id = r.well_id)
       AND EXISTS (SELECT 1 FROM reporting.pipeline_run_alcance a WHERE a.run_id = p_run_id);
$$;
COMMENT ON PROCEDURE reporting.sp_cerrar_alcance(uuid) IS
    'Deletes the recomputation marks (reporting.recalculo_pendiente) an incremental run took when it opened, once it completed';

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

-- A DQ rule whose kind or variable changed in the catalogue (reference loader, step rules: tipo or nombre_tecnico)
-- judges other readings, or the well master instead of readings (or the other way round): its verdicts and counts of
-- every day are stale (docs/AGGREGATION.md, "Incremental runs"). The load marks every well's reading days (a day more
-- on each side: this session's time zone may not be the pipeline's), so the next incremental run checks them whole,
-- as a full recomputation would. Statement-level, once per load; a load that changes no rule's kind marks nothing.
CREATE OR REPLACE FUNCTION reporting.fnc_marcar_cambio_regla_dq()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO reporting.recalculo_pendiente (well_id, dia_desde, dia_hasta, motivo)
    SELECT NULL, r.desde::date - 1, r.hasta::date + 1,
           'DQ rule kind or variable changed: ' || c.reglas
      FROM (SELECT string_agg(n.rule_id, ', ' ORDER BY n.rule_id) AS reglas
              FROM nuevo n
              JOIN viejo o ON o.rule_id = n.rule_id
             WHERE (o.activa OR n.activa)
               AND (o.tipo, o.nombre_tecnico) IS DISTINCT FROM (n.tipo, n.nombre_tecnico)) c
     -- the first and last reading kept: two index lookups (stage.tbl_pozo_produccion_ts_idx)
     CROSS JOIN (SELECT min(p.timestamp_lectura) AS desde, max(p.timestamp_lectura) AS hasta
                   FROM stage.tbl_pozo_produccion p) r
     WHERE c.reglas IS NOT NULL AND r.desde IS NOT NULL;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION reporting.fnc_marcar_cambio_regla_dq() IS
    'Trigger: a DQ rule whose tipo or nombre_tecnico changed marks every well''s reading days in reporting.recalculo_pendiente';
CREATE OR REPLACE TRIGGER trg_regla_dq_recalculo AFTER UPDATE ON referencial.tbl_dq_rules
    REFERENCING OLD TABLE AS viejo NEW TABLE AS nuevo
    FOR EACH STATEMENT EXECUTE FUNCTION reporting.fnc_marcar_cambio_regla_dq();

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
