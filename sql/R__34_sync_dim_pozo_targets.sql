-- BP010 family 3 (docs/SEED.md: V6.3 sync_dim_pozo_targets), phase 5 step 1: the dimensions the dashboard joins on.
--   reporting.dim_campo     fields of the well master with their well counts
--   reporting.dim_variable  the variable master as the dashboard shows it (unit, BI panel, whether it has limits)
--   reporting.dim_pozo      one row per well of the master: identity, target_<variable> for every variable of
--                           referencial.tbl_limites_pozo, the effective limits as jsonb, and the per-well KPI targets
-- Effective limits: a per-well row of tbl_limites_pozo overrides the all-wells row (well_id NULL) field by field; a
-- NULL field of the per-well row inherits the all-wells value. KPI targets: a per-well row of tbl_config_kpi is the
-- operator's per-well configuration and is applied here; the all-wells defaults are filled in phase 6 by
-- reporting.sp_populate_defaults (see dim_pozo.fuente_targets_kpi). Set-based: one statement per table.
-- Which wells: dim_campo and dim_variable are small and recomputed on every call (written only where they differ);
-- dim_pozo rows and the limits derived from the master (fluid_level, gearbox_torque) only for the wells marked in
-- reporting.dimensiones_pendientes (V18) since the last call - statement triggers below mark a well when its master
-- row, its limits, its per-well KPI rows or its dim_pozo row change (every well when an all-wells limits or KPI row
-- changes, a table is truncated, or this file is redefined). Nothing else the rows read can change, so the result
-- equals a sync of every well (DimensionSyncIT); the hourly run with an unchanged master pays only the two small tables.
-- Marks do not wait for readings: a default run without new readings calls this sync (and the semaphores, defaults and
-- consistency after it) when reporting.fnc_dimensiones_pendientes finds marks, answering DIMENSIONS_SYNCED; phase 6
-- calls it again when its own baselines marked wells (DimensionEditsIT).

-- Effective limits per well and variable (per-well fields over the all-wells row). Wells come from the master and from
-- the current values; variables from tbl_limites_pozo. Used by the sync below and by the dashboard views' callers.
CREATE OR REPLACE FUNCTION reporting.fnc_limites_efectivos()
RETURNS TABLE (
    well_id         text,
    nombre_tecnico  text,
    min_critical    double precision,
    min_warning     double precision,
    max_warning     double precision,
    max_critical    double precision,
    target          double precision,
    baseline        double precision,
    tolerancia_pct  double precision,
    por_pozo        boolean)
LANGUAGE sql
STABLE
AS $$
    WITH pozos AS (
        SELECT m.well_id FROM stage.tbl_pozo_maestra m
        UNION
        SELECT c.well_id FROM reporting.dataset_current_values c
    ), variables AS (
        SELECT DISTINCT l.nombre_tecnico FROM referencial.tbl_limites_pozo l
    )
    SELECT w.well_id, v.nombre_tecnico,
           coalesce(p.min_critical, g.min_critical),
           coalesce(p.min_warning, g.min_warning),
           coalesce(p.max_warning, g.max_warning),
           coalesce(p.max_critical, g.max_critical),
           coalesce(p.target, g.target),
           coalesce(p.baseline, g.baseline),
           coalesce(p.tolerancia_pct, g.tolerancia_pct),
           p.limite_id IS NOT NULL
      FROM pozos w
     CROSS JOIN variables v
      LEFT JOIN referencial.tbl_limites_pozo g ON g.well_id IS NULL AND g.nombre_tecnico = v.nombre_tecnico
      LEFT JOIN referencial.tbl_limites_pozo p ON p.well_id = w.well_id AND p.nombre_tecnico = v.nombre_tecnico
$$;

COMMENT ON FUNCTION reporting.fnc_limites_efectivos() IS
    'Effective limits per well and variable: per-well fields of tbl_limites_pozo over the all-wells row (NULL inherits)';

