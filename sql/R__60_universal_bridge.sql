-- BP010 family 6 (docs/SEED.md: V10__universal_to_reporting_bridge): the ML outputs of universal.* into reporting. ENRICH calls
-- each procedure when universal holds rows it has not synced; a call with nothing new changes nothing. A call with
-- something new re-derives the state of every well that has new rows, from all of that well's rows.
-- CDI (strokes, diagnoses, expert verdicts) keeps a watermark by transaction (V21): each row's write_xid is the
-- transaction that last wrote it, reporting.ml_sync_state.synced_snapshot the snapshot of the last call, and a row is
-- new when that snapshot could not see its write_xid, so a writer that commits after a later sync is still taken and
-- a synced row is not read again. IPR and ARPS keep the time-based rule: rows created since 15 minutes before
-- synced_until (created_at is the writing transaction's start, so a late commit within 15 minutes is picked up;
-- reprocessing is harmless). rows_synced counts the new rows.
-- Set-based: one statement per target table (the two curve tables are replaced per well: delete, then insert).

-- A bridge's last synced_until ('-infinity' before its first sync).
CREATE OR REPLACE FUNCTION reporting.fnc_ml_sync_hasta(p_bridge text)
RETURNS timestamptz
LANGUAGE sql STABLE
AS $$
    SELECT coalesce((SELECT s.synced_until FROM reporting.ml_sync_state s WHERE s.bridge = p_bridge),
                    '-infinity'::timestamptz)
$$;
COMMENT ON FUNCTION reporting.fnc_ml_sync_hasta(text) IS
    'reporting.ml_sync_state.synced_until of a bridge, -infinity before its first sync';

-- The snapshot of the CDI bridge's last call ('1:1:', which sees no row, before its first).
CREATE OR REPLACE FUNCTION reporting.fnc_ml_sync_snapshot(p_bridge text)
RETURNS pg_snapshot
LANGUAGE sql STABLE
AS $$
    SELECT coalesce((SELECT s.synced_snapshot FROM reporting.ml_sync_state s WHERE s.bridge = p_bridge),
                    '1:1:'::pg_snapshot)
$$;
COMMENT ON FUNCTION reporting.fnc_ml_sync_snapshot(text) IS
    'reporting.ml_sync_state.synced_snapshot of a bridge (''1:1:'', which sees no row, before its first sync)';

-- The bridges ENRICH must call: those whose universal tables hold rows they have not synced (CDI: rows written by a
-- transaction its last snapshot could not see, found through the write_xid indexes; IPR, ARPS: rows newer than
-- synced_until).
CREATE OR REPLACE FUNCTION reporting.fnc_ml_bridges_pendientes()
RETURNS text[]
LANGUAGE plpgsql STABLE
SET jit = off
AS $$
DECLARE
    v_snap pg_snapshot := reporting.fnc_ml_sync_snapshot('CDI');
    v_xmin xid8 := pg_snapshot_xmin(reporting.fnc_ml_sync_snapshot('CDI'));
BEGIN
    RETURN array_remove(ARRAY[
        CASE WHEN EXISTS (SELECT 1 FROM universal.diagnostico
                           WHERE write_xid >= v_xmin AND NOT pg_visible_in_snapshot(write_xid, v_snap))
                  OR EXISTS (SELECT 1 FROM universal.stroke
                              WHERE write_xid >= v_xmin AND NOT pg_visible_in_snapshot(write_xid, v_snap))
                  OR EXISTS (SELECT 1 FROM universal.validacion_experta
                              WHERE write_xid >= v_xmin AND NOT pg_visible_in_snapshot(write_xid, v_snap))
             THEN 'CDI' END,
        CASE WHEN EXISTS (SELECT 1 FROM universal.ipr_resultados WHERE created_at > reporting.fnc_ml_sync_hasta('IPR'))
             THEN 'IPR' END,
        CASE WHEN EXISTS (SELECT 1 FROM universal.arps_resultados WHERE created_at > reporting.fnc_ml_sync_hasta('ARPS'))
             THEN 'ARPS' END], NULL);
END
$$;
COMMENT ON FUNCTION reporting.fnc_ml_bridges_pendientes() IS
    'Bridges (CDI, IPR, ARPS) whose universal tables hold rows they have not synced (CDI by write_xid and synced_snapshot, IPR and ARPS by synced_until)';

DROP FUNCTION IF EXISTS reporting.fnc_ml_sync_registrar(text, timestamptz, bigint);
-- Records a bridge's progress: synced_until only moves forward; the snapshot of the call (CDI) replaces an older one.
CREATE OR REPLACE FUNCTION reporting.fnc_ml_sync_registrar(p_bridge text, p_hasta timestamptz, p_filas bigint,
                                                          p_snapshot pg_snapshot DEFAULT NULL)
RETURNS void
LANGUAGE sql
AS $$
    INSERT INTO reporting.ml_sync_state AS s (bridge, synced_until, rows_synced, synced_snapshot, updated_at)
    SELECT p_bridge, p_hasta, p_filas, p_snapshot, now() WHERE p_hasta IS NOT NULL
    ON CONFLICT (bridge) DO UPDATE
       SET synced_until = greatest(s.synced_until, EXCLUDED.synced_until),
           rows_synced = s.rows_synced + EXCLUDED.rows_synced,
           synced_snapshot = CASE WHEN s.synced_snapshot IS NULL
                                    OR pg_snapshot_xmax(EXCLUDED.synced_snapshot) >= pg_snapshot_xmax(s.synced_snapshot)
                                  THEN coalesce(EXCLUDED.synced_snapshot, s.synced_snapshot)
                                  ELSE s.synced_snapshot END,
           updated_at = EXCLUDED.updated_at
$$;
COMMENT ON FUNCTION reporting.fnc_ml_sync_registrar(text, timestamptz, bigint, pg_snapshot) IS
    'Advances reporting.ml_sync_state for a bridge (never backwards), adds the rows it copied and keeps the later snapshot';

-- The CDI tables' rows get the writing transaction of an update too (an insert gets it from the column default), so
-- a diagnosis rewritten in place (the card step's ON CONFLICT, an ML module's UPDATE) is new to the bridge.
CREATE OR REPLACE FUNCTION universal.fnc_write_xid() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.write_xid := pg_current_xact_id();
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION universal.fnc_write_xid() IS
    'BEFORE UPDATE: write_xid = the updating transaction (the CDI bridge''s watermark, V21)';
CREATE OR REPLACE TRIGGER trg_stroke_write_xid BEFORE UPDATE ON universal.stroke
    FOR EACH ROW EXECUTE FUNCTION universal.fnc_write_xid();
CREATE OR REPLACE TRIGGER trg_diagnostico_write_xid BEFORE UPDATE ON universal.diagnostico
    FOR EACH ROW EXECUTE FUNCTION universal.fnc_write_xid();
CREATE OR REPLACE TRIGGER trg_validacion_write_xid BEFORE UPDATE ON universal.validacion_experta
    FOR EACH ROW EXECUTE FUNCTION universal.fnc_write_xid();

-- ---------------------------------------------------------------------------------------------------------------
-- CDI: card diagnoses, strokes and expert validations
-- ---------------------------------------------------------------------------------------------------------------
CREATE OR REPLACE PROCEDURE reporting.sp_sync_cdi_to_reporting(
    p_run_id uuid DEFAULT NULL)
LANGUAGE plpgsql
SET jit = off
-- a multi-day sync's new hours (72,000 at 100 wells x 30 days) are hashed and sorted in memory, not in temp files
SET work_mem = '64MB'
AS $$
DECLARE
    -- the last call's snapshot: a row is new when it could not see the row's write_xid (by the write_xid indexes:
    -- every such xid is at least the snapshot's xmin)
    v_prev   pg_snapshot := reporting.fnc_ml_sync_snapshot('CDI');
    v_xmin   xid8 := pg_snapshot_xmin(reporting.fnc_ml_sync_snapshot('CDI'));
    -- this call's snapshot, taken before it reads anything: what it cannot see is new to the next call (a row that
    -- commits while this call runs may be taken by both, which is harmless)
    v_snap   pg_snapshot := pg_current_snapshot();
    v_hasta  timestamptz;
    v_nuevas bigint;
    v_n      bigint;
    v_hora_min timestamptz;
    v_hora_max timestamptz;
    v_pozos  bigint;