-- Per-well limits derived from the well master, for a well with these master values: the rows
-- sp_sync_dim_pozo_targets keeps with fuente = 'derivado_maestra' (none for a variable whose master value is missing).
--   fluid_level     A fluid level (ft from surface) means something only against the well's pump depth, so an
--                   all-wells row cannot judge a field whose pumps sit between 3,000 and 8,000 ft. With a pump depth
--                   Dp (TVD when known) above 2,500 ft: too much fluid above the pump (under-pumped) below Dp - 2000
--                   ft, target Dp - 300 ft, pump-off risk deeper than Dp - 100 ft, critical at the intake. No
--                   critical low of its own: the row's NULL min_critical inherits the all-wells one (the catalogue's
--                   800 ft, seeded from its 1,000 ft warning), except where that lies above the row's warning, Dp -
--                   2000 (a pump shallower than 2,800 ft): there min_critical = Dp - 2000, so the band is never
--                   inverted (min_critical <= min_warning, as tbl_limites_pozo_orden_chk asks of one row) and a level
--                   between Dp - 2000 and 800 ft reads by the well's warning, not as critical.
--   gearbox_torque  Peak torque (in*lbf) means something only against the unit's gearbox rating (the API size: 228D =
--                   228,000 in*lbf). With a rating R of at least 6,400 in*lbf (API 11E's smallest unit, 6.4D: a
--                   smaller number is no rating in in*lbf - 228 for a 228D - and would make every reading critical)
--                   and an all-wells row with max_critical > 0: that row scaled by R / its max_critical (max_critical =
--                   R; a 640D unit under the catalogue's 640,000 row keeps exactly its limits). No derived row without
--                   an all-wells max_critical.
-- Unit, class and volatility come from the all-wells row. Multiplied before divided: an exact quotient stays exact.
CREATE OR REPLACE FUNCTION reporting.fnc_limites_derivados(p_profundidad_bomba double precision,
                                                           p_profundidad_bomba_tvd double precision,
                                                           p_capacidad_caja_engranajes double precision)
RETURNS TABLE (
    nombre_tecnico  text,
    min_critical    double precision,
    min_warning     double precision,
    max_warning     double precision,
    max_critical    double precision,
    target          double precision,
    unidad          text,
    clasificacion   text,
    volatilidad_pct double precision)
LANGUAGE sql
STABLE
AS $$
    SELECT 'fluid_level'::text, CASE WHEN g.min_critical > p.dp - 2000 THEN p.dp - 2000 END, p.dp - 2000,
           p.dp - 100, p.dp, p.dp - 300,
           g.unidad, g.clasificacion, g.volatilidad_pct
      FROM (SELECT coalesce(p_profundidad_bomba_tvd, p_profundidad_bomba) AS dp) p
      LEFT JOIN referencial.tbl_limites_pozo g ON g.nombre_tecnico = 'fluid_level' AND g.well_id IS NULL
     WHERE p.dp > 2500
    UNION ALL
    SELECT 'gearbox_torque'::text, g.min_critical * p_capacidad_caja_engranajes / g.max_critical,
           g.min_warning * p_capacidad_caja_engranajes / g.max_critical,
           g.max_warning * p_capacidad_caja_engranajes / g.max_critical, p_capacidad_caja_engranajes,
           g.target * p_capacidad_caja_engranajes / g.max_critical, g.unidad, g.clasificacion, g.volatilidad_pct
      FROM referencial.tbl_limites_pozo g
     WHERE g.nombre_tecnico = 'gearbox_torque' AND g.well_id IS NULL AND g.max_critical > 0
       AND p_capacidad_caja_engranajes >= 6400
$$;

COMMENT ON FUNCTION reporting.fnc_limites_derivados(double precision, double precision, double precision) IS
    'Per-well limits derived from the well master (fluid_level from the pump depth, gearbox_torque from the gearbox rating): the rows sp_sync_dim_pozo_targets keeps with fuente = derivado_maestra';

CREATE OR REPLACE PROCEDURE reporting.sp_sync_dim_pozo_targets()
LANGUAGE plpgsql
SET jit = off
AS $proc$
DECLARE
    v_todos       boolean;
    v_marcados    bigint;
    v_kpi_cols    constant text[] := ARRAY['target_kwh_por_bbl', 'target_eficiencia_bomba_pct'];
    v_cols        text[];
    v_select      text := '';
    v_final       text := '';
    v_insert      text := '';
    v_values      text := '';
    v_set         text := '';
    v_changed     text := '';
    v_col         text;
    v_sql         text;
    v_campos      bigint;
    v_variables   bigint;
    v_pozos       bigint;
    v_sin_limites text[];
    v_derivados   bigint;
BEGIN
    -- The wells to recompute: the marks taken (deleted) now; a NULL mark means every well.
    IF to_regclass('pg_temp.bp010_dim_pozos') IS NOT NULL THEN
        DROP TABLE pg_temp.bp010_dim_pozos;
    END IF;
    CREATE TEMP TABLE bp010_dim_pozos (well_id text PRIMARY KEY) ON COMMIT DROP;
    WITH tomadas AS (
        DELETE FROM reporting.dimensiones_pendientes RETURNING well_id
    ), todos AS (
        SELECT bool_or(t.well_id IS NULL) AS todos FROM tomadas t
    ), pozos AS (
        INSERT INTO bp010_dim_pozos
        SELECT DISTINCT t.well_id FROM tomadas t WHERE t.well_id IS NOT NULL
        RETURNING 1
    )
    SELECT coalesce((SELECT todos FROM todos), false), (SELECT count(*) FROM pozos) INTO v_todos, v_marcados;
    ANALYZE bp010_dim_pozos;

    -- Limits derived from the well master (reporting.fnc_limites_derivados: fluid_level from the pump depth,
    -- gearbox_torque from the gearbox rating). These rows carry fuente = 'derivado_maestra' and follow the master; a
    -- per-well row an operator or the config file wrote is never touched, and wells without the master value keep the
    -- all-wells row.
    WITH derivados AS (
        SELECT m.well_id, d.*
          FROM stage.tbl_pozo_maestra m
         CROSS JOIN LATERAL reporting.fnc_limites_derivados(m.profundidad_bomba, m.profundidad_bomba_tvd,
                                                            m.capacidad_caja_engranajes) d
         WHERE v_todos OR m.well_id IN (SELECT w.well_id FROM bp010_dim_pozos w)
    ), obsoletos AS (
        DELETE FROM referencial.tbl_limites_pozo l
         WHERE l.fuente = 'derivado_maestra'
           AND (v_todos OR l.well_id IN (SELECT w.well_id FROM bp010_dim_pozos w))
           -- (= not in derivados, probed by the master's key; a NOT EXISTS over the CTE was a nested loop of rows x
           -- wells, 150 ms at 1,000 wells)
           AND NOT EXISTS (SELECT 1 FROM stage.tbl_pozo_maestra m
                            CROSS JOIN LATERAL reporting.fnc_limites_derivados(m.profundidad_bomba,
                                                   m.profundidad_bomba_tvd, m.capacidad_caja_engranajes) d
                            WHERE m.well_id = l.well_id AND d.nombre_tecnico = l.nombre_tecnico)
        RETURNING 1
    ), escritos AS (
        INSERT INTO referencial.tbl_limites_pozo AS l (nombre_tecnico, well_id, min_critical, min_warning, max_warning,
               max_critical, target, baseline, unidad, clasificacion, volatilidad_pct, fuente)
        SELECT d.nombre_tecnico, d.well_id, d.min_critical, d.min_warning, d.max_warning, d.max_critical, d.target,
               d.target, d.unidad, d.clasificacion, d.volatilidad_pct, 'derivado_maestra'
          FROM derivados d
        ON CONFLICT (nombre_tecnico, well_id) DO UPDATE
           SET min_critical = EXCLUDED.min_critical, min_warning = EXCLUDED.min_warning,
               max_warning = EXCLUDED.max_warning, max_critical = EXCLUDED.max_critical, target = EXCLUDED.target,
               baseline = EXCLUDED.baseline, unidad = EXCLUDED.unidad, clasificacion = EXCLUDED.clasificacion,
               volatilidad_pct = EXCLUDED.volatilidad_pct, updated_at = now()
         WHERE l.fuente = 'derivado_maestra'
           AND (l.min_critical, l.min_warning, l.max_warning, l.max_critical, l.target, l.unidad, l.clasificacion,
                l.volatilidad_pct)
               IS DISTINCT FROM
               (EXCLUDED.min_critical, EXCLUDED.min_warning, EXCLUDED.max_warning, EXCLUDED.max_critical,
                EXCLUDED.target, EXCLUDED.unidad, EXCLUDED.clasificacion, EXCLUDED.volatilidad_pct)
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM escritos) INTO v_derivados;
    IF v_derivados > 0 THEN
        RAISE NOTICE 'sp_sync_dim_pozo_targets: % limits row(s) derived from the well master', v_derivados;
    END IF;

    -- Fields.
    WITH campos AS (
        SELECT m.campo, count(*)::integer AS n_pozos,
               (count(*) FILTER (WHERE upper(m.estado_pozo) = 'ACTIVO'))::integer AS n_pozos_activos
          FROM stage.tbl_pozo_maestra m
         WHERE m.campo IS NOT NULL
         GROUP BY m.campo
    ), borrados AS (
        DELETE FROM reporting.dim_campo d
         WHERE NOT EXISTS (SELECT 1 FROM campos c WHERE c.campo = d.campo)
        RETURNING 1
    ), escritos AS (
        INSERT INTO reporting.dim_campo AS d (campo, n_pozos, n_pozos_activos, updated_at)
        SELECT c.campo, c.n_pozos, c.n_pozos_activos, now() FROM campos c
        ON CONFLICT (campo) DO UPDATE
           SET n_pozos = EXCLUDED.n_pozos, n_pozos_activos = EXCLUDED.n_pozos_activos, updated_at = now()
         WHERE (d.n_pozos, d.n_pozos_activos) IS DISTINCT FROM (EXCLUDED.n_pozos, EXCLUDED.n_pozos_activos)
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM campos) INTO v_campos;

    -- Variables.
    WITH variables AS (
        SELECT v.nombre_tecnico, v.id_formato1, v.descripcion, v.unidad, v.panel_id, p.nombre AS panel_nombre,
               v.ident_dashboard, v.categoria,
               EXISTS (SELECT 1 FROM referencial.tbl_limites_pozo l WHERE l.nombre_tecnico = v.nombre_tecnico)
                   AS tiene_limites
          FROM referencial.tbl_maestra_variables v
          LEFT JOIN referencial.tbl_ref_paneles_bi p ON p.panel_id = v.panel_id
         WHERE v.activa
    ), borrados AS (
        DELETE FROM reporting.dim_variable d
         WHERE NOT EXISTS (SELECT 1 FROM variables v WHERE v.nombre_tecnico = d.nombre_tecnico)
        RETURNING 1
    ), escritos AS (
        INSERT INTO reporting.dim_variable AS d (nombre_tecnico, id_formato1, descripcion, unidad, panel_id,
                                                 panel_nombre, ident_dashboard, categoria, tiene_limites, updated_at)
        SELECT v.nombre_tecnico, v.id_formato1, v.descripcion, v.unidad, v.panel_id, v.panel_nombre,
               v.ident_dashboard, v.categoria, v.tiene_limites, now()
          FROM variables v
        ON CONFLICT (nombre_tecnico) DO UPDATE
           SET id_formato1 = EXCLUDED.id_formato1, descripcion = EXCLUDED.descripcion, unidad = EXCLUDED.unidad,
               panel_id = EXCLUDED.panel_id, panel_nombre = EXCLUDED.panel_nombre,
               ident_dashboard = EXCLUDED.ident_dashboard, categoria = EXCLUDED.categoria,
               tiene_limites = EXCLUDED.tiene_limites, updated_at = now()
         WHERE (d.id_formato1, d.descripcion, d.unidad, d.panel_id, d.panel_nombre, d.ident_dashboard, d.categoria,
                d.tiene_limites)
               IS DISTINCT FROM
               (EXCLUDED.id_formato1, EXCLUDED.descripcion, EXCLUDED.unidad, EXCLUDED.panel_id,
                EXCLUDED.panel_nombre, EXCLUDED.ident_dashboard, EXCLUDED.categoria, EXCLUDED.tiene_limites)
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM variables) INTO v_variables;

    -- Wells. The target_<variable> columns of dim_pozo (the KPI targets aside) take the effective target of the
    -- variable they name; a column whose variable has no limits row gets NULL. Identifiers come from the catalogue of
    -- dim_pozo's own columns and are quoted; the variable names travel as literals.
    SELECT array_agg(c.column_name ORDER BY c.ordinal_position)
      INTO v_cols
      FROM reporting.fnc_columnas('reporting', 'dim_pozo') c
     WHERE c.column_name LIKE 'target\_%' AND c.column_name <> ALL (v_kpi_cols)
       AND c.data_type = 'double precision';

    FOREACH v_col IN ARRAY coalesce(v_cols, '{}') LOOP
        v_select  := v_select || format(', max(e.target) FILTER (WHERE e.nombre_tecnico = %L) AS %I',
                                        substr(v_col, 8), v_col);
        v_final   := v_final || format(', coalesce(pr.%I, b.%I) AS %I', v_col, v_col, v_col);
        v_insert  := v_insert || format(', %I', v_col);
        v_values  := v_values || format(', a.%I', v_col);
        v_set     := v_set || format(', %I = EXCLUDED.%I', v_col, v_col);
        v_changed := v_changed || format(' OR d.%I IS DISTINCT FROM EXCLUDED.%I', v_col, v_col);
    END LOOP;

    -- The effective limits of a well (reporting.fnc_limites_efectivos) are the all-wells rows but for the variables
    -- the well has a row of its own: the all-wells object (and targets) is built once, and each well with rows of its
    -- own gets those entries over it (jsonb || replaces a key), instead of one object of every variable per well.
    v_sql := format($sql$
        WITH comunes AS (
            SELECT v.nombre_tecnico, g.min_critical, g.min_warning, g.max_warning, g.max_critical, g.target,
                   g.baseline, g.tolerancia_pct, false AS por_pozo
              FROM (SELECT DISTINCT l.nombre_tecnico FROM referencial.tbl_limites_pozo l) v
              LEFT JOIN referencial.tbl_limites_pozo g ON g.well_id IS NULL AND g.nombre_tecnico = v.nombre_tecnico
        ), propias AS (
            SELECT p.well_id, p.nombre_tecnico,
                   coalesce(p.min_critical, g.min_critical) AS min_critical,
                   coalesce(p.min_warning, g.min_warning) AS min_warning,
                   coalesce(p.max_warning, g.max_warning) AS max_warning,
                   coalesce(p.max_critical, g.max_critical) AS max_critical,
                   coalesce(p.target, g.target) AS target,
                   coalesce(p.baseline, g.baseline) AS baseline,
                   coalesce(p.tolerancia_pct, g.tolerancia_pct) AS tolerancia_pct,
                   true AS por_pozo
              FROM referencial.tbl_limites_pozo p
              LEFT JOIN referencial.tbl_limites_pozo g ON g.well_id IS NULL AND g.nombre_tecnico = p.nombre_tecnico
             WHERE p.well_id IS NOT NULL
               AND ($1 OR p.well_id IN (SELECT w.well_id FROM bp010_dim_pozos w))
        ), objetos AS (
            -- one object (and targets) per group: the all-wells rows (well_id NULL) and each well's own rows
            SELECT e.well_id,
                   jsonb_object_agg(e.nombre_tecnico, jsonb_build_object(
                       'min_critical', e.min_critical, 'min_warning', e.min_warning,
                       'max_warning', e.max_warning, 'max_critical', e.max_critical,
                       'target', e.target, 'baseline', e.baseline, 'tolerancia_pct', e.tolerancia_pct,
                       'por_pozo', e.por_pozo)) AS limites
                   %1$s
              FROM (SELECT NULL::text AS well_id, c.* FROM comunes c UNION ALL SELECT * FROM propias) e
             GROUP BY e.well_id
        ), base AS (
            -- (exactly one row, as the aggregate without GROUP BY gave: NULLs when there are no limits at all)
            SELECT o.* FROM (SELECT) z LEFT JOIN objetos o ON o.well_id IS NULL
        ), pr AS (
            SELECT o.* FROM objetos o WHERE o.well_id IS NOT NULL
        ), agg AS (
            SELECT m.well_id, coalesce(b.limites || pr.limites, b.limites) AS limites %6$s
              FROM stage.tbl_pozo_maestra m
             CROSS JOIN base b
              LEFT JOIN pr ON pr.well_id = m.well_id
             WHERE $1 OR m.well_id IN (SELECT w.well_id FROM bp010_dim_pozos w)
        ), kpi AS (
            SELECT k.well_id,
                   max(k.target) FILTER (WHERE k.kpi = 'kwh_por_bbl') AS target_kwh_por_bbl,
                   max(k.target) FILTER (WHERE k.kpi = 'eficiencia_volumetrica_pct') AS target_eficiencia_bomba_pct
              FROM referencial.tbl_config_kpi k
             WHERE k.well_id IS NOT NULL AND k.target IS NOT NULL
               AND k.kpi IN ('kwh_por_bbl', 'eficiencia_volumetrica_pct')
               AND ($1 OR k.well_id IN (SELECT w.well_id FROM bp010_dim_pozos w))
             GROUP BY k.well_id
        )
        INSERT INTO reporting.dim_pozo AS d (well_id, nombre_pozo, campo, yacimiento, estado_pozo, tipo_levantamiento,
               latitud, longitud, fecha_inicio_produccion, limites %2$s,
               target_kwh_por_bbl, target_eficiencia_bomba_pct, fuente_targets_kpi, updated_at)
        SELECT m.well_id, m.nombre_pozo, m.campo, m.yacimiento, m.estado_pozo, m.tipo_levantamiento,
               m.latitud, m.longitud, m.fecha_inicio_produccion, coalesce(a.limites, '{}'::jsonb) %3$s,
               -- a per-well KPI row wins; when it is gone, the value it had set is cleared (phase 6 refills the
               -- default); any other value (an operator's, or a default) is kept
               CASE WHEN k.target_kwh_por_bbl IS NOT NULL THEN k.target_kwh_por_bbl
                    WHEN o.fuente_targets_kpi ->> 'target_kwh_por_bbl' = 'CONFIG_POZO' THEN NULL
                    ELSE o.target_kwh_por_bbl END,
               CASE WHEN k.target_eficiencia_bomba_pct IS NOT NULL THEN k.target_eficiencia_bomba_pct
                    WHEN o.fuente_targets_kpi ->> 'target_eficiencia_bomba_pct' = 'CONFIG_POZO' THEN NULL
                    ELSE o.target_eficiencia_bomba_pct END,
               (coalesce(o.fuente_targets_kpi, '{}'::jsonb)
                    - CASE WHEN o.fuente_targets_kpi ->> 'target_kwh_por_bbl' = 'CONFIG_POZO'
                           THEN 'target_kwh_por_bbl' ELSE '' END
                    - CASE WHEN o.fuente_targets_kpi ->> 'target_eficiencia_bomba_pct' = 'CONFIG_POZO'
                           THEN 'target_eficiencia_bomba_pct' ELSE '' END)
               || jsonb_strip_nulls(jsonb_build_object(
                   'target_kwh_por_bbl', CASE WHEN k.target_kwh_por_bbl IS NOT NULL THEN 'CONFIG_POZO' END,
                   'target_eficiencia_bomba_pct',
                       CASE WHEN k.target_eficiencia_bomba_pct IS NOT NULL THEN 'CONFIG_POZO' END)),
               now()
          FROM stage.tbl_pozo_maestra m
          LEFT JOIN agg a ON a.well_id = m.well_id
          LEFT JOIN kpi k ON k.well_id = m.well_id
          LEFT JOIN reporting.dim_pozo o ON o.well_id = m.well_id
         WHERE $1 OR m.well_id IN (SELECT w.well_id FROM bp010_dim_pozos w)
        ON CONFLICT (well_id) DO UPDATE SET
               nombre_pozo = EXCLUDED.nombre_pozo, campo = EXCLUDED.campo, yacimiento = EXCLUDED.yacimiento,
               estado_pozo = EXCLUDED.estado_pozo, tipo_levantamiento = EXCLUDED.tipo_levantamiento,
               latitud = EXCLUDED.latitud, longitud = EXCLUDED.longitud,
               fecha_inicio_produccion = EXCLUDED.fecha_inicio_produccion, limites = EXCLUDED.limites %4$s,
               target_kwh_por_bbl = EXCLUDED.target_kwh_por_bbl,
               target_eficiencia_bomba_pct = EXCLUDED.target_eficiencia_bomba_pct,
               fuente_targets_kpi = EXCLUDED.fuente_targets_kpi,
               updated_at = now()
         WHERE d.nombre_pozo IS DISTINCT FROM EXCLUDED.nombre_pozo OR d.campo IS DISTINCT FROM EXCLUDED.campo
            OR d.yacimiento IS DISTINCT FROM EXCLUDED.yacimiento OR d.estado_pozo IS DISTINCT FROM EXCLUDED.estado_pozo
            OR d.tipo_levantamiento IS DISTINCT FROM EXCLUDED.tipo_levantamiento
            OR d.latitud IS DISTINCT FROM EXCLUDED.latitud OR d.longitud IS DISTINCT FROM EXCLUDED.longitud
            OR d.fecha_inicio_produccion IS DISTINCT FROM EXCLUDED.fecha_inicio_produccion
            OR d.limites IS DISTINCT FROM EXCLUDED.limites %5$s
            OR d.target_kwh_por_bbl IS DISTINCT FROM EXCLUDED.target_kwh_por_bbl
            OR d.target_eficiencia_bomba_pct IS DISTINCT FROM EXCLUDED.target_eficiencia_bomba_pct
            OR d.fuente_targets_kpi IS DISTINCT FROM EXCLUDED.fuente_targets_kpi
        $sql$, v_select, v_insert, v_values, v_set, v_changed, v_final);
    IF v_todos OR v_marcados > 0 THEN
        EXECUTE v_sql USING v_todos;
        GET DIAGNOSTICS v_pozos = ROW_COUNT;
    ELSE
        v_pozos := 0;
    END IF;

    -- What this call wrote (derived limits, dim_pozo rows) marked its own wells again: already recomputed.
    DELETE FROM reporting.dimensiones_pendientes p WHERE p.xid = pg_current_xact_id_if_assigned();

    SELECT array_agg(DISTINCT substr(c, 8) ORDER BY substr(c, 8))
      INTO v_sin_limites
      FROM unnest(coalesce(v_cols, '{}')) c
     WHERE NOT EXISTS (SELECT 1 FROM referencial.tbl_limites_pozo l WHERE l.nombre_tecnico = substr(c, 8));

    RAISE NOTICE 'sp_sync_dim_pozo_targets: % fields, % variables, % wells written of % recomputed (% target columns%)',
        v_campos, v_variables, v_pozos, CASE WHEN v_todos THEN 'every well' ELSE v_marcados::text END,
        coalesce(array_length(v_cols, 1), 0),
        CASE WHEN v_sin_limites IS NULL THEN ''
             ELSE '; without limits: ' || array_to_string(v_sin_limites, ', ') END;
END
$proc$;

COMMENT ON PROCEDURE reporting.sp_sync_dim_pozo_targets() IS
    'Phase 5.1: dim_campo and dim_variable from the masters; dim_pozo identity, target_<variable> and effective limits from tbl_limites_pozo (per-well fields override the all-wells row), per-well KPI targets from tbl_config_kpi';

-- The marks (reporting.dimensiones_pendientes): one statement trigger function for the tables the sync reads. A row
-- inserted, deleted, or updated into something else (load times aside; in dim_pozo the KPI targets mark only when
-- the sync would rewrite them: an operator's value over a per-well KPI row, which wins, or an entry CONFIG_POZO
-- without one - not the defaults of phase 6) marks its well_id; a NULL well_id (an all-wells limits or KPI row) and a
-- TRUNCATE mark every well.
CREATE OR REPLACE FUNCTION reporting.fnc_marcar_dimensiones()
RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    -- not compared: load times; in dim_pozo, the KPI targets phase 6 and operators write (the sync keeps a well's
    -- value unless its per-well KPI row says otherwise: compared below against that row, not column by column)
    v_fuera constant text[] := CASE WHEN TG_TABLE_NAME = 'dim_pozo'
                                    THEN ARRAY['created_at', 'updated_at', 'target_kwh_por_bbl',
                                               'target_eficiencia_bomba_pct', 'fuente_targets_kpi']
                                    ELSE ARRAY['created_at', 'updated_at'] END;
    v_clave  text;
    v_nuevas text;
    v_viejas text;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        INSERT INTO reporting.dimensiones_pendientes (well_id, motivo) VALUES (NULL, TG_TABLE_NAME || ' truncated');
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO reporting.dimensiones_pendientes (well_id, motivo)
        SELECT DISTINCT n.well_id, TG_TABLE_NAME FROM nuevo n;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO reporting.dimensiones_pendientes (well_id, motivo)
        SELECT DISTINCT o.well_id, TG_TABLE_NAME FROM viejo o;
    ELSE
        -- an updated row changed when a compared column differs from its old version (found by the primary key; a
        -- row whose key changed marks both wells): compared column by column, not as jsonb images of whole rows
        -- (phase 6 fills the KPI targets of every well of a new field: 1,000 wide rows turned into jsonb twice)
        SELECT string_agg(format('n.%1$I = o.%1$I', a.attname), ' AND ' ORDER BY a.attnum)
          INTO v_clave
          FROM pg_index i
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
         WHERE i.indrelid = TG_RELID AND i.indisprimary;
        SELECT string_agg(format('n.%I', a.attname), ', ' ORDER BY a.attnum),
               string_agg(format('o.%I', a.attname), ', ' ORDER BY a.attnum)
          INTO v_nuevas, v_viejas
          FROM pg_attribute a
         WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> ALL (v_fuera);
        IF v_clave IS NULL THEN
            INSERT INTO reporting.dimensiones_pendientes (well_id, motivo)
            SELECT DISTINCT x.j ->> 'well_id', TG_TABLE_NAME
              FROM ((SELECT to_jsonb(n) - v_fuera AS j FROM nuevo n EXCEPT SELECT to_jsonb(o) - v_fuera FROM viejo o)
                    UNION ALL
                    (SELECT to_jsonb(o) - v_fuera FROM viejo o EXCEPT SELECT to_jsonb(n) - v_fuera FROM nuevo n)) x;
        ELSE
            EXECUTE format($sql$
                INSERT INTO reporting.dimensiones_pendientes (well_id, motivo)
                SELECT DISTINCT x.well_id, %1$L
                  FROM (SELECT n.well_id FROM nuevo n LEFT JOIN viejo o ON %2$s
                         WHERE ROW(%3$s) IS DISTINCT FROM ROW(%4$s)
                        UNION ALL
                        SELECT o.well_id FROM viejo o LEFT JOIN nuevo n ON %2$s
                         WHERE ROW(%3$s) IS DISTINCT FROM ROW(%4$s)) x
                $sql$, TG_TABLE_NAME, v_clave, v_nuevas, v_viejas);
        END IF;
        -- dim_pozo's KPI targets: a change marks its well when it leaves a value the sync would rewrite, i.e. a
        -- KPI whose per-well tbl_config_kpi row (target not NULL) differs from the value or its entry is not
        -- CONFIG_POZO (the per-well row wins over an operator's value), or an entry CONFIG_POZO without such a row
        -- (the sync clears it). An operator's edit over a per-well KPI row is marked; the defaults of phase 6
        -- (entries DEFAULT, written only on wells without such a row) and an operator's value on a well without one
        -- are what the sync keeps, and mark nothing.
        IF TG_TABLE_NAME = 'dim_pozo' THEN
            INSERT INTO reporting.dimensiones_pendientes (well_id, motivo)
            SELECT DISTINCT n.well_id, 'dim_pozo KPI target'
              FROM nuevo n
              JOIN viejo o ON o.well_id = n.well_id
             CROSS JOIN LATERAL (
                   SELECT max(k.target) FILTER (WHERE k.kpi = 'kwh_por_bbl') AS kwh,
                          max(k.target) FILTER (WHERE k.kpi = 'eficiencia_volumetrica_pct') AS eficiencia
                     FROM referencial.tbl_config_kpi k
                    WHERE k.well_id = n.well_id AND k.target IS NOT NULL
                      AND k.kpi IN ('kwh_por_bbl', 'eficiencia_volumetrica_pct')) k
             WHERE (n.target_kwh_por_bbl, n.target_eficiencia_bomba_pct, n.fuente_targets_kpi)
                   IS DISTINCT FROM (o.target_kwh_por_bbl, o.target_eficiencia_bomba_pct, o.fuente_targets_kpi)
               AND (CASE WHEN k.kwh IS NOT NULL
                         THEN n.target_kwh_por_bbl IS DISTINCT FROM k.kwh
                              OR n.fuente_targets_kpi ->> 'target_kwh_por_bbl' IS DISTINCT FROM 'CONFIG_POZO'
                         ELSE n.fuente_targets_kpi ->> 'target_kwh_por_bbl' IS NOT DISTINCT FROM 'CONFIG_POZO' END
                    OR CASE WHEN k.eficiencia IS NOT NULL
                            THEN n.target_eficiencia_bomba_pct IS DISTINCT FROM k.eficiencia
                                 OR n.fuente_targets_kpi ->> 'target_eficiencia_bomba_pct'
                                    IS DISTINCT FROM 'CONFIG_POZO'
                            ELSE n.fuente_targets_kpi ->> 'target_eficiencia_bomba_pct'
                                 IS NOT DISTINCT FROM 'CONFIG_POZO' END);
        END IF;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION reporting.fnc_marcar_dimensiones() IS
    'Statement trigger: marks in reporting.dimensiones_pendientes the wells of the rows a statement changed (NULL: every well) for the next sp_sync_dim_pozo_targets';

DO $$
DECLARE
    v_tabla text;
BEGIN
    FOREACH v_tabla IN ARRAY ARRAY['stage.tbl_pozo_maestra', 'referencial.tbl_limites_pozo',
                                   'referencial.tbl_config_kpi', 'reporting.dim_pozo'] LOOP
        EXECUTE format('CREATE OR REPLACE TRIGGER trg_dimensiones_ins AFTER INSERT ON %s REFERENCING NEW TABLE AS nuevo'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION reporting.fnc_marcar_dimensiones()', v_tabla);
        EXECUTE format('CREATE OR REPLACE TRIGGER trg_dimensiones_upd AFTER UPDATE ON %s REFERENCING OLD TABLE AS viejo'
                       ' NEW TABLE AS nuevo FOR EACH STATEMENT EXECUTE FUNCTION reporting.fnc_marcar_dimensiones()',
                       v_tabla);
        EXECUTE format('CREATE OR REPLACE TRIGGER trg_dimensiones_del AFTER DELETE ON %s REFERENCING OLD TABLE AS viejo'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION reporting.fnc_marcar_dimensiones()', v_tabla);
        EXECUTE format('CREATE OR REPLACE TRIGGER trg_dimensiones_trunc AFTER TRUNCATE ON %s'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION reporting.fnc_marcar_dimensiones()', v_tabla);
    END LOOP;
END
$$;

-- The precedence of dim_pozo's KPI targets (the V5 comment said an operator's value is never overwritten: it is, by
-- the sync, where the well has a per-well KPI row; phase 6 never overwrites it).
COMMENT ON COLUMN reporting.dim_pozo.fuente_targets_kpi IS 'Where each KPI target (target_kwh_por_bbl, target_eficiencia_bomba_pct) came from: {"<column>": "CONFIG_POZO" (per-well tbl_config_kpi row, applied by sp_sync_dim_pozo_targets) | "DEFAULT" (all-wells row, filled by sp_populate_defaults)}; a value without an entry was set by an operator: the defaults never overwrite it, a per-well tbl_config_kpi row of that KPI does (per-well row > operator''s value > all-wells default)';

-- Whether dimension marks wait for the sync (of one well, or of all; an every-well mark counts for each): a default run
-- without new readings and without recomputation marks still applies them (PipelineRunner: status DIMENSIONS_SYNCED,
-- docs/CONTRACTS.md §4.4), so an operator's edit of the master, the limits or the KPI targets does not wait for the
-- next reading. One probe of a table that is empty in the idle hour.
CREATE OR REPLACE FUNCTION reporting.fnc_dimensiones_pendientes(p_well_id text)
RETURNS boolean
LANGUAGE sql STABLE
AS $$
    SELECT EXISTS (SELECT 1 FROM reporting.dimensiones_pendientes m
                    WHERE p_well_id IS NULL OR m.well_id = p_well_id OR m.well_id IS NULL)
$$;
COMMENT ON FUNCTION reporting.fnc_dimensiones_pendientes(text) IS
    'Whether reporting.dimensiones_pendientes holds marks for the well (NULL: any well): the next default run syncs the dimensions even without new readings';

-- A new definition recomputes every well at its next call.
INSERT INTO reporting.dimensiones_pendientes (well_id, motivo) VALUES (NULL, 'R__34 redefined');