BEGIN
    -- The wells with new rows (every step below works per well from them, by index), with how many new rows each
    -- has and the latest created_at among them (for rows_synced and synced_until).
    IF to_regclass('pg_temp.bp010_cdi_pozos') IS NOT NULL THEN
        DROP TABLE pg_temp.bp010_cdi_pozos;
    END IF;
    CREATE TEMP TABLE bp010_cdi_pozos (well_id text PRIMARY KEY, con_carta boolean NOT NULL, n bigint NOT NULL,
                                       ts timestamptz) ON COMMIT DROP;
    INSERT INTO bp010_cdi_pozos
    SELECT x.well_id, bool_or(x.con_carta), count(*), max(x.ts)
      FROM (SELECT well_id, true AS con_carta, created_at AS ts FROM universal.diagnostico
             WHERE write_xid >= v_xmin AND NOT pg_visible_in_snapshot(write_xid, v_prev)
            UNION ALL
            SELECT well_id, true, created_at FROM universal.stroke
             WHERE write_xid >= v_xmin AND NOT pg_visible_in_snapshot(write_xid, v_prev)
            UNION ALL
            SELECT well_id, false, validado_en FROM universal.validacion_experta
             WHERE write_xid >= v_xmin AND NOT pg_visible_in_snapshot(write_xid, v_prev)) x
     GROUP BY x.well_id;
    SELECT max(ts), coalesce(sum(n), 0), count(*) INTO v_hasta, v_nuevas, v_pozos FROM bp010_cdi_pozos;
    IF v_nuevas = 0 THEN
        RAISE NOTICE 'sync_cdi: nothing new since snapshot %', v_prev;
        RETURN;
    END IF;
    ANALYZE bp010_cdi_pozos;

    -- 1. Current values of the wells with new rows: latest diagnosis, and the model's accuracy as judged by experts
    --    (share of validated diagnoses found correct; each diagnosis counted once, by its latest validation).
    UPDATE reporting.dataset_current_values cv
       SET cdi_diagnostico = s.clase, cdi_probabilidad = s.probabilidad, cdi_modelo_version = s.modelo_version,
           cdi_fecha = s.timestamp_lectura, ai_accuracy_cdi = s.accuracy, ai_accuracy_n_validaciones = s.n_val,
           run_id = coalesce(p_run_id, cv.run_id), updated_at = now()
      FROM (SELECT p.well_id, ult.clase, ult.probabilidad, ult.modelo_version, ult.timestamp_lectura,
                   acc.accuracy, coalesce(acc.n_val, 0)::integer AS n_val
              FROM bp010_cdi_pozos p
              LEFT JOIN LATERAL (SELECT d.clase, d.probabilidad, d.modelo_version, d.timestamp_lectura
                                   FROM universal.diagnostico d
                                  WHERE d.well_id = p.well_id
                                  ORDER BY d.timestamp_lectura DESC, d.created_at DESC, d.diagnostico_id DESC
                                  LIMIT 1) ult ON true
              LEFT JOIN LATERAL (SELECT avg(CASE WHEN v.es_correcto THEN 1.0 ELSE 0.0 END) AS accuracy,
                                        count(*) AS n_val
                                   FROM (SELECT DISTINCT ON (v.diagnostico_id) v.es_correcto
                                           FROM universal.validacion_experta v
                                           JOIN universal.diagnostico d ON d.diagnostico_id = v.diagnostico_id
                                          WHERE d.well_id = p.well_id
                                          ORDER BY v.diagnostico_id, v.validado_en DESC, v.validacion_id DESC) v
                                ) acc ON true) s
     WHERE cv.well_id = s.well_id
       AND (cv.cdi_diagnostico, cv.cdi_probabilidad, cv.cdi_modelo_version, cv.cdi_fecha, cv.ai_accuracy_cdi,
            cv.ai_accuracy_n_validaciones)
           IS DISTINCT FROM (s.clase, s.probabilidad, s.modelo_version, s.timestamp_lectura, s.accuracy, s.n_val);
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RAISE NOTICE 'sync_cdi: % current-value rows updated', v_n;

    -- 2. The latest card of those wells: the newer of their latest surface stroke and the card already shown, with
    --    the diagnosis of that stroke (or of that well and time), its pump card (the FONDO stroke of the same
    --    reading) and its source: RULES (the pipeline's card step, docs/CARDS.md) or ML; PRHP with the stroke's SPM,
    --    else the current SPM.
    INSERT INTO reporting.dataset_latest_dynacard AS t
           (well_id, timestamp_lectura, position, load, n_puntos, carrera_in, carga_max, carga_min, area_lbf_in, prhp,
            cdi_diagnostico, cdi_probabilidad, fuente, position_fondo, load_fondo, llenado_pct, severidad, base,
            modelo_version, razones, updated_at)
    SELECT c.well_id, c.timestamp_lectura, c.position, c.load, cardinality(c.position),
           g.carrera, g.carga_max, g.carga_min, g.area,
           coalesce(stage.fnc_calc_prhp(g.area, c.spm, cfg.prhp_divisor), c.prhp),
           dg.clase, dg.probabilidad,
           -- the source of the card shown and its diagnosis: the rules of the pipeline's card step, or an ML module
           CASE WHEN c.stroke_id IS NULL THEN c.fuente
                WHEN dg.modelo_version LIKE 'bp010-rules-%' THEN 'RULES' ELSE 'ML' END,
           fondo.position, fondo.load, dg.llenado_pct, dg.severidad, dg.base, dg.modelo_version, dg.razones, now()
      FROM (-- per well, the newer of its latest surface stroke (one per reading: stroke_uk, read backwards) and the
            -- card already shown; at the same time the stroke wins
            SELECT x.*
              FROM bp010_cdi_pozos p
             CROSS JOIN LATERAL (
                    SELECT y.*
                      FROM (SELECT s.well_id, s.timestamp_lectura, s.position, s.load,
                                   coalesce(s.spm, (SELECT cv.strokes_per_minute FROM reporting.dataset_current_values cv
                                                     WHERE cv.well_id = s.well_id)) AS spm,
                                   NULL::double precision AS prhp, 'ML'::text AS fuente, s.stroke_id,
                                   k.well_id IS NOT NULL AS geometria, k.carrera_in, k.carga_max, k.carga_min,
                                   k.area_lbf_in
                              FROM (SELECT s1.* FROM universal.stroke s1
                                     WHERE s1.well_id = p.well_id AND s1.tipo_carta = 'SUPERFICIE'
                                     ORDER BY s1.timestamp_lectura DESC
                                     LIMIT 1) s
                              -- the SCADA card phase 5 just showed for the same reading, when its arrays are the
                              -- stroke's bit for bit: its geometry is what the same functions give on the same
                              -- arrays, so it is taken instead of computed again
                              LEFT JOIN reporting.dataset_latest_dynacard k
                                ON k.well_id = s.well_id AND k.timestamp_lectura = s.timestamp_lectura
                               AND k.fuente = 'SCADA'
                               AND array_send(k.position) = array_send(s.position)
                               AND array_send(k.load) = array_send(s.load)
                            UNION ALL
                            SELECT k.well_id, k.timestamp_lectura, k.position, k.load, NULL, k.prhp, k.fuente, NULL,
                                   false, NULL, NULL, NULL, NULL
                              FROM reporting.dataset_latest_dynacard k
                             WHERE k.well_id = p.well_id) y
                     ORDER BY y.timestamp_lectura DESC, (y.stroke_id IS NOT NULL) DESC
                     LIMIT 1) x
             WHERE p.con_carta) c
     CROSS JOIN reporting.fnc_config_fisica() cfg
     -- the card's geometry, each once
     CROSS JOIN LATERAL (SELECT c.carrera_in AS carrera, c.carga_max, c.carga_min, c.area_lbf_in AS area
                          WHERE c.geometria
                         UNION ALL
                         SELECT k.carrera_in, k.carga_max, k.carga_min, k.area_lbf_in
                           FROM stage.fnc_card_geometry(c.position, c.load) k
                          WHERE NOT c.geometria) g
      LEFT JOIN LATERAL (SELECT d.clase, d.probabilidad, d.modelo_version, d.llenado_pct, d.severidad, d.base,
                                d.razones
                           FROM universal.diagnostico d
                          WHERE d.well_id = c.well_id
                            AND (d.stroke_id = c.stroke_id OR d.timestamp_lectura = c.timestamp_lectura)
                          ORDER BY (d.stroke_id IS NOT DISTINCT FROM c.stroke_id) DESC, d.created_at DESC,
                                   d.diagnostico_id DESC
                          LIMIT 1) dg ON true
      LEFT JOIN LATERAL (SELECT f.position, f.load FROM universal.stroke f
                          WHERE f.well_id = c.well_id AND f.timestamp_lectura = c.timestamp_lectura
                            AND f.tipo_carta = 'FONDO'
                          ORDER BY f.stroke_id DESC
                          LIMIT 1) fondo ON true
    ON CONFLICT (well_id) DO UPDATE
       SET timestamp_lectura = EXCLUDED.timestamp_lectura, position = EXCLUDED.position, load = EXCLUDED.load,
           n_puntos = EXCLUDED.n_puntos, carrera_in = EXCLUDED.carrera_in, carga_max = EXCLUDED.carga_max,
           carga_min = EXCLUDED.carga_min, area_lbf_in = EXCLUDED.area_lbf_in, prhp = EXCLUDED.prhp,
           cdi_diagnostico = EXCLUDED.cdi_diagnostico, cdi_probabilidad = EXCLUDED.cdi_probabilidad,
           fuente = EXCLUDED.fuente, position_fondo = EXCLUDED.position_fondo, load_fondo = EXCLUDED.load_fondo,
           llenado_pct = EXCLUDED.llenado_pct, severidad = EXCLUDED.severidad, base = EXCLUDED.base,
           modelo_version = EXCLUDED.modelo_version, razones = EXCLUDED.razones, updated_at = EXCLUDED.updated_at
     WHERE (t.timestamp_lectura, t.position, t.load, t.prhp, t.cdi_diagnostico, t.cdi_probabilidad, t.fuente,
            t.position_fondo, t.llenado_pct, t.severidad, t.modelo_version)
           IS DISTINCT FROM (EXCLUDED.timestamp_lectura, EXCLUDED.position, EXCLUDED.load, EXCLUDED.prhp,
            EXCLUDED.cdi_diagnostico, EXCLUDED.cdi_probabilidad, EXCLUDED.fuente, EXCLUDED.position_fondo,
            EXCLUDED.llenado_pct, EXCLUDED.severidad, EXCLUDED.modelo_version);
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RAISE NOTICE 'sync_cdi: % latest cards written', v_n;

    -- 2b. The current PRHP of those wells where they report no card area: the derived step took it from the card shown
    --     when it ran, and the card just written may differ from that one (a stroke keeps its card to 0.001 in and 0.1
    --     lb, the SCADA card it replaces keeps the reading's digits), so it is taken again from the card shown now, as
    --     the derived step takes it (stage.fnc_calc_prhp of the card's area and the current SPM): the same value
    --     whichever order the runs wrote the card in. Only rows whose value changes are written.
    UPDATE reporting.dataset_current_values cv
       SET prhp_calc = stage.fnc_calc_prhp(k.area_lbf_in, cv.strokes_per_minute, cfg.prhp_divisor),
           run_id = coalesce(p_run_id, cv.run_id), updated_at = now()
      FROM bp010_cdi_pozos p
      JOIN reporting.dataset_latest_dynacard k ON k.well_id = p.well_id
     CROSS JOIN reporting.fnc_config_fisica() cfg
     WHERE cv.well_id = p.well_id AND p.con_carta AND cv.card_area IS NULL
       AND cv.prhp_calc IS DISTINCT FROM stage.fnc_calc_prhp(k.area_lbf_in, cv.strokes_per_minute, cfg.prhp_divisor);

    -- 3. Hourly facts: the latest diagnosis of each hour that has new diagnoses. Each well's diagnoses from its first
    --    to its last new hour are read by one index range scan, the latest of each hour kept, then only the hours with
    --    new ones; computed into a temp table (analysed) that the update probes the facts from by key. Both CTEs are
    --    materialised: joined in one statement, the planner ran the per-well scan once per new hour instead of once
    --    per well (26,400 scans of a well's day at 1,000 wells x 1 day), or probed the facts by their time index.
    --    A multi-day sync (more than 200 new rows a well: about 3 rows an hour, so more than ~3 days of new hours a
    --    well; 2,160 a well at 100 wells x 30 days) keeps the new hours alone in the temp table and runs the per-well
    --    scan inside the update: there the materialised scan's rows (every new hour with its diagnosis, written to a
    --    temp table, sorted and joined back) cost more than the scan saves (690 -> 857 ms at 100 x 30). The per-well
    --    scan per new hour that the materialised form prevents is a 1-day and hourly plan (hundreds of wells, 1-24
    --    hours each). Both branches update the same rows with the same values.
    IF v_nuevas > 200 * v_pozos THEN
        IF to_regclass('pg_temp.bp010_cdi_horas_nuevas') IS NOT NULL THEN
            DROP TABLE pg_temp.bp010_cdi_horas_nuevas;
        END IF;
        CREATE TEMP TABLE bp010_cdi_horas_nuevas ON COMMIT DROP AS
        SELECT DISTINCT d.well_id, date_trunc('hour', d.timestamp_lectura) AS hora
          FROM universal.diagnostico d
         WHERE d.write_xid >= v_xmin AND NOT pg_visible_in_snapshot(d.write_xid, v_prev);
        ANALYZE bp010_cdi_horas_nuevas;
        SELECT min(hora), max(hora) INTO v_hora_min, v_hora_max FROM bp010_cdi_horas_nuevas;
        UPDATE reporting.fact_operaciones_horarias h
           SET cdi_diagnostico = s.clase, cdi_probabilidad = s.probabilidad, updated_at = now()
          FROM (SELECT n.well_id, n.hora, u.clase, u.probabilidad
                  FROM (SELECT x.well_id, min(x.hora) AS desde, max(x.hora) AS hasta
                          FROM bp010_cdi_horas_nuevas x GROUP BY x.well_id) w
                 CROSS JOIN LATERAL (SELECT DISTINCT ON (date_trunc('hour', d.timestamp_lectura))
                                            date_trunc('hour', d.timestamp_lectura) AS hora, d.clase, d.probabilidad
                                       FROM universal.diagnostico d
                                      WHERE d.well_id = w.well_id AND d.timestamp_lectura >= w.desde
                                        AND d.timestamp_lectura < w.hasta + interval '1 hour'
                                      ORDER BY date_trunc('hour', d.timestamp_lectura), d.timestamp_lectura DESC,
                                               d.created_at DESC, d.diagnostico_id DESC) u
                  JOIN bp010_cdi_horas_nuevas n ON n.well_id = w.well_id AND n.hora = u.hora) s
         WHERE h.well_id = s.well_id AND h.fecha_hora = s.hora
           AND h.fecha_hora BETWEEN v_hora_min AND v_hora_max
           AND (h.cdi_diagnostico, h.cdi_probabilidad) IS DISTINCT FROM (s.clase, s.probabilidad);
    ELSE
        IF to_regclass('pg_temp.bp010_cdi_horas') IS NOT NULL THEN
            DROP TABLE pg_temp.bp010_cdi_horas;
        END IF;
        CREATE TEMP TABLE bp010_cdi_horas ON COMMIT DROP AS
        WITH n AS MATERIALIZED (
            SELECT DISTINCT d.well_id, date_trunc('hour', d.timestamp_lectura) AS hora
              FROM universal.diagnostico d
             WHERE d.write_xid >= v_xmin AND NOT pg_visible_in_snapshot(d.write_xid, v_prev)
        ), u AS MATERIALIZED (
            SELECT w.well_id, u.hora, u.clase, u.probabilidad
              FROM (SELECT n.well_id, min(n.hora) AS desde, max(n.hora) AS hasta FROM n GROUP BY n.well_id) w
             CROSS JOIN LATERAL (SELECT DISTINCT ON (date_trunc('hour', d.timestamp_lectura))
                                        date_trunc('hour', d.timestamp_lectura) AS hora, d.clase, d.probabilidad
                                   FROM universal.diagnostico d
                                  WHERE d.well_id = w.well_id AND d.timestamp_lectura >= w.desde
                                    AND d.timestamp_lectura < w.hasta + interval '1 hour'
                                  ORDER BY date_trunc('hour', d.timestamp_lectura), d.timestamp_lectura DESC,
                                           d.created_at DESC, d.diagnostico_id DESC) u
        )
        SELECT u.well_id, u.hora, u.clase, u.probabilidad
          FROM u JOIN n ON n.well_id = u.well_id AND n.hora = u.hora;
        ANALYZE bp010_cdi_horas;
        SELECT min(hora), max(hora) INTO v_hora_min, v_hora_max FROM bp010_cdi_horas;
        UPDATE reporting.fact_operaciones_horarias h
           SET cdi_diagnostico = s.clase, cdi_probabilidad = s.probabilidad, updated_at = now()
          FROM bp010_cdi_horas s
         WHERE h.well_id = s.well_id AND h.fecha_hora = s.hora
           AND h.fecha_hora BETWEEN v_hora_min AND v_hora_max   -- prunes partitions, lets the time index bound the read
           AND (h.cdi_diagnostico, h.cdi_probabilidad) IS DISTINCT FROM (s.clase, s.probabilidad);
    END IF;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RAISE NOTICE 'sync_cdi: % hourly facts updated', v_n;

    PERFORM reporting.fnc_ml_sync_registrar('CDI', v_hasta, v_nuevas, v_snap);
END
$$;
COMMENT ON PROCEDURE reporting.sp_sync_cdi_to_reporting(uuid) IS
    'universal stroke/diagnostico/validacion_experta -> dataset_current_values (cdi_*, ai_accuracy_*), dataset_latest_dynacard, hourly facts';

-- ---------------------------------------------------------------------------------------------------------------
-- IPR: inflow performance results
-- ---------------------------------------------------------------------------------------------------------------
-- Every IPR result with what its model implies where the result left it out: qmax and J from the test point
-- through the functions of R__10 (Vogel J = 1.8 qmax / Pr, the slope of the curve at Pr).
CREATE OR REPLACE FUNCTION reporting.fnc_ipr_completo()
RETURNS TABLE (well_id text, ipr_id bigint, fecha_calculo timestamptz, created_at timestamptz, modelo text,
               pr double precision, pb double precision, qmax double precision, j double precision,
               eficiencia_flujo double precision)
LANGUAGE sql STABLE
AS $$
    SELECT r.well_id, r.ipr_id, r.fecha_calculo, r.created_at, r.modelo, r.presion_yacimiento, r.presion_burbuja,
           CASE r.modelo
               WHEN 'VOGEL' THEN coalesce(r.qmax, stage.fnc_calc_vogel_qmax(r.q_prueba, r.pwf_prueba, r.presion_yacimiento))
               WHEN 'COMPUESTO' THEN coalesce(r.qmax, stage.fnc_calc_composite_qmax(
                   coalesce(r.indice_productividad, stage.fnc_calc_composite_j(r.q_prueba, r.pwf_prueba,
                            r.presion_yacimiento, r.presion_burbuja)), r.presion_yacimiento, r.presion_burbuja))
               ELSE coalesce(r.qmax, coalesce(r.indice_productividad, stage.fnc_calc_productivity_index(
                   r.q_prueba, r.presion_yacimiento, r.pwf_prueba)) * r.presion_yacimiento)
           END,
           CASE r.modelo
               WHEN 'VOGEL' THEN coalesce(r.indice_productividad, 1.8 * coalesce(r.qmax, stage.fnc_calc_vogel_qmax(
                   r.q_prueba, r.pwf_prueba, r.presion_yacimiento)) / NULLIF(r.presion_yacimiento, 0))
               WHEN 'COMPUESTO' THEN coalesce(r.indice_productividad, stage.fnc_calc_composite_j(r.q_prueba,
                   r.pwf_prueba, r.presion_yacimiento, r.presion_burbuja))
               ELSE coalesce(r.indice_productividad, stage.fnc_calc_productivity_index(r.q_prueba,
                   r.presion_yacimiento, r.pwf_prueba))
           END,
           r.eficiencia_flujo
      FROM universal.ipr_resultados r
$$;
COMMENT ON FUNCTION reporting.fnc_ipr_completo() IS
    'Every IPR result with qmax and J completed from its test point (Vogel, composite, straight line); Vogel J = 1.8 qmax / Pr';

-- The latest IPR result per well (by fecha_calculo).
CREATE OR REPLACE FUNCTION reporting.fnc_ipr_vigente()
RETURNS TABLE (well_id text, ipr_id bigint, fecha_calculo timestamptz, created_at timestamptz, modelo text,
               pr double precision, pb double precision, qmax double precision, j double precision,
               eficiencia_flujo double precision)
LANGUAGE sql STABLE
AS $$
    SELECT DISTINCT ON (c.well_id) c.*
      FROM reporting.fnc_ipr_completo() c
     ORDER BY c.well_id, c.fecha_calculo DESC, c.ipr_id DESC
$$;
COMMENT ON FUNCTION reporting.fnc_ipr_vigente() IS 'Latest completed IPR result per well (reporting.fnc_ipr_completo)';

CREATE OR REPLACE PROCEDURE reporting.sp_sync_ipr_to_reporting(
    p_run_id uuid DEFAULT NULL)
LANGUAGE plpgsql
AS $$
DECLARE
    v_sync   timestamptz := reporting.fnc_ml_sync_hasta('IPR');
    v_desde  timestamptz := reporting.fnc_ml_sync_hasta('IPR') - interval '15 minutes';
    v_hasta  timestamptz;
    v_nuevas bigint;
    v_n      bigint;
BEGIN
    SELECT max(created_at), count(*) INTO v_hasta, v_nuevas FROM universal.ipr_resultados WHERE created_at > v_sync;
    IF v_nuevas = 0 THEN
        RAISE NOTICE 'sync_ipr: nothing new since %', v_sync;
        RETURN;
    END IF;

    -- 1. Current values of the wells with new results.
    UPDATE reporting.dataset_current_values cv
       SET ipr_modelo = s.modelo, ipr_qmax = s.qmax, ipr_eficiencia = s.eficiencia_flujo,
           ipr_indice_productividad = s.j, ipr_fecha = s.fecha_calculo,
           run_id = coalesce(p_run_id, cv.run_id), updated_at = now()
      FROM reporting.fnc_ipr_vigente() s
     WHERE cv.well_id = s.well_id
       AND s.well_id IN (SELECT well_id FROM universal.ipr_resultados WHERE created_at > v_desde);
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RAISE NOTICE 'sync_ipr: % current-value rows updated', v_n;

    -- 2. The inflow curve of those wells: 21 points from Pr down to 0 psi (the curve is replaced whole).
    DELETE FROM reporting.dataset_ipr_curva
     WHERE well_id IN (SELECT well_id FROM universal.ipr_resultados WHERE created_at > v_desde);
    INSERT INTO reporting.dataset_ipr_curva (well_id, punto, pwf, q, modelo, ipr_id, updated_at)
    SELECT c.well_id, c.punto, c.pwf, c.q, c.modelo, c.ipr_id, now()
      FROM (SELECT s.well_id, g.punto::smallint AS punto, s.pr * (20 - g.punto) / 20 AS pwf, s.modelo, s.ipr_id,
                   CASE s.modelo
                       WHEN 'VOGEL' THEN stage.fnc_calc_vogel_q(s.qmax, s.pr * (20 - g.punto) / 20, s.pr)
                       WHEN 'COMPUESTO' THEN stage.fnc_calc_composite_q(s.j, s.pr, s.pb, s.pr * (20 - g.punto) / 20)
                       ELSE s.j * (s.pr - s.pr * (20 - g.punto) / 20)
                   END AS q
              FROM reporting.fnc_ipr_vigente() s
             CROSS JOIN generate_series(0, 20) AS g(punto)
             WHERE s.well_id IN (SELECT well_id FROM universal.ipr_resultados WHERE created_at > v_desde)) c
     WHERE c.q IS NOT NULL AND c.pwf IS NOT NULL;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RAISE NOTICE 'sync_ipr: % curve points written', v_n;

    -- 3. Hourly facts: each new result in the hour it was computed.
    UPDATE reporting.fact_operaciones_horarias h
       SET ipr_qmax = s.qmax, ipr_eficiencia = s.eficiencia_flujo, updated_at = now()
      FROM (SELECT DISTINCT ON (i.well_id, date_trunc('hour', i.fecha_calculo))
                   i.well_id, date_trunc('hour', i.fecha_calculo) AS hora, i.qmax, i.eficiencia_flujo
              FROM reporting.fnc_ipr_completo() i
             WHERE i.created_at > v_desde
             ORDER BY i.well_id, date_trunc('hour', i.fecha_calculo), i.fecha_calculo DESC, i.ipr_id DESC) s
     WHERE h.well_id = s.well_id AND h.fecha_hora = s.hora
       AND (h.ipr_qmax, h.ipr_eficiencia) IS DISTINCT FROM (s.qmax, s.eficiencia_flujo);
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RAISE NOTICE 'sync_ipr: % hourly facts updated', v_n;

    PERFORM reporting.fnc_ml_sync_registrar('IPR', v_hasta, v_nuevas);
END
$$;
COMMENT ON PROCEDURE reporting.sp_sync_ipr_to_reporting(uuid) IS
    'universal.ipr_resultados -> dataset_current_values (ipr_*), dataset_ipr_curva (21 points), hourly facts';

-- ---------------------------------------------------------------------------------------------------------------
-- ARPS: decline fits
-- ---------------------------------------------------------------------------------------------------------------
CREATE OR REPLACE PROCEDURE reporting.sp_sync_arps_to_reporting(
    p_run_id uuid DEFAULT NULL)
LANGUAGE plpgsql
AS $$
DECLARE
    v_sync   timestamptz := reporting.fnc_ml_sync_hasta('ARPS');
    v_desde  timestamptz := reporting.fnc_ml_sync_hasta('ARPS') - interval '15 minutes';
    v_hasta  timestamptz;
    v_nuevas bigint;
    v_as_of  timestamptz := reporting.fnc_as_of_run(p_run_id);
    v_n      bigint;
BEGIN
    SELECT max(created_at), count(*) INTO v_hasta, v_nuevas FROM universal.arps_resultados WHERE created_at > v_sync;
    IF v_nuevas = 0 THEN
        RAISE NOTICE 'sync_arps: nothing new since %', v_sync;
        RETURN;
    END IF;

    -- 1. KPI rows of the wells with new fits: the fit, its effective decline, EUR and the remaining reserves at the end
    --    of each period (at as-of for the current one).
    UPDATE reporting.dataset_kpi_business k
       SET arps_modelo = a.modelo, arps_qi = a.qi, arps_di_anual = a.di_anual, arps_b = a.b,
           declinacion_anual_efectiva = 100 * stage.fnc_calc_arps_effective_decline(a.di_anual, a.b),
           eur_bbl = stage.fnc_calc_arps_eur(a.qi, a.di_anual, a.b, a.q_limite),
           eur_remanente_bbl = reporting.fnc_arps_remanente_en(a.qi, a.di_anual, a.b, a.q_limite, a.fecha_inicio,
               least(CASE k.tipo_periodo WHEN 'DIA' THEN (k.periodo + 1)::timestamptz
                                         ELSE (k.periodo + interval '1 month')::date::timestamptz END, v_as_of)),
           run_id = coalesce(p_run_id, k.run_id), updated_at = now()
      FROM reporting.fnc_arps_vigente(v_as_of) a
     WHERE k.well_id = a.well_id AND a.fuente = 'ML'
       AND a.well_id IN (SELECT well_id FROM universal.arps_resultados WHERE created_at > v_desde);
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RAISE NOTICE 'sync_arps: % KPI rows updated', v_n;

    -- 2. The monthly forecast of those wells' fits, from the fit's first month to the economic limit (at most 30
    --    years): rate and cumulative at the start of each month (replaced whole).
    DELETE FROM reporting.dataset_arps_pronostico
     WHERE well_id IN (SELECT well_id FROM universal.arps_resultados WHERE created_at > v_desde);
    INSERT INTO reporting.dataset_arps_pronostico (well_id, mes, q_bpd, np_acumulado_bbl, modelo, arps_id, updated_at)
    SELECT f.well_id, f.mes, f.q, f.np, f.modelo, f.arps_id, now()
      FROM (SELECT a.well_id, m.mes, a.modelo, a.arps_id,
                   stage.fnc_calc_arps_q(a.qi, a.di_anual, a.b, greatest(m.mes - a.fecha_inicio, 0) / 365.0) AS q,
                   stage.fnc_calc_arps_np(a.qi, a.di_anual, a.b, greatest(m.mes - a.fecha_inicio, 0) / 365.0) AS np
              FROM reporting.fnc_arps_vigente(v_as_of) a
             CROSS JOIN LATERAL (
                    SELECT (date_trunc('month', a.fecha_inicio) + make_interval(months => g))::date AS mes
                      FROM generate_series(0, least(359, coalesce(ceil(12 * stage.fnc_calc_arps_t_limit(
                               a.qi, a.di_anual, a.b, a.q_limite))::integer, 359))) AS g) m
             WHERE a.fuente = 'ML'
               AND a.well_id IN (SELECT well_id FROM universal.arps_resultados WHERE created_at > v_desde)
            OFFSET 0) f  -- evaluate q and Np once per row, not again for the filter
     WHERE f.q IS NOT NULL AND f.np IS NOT NULL;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RAISE NOTICE 'sync_arps: % forecast months written', v_n;

    -- 3. Reserves shown beside the Arps remaining.
    UPDATE reporting.dataset_reservas_pozo r
       SET eur_remanente_bbl = reporting.fnc_arps_remanente_en(a.qi, a.di_anual, a.b, a.q_limite, a.fecha_inicio,
                                                               v_as_of),
           updated_at = now()
      FROM reporting.fnc_arps_vigente(v_as_of) a
     WHERE r.well_id = a.well_id AND a.fuente = 'ML'
       AND a.well_id IN (SELECT well_id FROM universal.arps_resultados WHERE created_at > v_desde);

    PERFORM reporting.fnc_ml_sync_registrar('ARPS', v_hasta, v_nuevas);
END
$$;
COMMENT ON PROCEDURE reporting.sp_sync_arps_to_reporting(uuid) IS
    'universal.arps_resultados -> dataset_kpi_business (arps_*, eur_bbl, eur_remanente_bbl), dataset_arps_pronostico, dataset_reservas_pozo';
