-- BP010 phase 2.3 (docs/SEED.md, phase 2.3 "Seeds"): referencial.sp_seed_defaults(), called at the end of every reference load.
-- Fills what the config files leave open, never what they (or an operator) set, one set-based statement per step:
--   1. tolerance of each limit row where missing (per-variable config_evaluacion row, else the global one);
--   2. critical limits from the warning ones x factor (factor_critico_min / factor_critico_max, per-variable
--      overrides allowed): min_critical = min_warning - |min_warning|*(1 - f_min),
--      max_critical = max_warning + |max_warning|*(f_max - 1); only where the warning exists;
--   3. volatility by class (tbl_limites_pozo.clasificacion ESTABLE / MODERADA / VOLATIL -> volatilidad_pct_<class>,
--      a per-variable 'volatilidad_pct' row overrides);
--   4. the kWh/bbl targets of tbl_config_kpi made consistent with the well targets: energy per day at target power
--      and target uptime over the target liquid (or oil) per day:
--      kwh_por_bbl = motor_power.target * 24 * uptime_pct/100 / (oil_rate.target + water_rate.target),
--      kwh_por_bbl_petroleo = the same over oil_rate.target; for all wells, and per well where a well has its own
--      targets; rows an operator set (fuente = 'operador') are left alone;
--   5. baseline = target where the baseline is missing (limits and KPI configuration).
-- Each step reports how many rows it filled with RAISE NOTICE. Idempotent: a second call changes nothing. The
-- limits rows the dimension sync derives from the well master (fuente = 'derivado_maestra', R__34) are the sync's:
-- left as it wrote them, so a reload does not give them what the first load (before they existed) did not.

-- A setting of referencial.config_evaluacion for one variable: its own row (key p_clave), else the all-variables row
-- of key p_global (none when p_global is NULL). The one lookup of the seeding steps below and of fnc_limite_sembrado.
CREATE OR REPLACE FUNCTION referencial.fnc_config_variable(p_clave text, p_nombre text, p_global text)
RETURNS double precision
LANGUAGE sql STABLE
AS $$
    SELECT coalesce((SELECT c.valor_num FROM referencial.config_evaluacion c
                      WHERE c.clave = p_clave AND c.nombre_tecnico = p_nombre),
                    (SELECT c.valor_num FROM referencial.config_evaluacion c
                      WHERE c.clave = p_global AND c.nombre_tecnico IS NULL))
$$;
COMMENT ON FUNCTION referencial.fnc_config_variable(text, text, text) IS
    'A config_evaluacion setting for one variable: its own row (key p_clave), else the all-variables row of key p_global';

-- What steps 1, 2, 3 and 5 below leave in an all-wells limits row that the reference loader wrote with these file
-- values (the seeded columns empty): the loader compares it with the stored row, so that reloading an unchanged file
-- rewrites nothing (lambda-load-referencial, CatalogueWriter). Keep it in step with those steps.
CREATE OR REPLACE FUNCTION referencial.fnc_limite_sembrado(p_nombre text, p_clasificacion text, p_min_critical double precision,
                                                           p_min_warning double precision, p_max_warning double precision,
                                                           p_max_critical double precision, p_target double precision)
RETURNS TABLE (min_critical double precision, max_critical double precision, tolerancia_pct double precision,
               volatilidad_pct double precision, baseline double precision)
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(p_min_critical, p_min_warning - abs(p_min_warning) * (1 - f.f_min)),
           coalesce(p_max_critical, p_max_warning + abs(p_max_warning) * (f.f_max - 1)),
           f.tolerancia, f.volatilidad, p_target
      FROM (SELECT referencial.fnc_config_variable('tolerancia_pct', p_nombre, 'tolerancia_pct') AS tolerancia,
                   referencial.fnc_config_variable('factor_critico_min', p_nombre, 'factor_critico_min') AS f_min,
                   referencial.fnc_config_variable('factor_critico_max', p_nombre, 'factor_critico_max') AS f_max,
                   referencial.fnc_config_variable('volatilidad_pct', p_nombre,
                                                   'volatilidad_pct_' || lower(p_clasificacion)) AS volatilidad) f
$$;
COMMENT ON FUNCTION referencial.fnc_limite_sembrado(text, text, double precision, double precision, double precision, double precision, double precision) IS
    'The seeded columns (critical limits from warnings, tolerance, volatility, baseline) sp_seed_defaults leaves in an all-wells limits row written with these file values';

CREATE OR REPLACE PROCEDURE referencial.sp_seed_defaults()
LANGUAGE plpgsql
AS $$
DECLARE
    n bigint;
BEGIN
    -- 1. tolerance
    UPDATE referencial.tbl_limites_pozo l
       SET tolerancia_pct = x.v, updated_at = now()
      FROM (SELECT l2.limite_id,
                   referencial.fnc_config_variable('tolerancia_pct', l2.nombre_tecnico, 'tolerancia_pct') AS v
              FROM referencial.tbl_limites_pozo l2
             WHERE l2.tolerancia_pct IS NULL AND l2.fuente <> 'derivado_maestra') x
     WHERE x.limite_id = l.limite_id AND x.v IS NOT NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RAISE NOTICE 'sp_seed_defaults: tolerance set on % limit row(s)', n;

    -- 2. critical limits from the warning ones
    UPDATE referencial.tbl_limites_pozo l
       SET min_critical = coalesce(l.min_critical, l.min_warning - abs(l.min_warning) * (1 - x.f_min)),
           max_critical = coalesce(l.max_critical, l.max_warning + abs(l.max_warning) * (x.f_max - 1)),
           updated_at = now()
      FROM (SELECT l2.limite_id,
                   referencial.fnc_config_variable('factor_critico_min', l2.nombre_tecnico, 'factor_critico_min') AS f_min,
                   referencial.fnc_config_variable('factor_critico_max', l2.nombre_tecnico, 'factor_critico_max') AS f_max
              FROM referencial.tbl_limites_pozo l2
             WHERE ((l2.min_critical IS NULL AND l2.min_warning IS NOT NULL)
                    OR (l2.max_critical IS NULL AND l2.max_warning IS NOT NULL))
               AND l2.fuente <> 'derivado_maestra') x
     WHERE x.limite_id = l.limite_id
       AND ((l.min_critical IS NULL AND l.min_warning IS NOT NULL AND x.f_min IS NOT NULL)
         OR (l.max_critical IS NULL AND l.max_warning IS NOT NULL AND x.f_max IS NOT NULL));
    GET DIAGNOSTICS n = ROW_COUNT;
    RAISE NOTICE 'sp_seed_defaults: critical limits derived from warning x factor on % limit row(s)', n;

    -- 3. volatility by class
    UPDATE referencial.tbl_limites_pozo l
       SET volatilidad_pct = x.v, updated_at = now()
      FROM (SELECT l2.limite_id,
                   referencial.fnc_config_variable('volatilidad_pct', l2.nombre_tecnico,
                                                   'volatilidad_pct_' || lower(l2.clasificacion)) AS v
              FROM referencial.tbl_limites_pozo l2
             WHERE l2.volatilidad_pct IS NULL AND l2.fuente <> 'derivado_maestra') x
     WHERE x.limite_id = l.limite_id AND x.v IS NOT NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RAISE NOTICE 'sp_seed_defaults: volatility set by class on % limit row(s)', n;

    -- 4. kWh/bbl targets consistent with the power, uptime and rate targets (all wells, then wells with own targets)
    WITH wells AS (
        SELECT NULL::text AS well_id
        UNION
        SELECT DISTINCT well_id FROM referencial.tbl_limites_pozo
         WHERE well_id IS NOT NULL AND nombre_tecnico IN ('motor_power', 'oil_rate', 'water_rate')
    ), t AS (
        SELECT w.well_id,
               coalesce(pw.target, pa.target) AS kw,
               coalesce(ow.target, oa.target) AS oil,
               coalesce(ww.target, wa.target) AS water,
               coalesce(uw.target, ua.target, 100) AS uptime
          FROM wells w
          LEFT JOIN referencial.tbl_limites_pozo pa ON pa.nombre_tecnico = 'motor_power' AND pa.well_id IS NULL
          LEFT JOIN referencial.tbl_limites_pozo pw ON pw.nombre_tecnico = 'motor_power' AND pw.well_id = w.well_id
          LEFT JOIN referencial.tbl_limites_pozo oa ON oa.nombre_tecnico = 'oil_rate' AND oa.well_id IS NULL
          LEFT JOIN referencial.tbl_limites_pozo ow ON ow.nombre_tecnico = 'oil_rate' AND ow.well_id = w.well_id
          LEFT JOIN referencial.tbl_limites_pozo wa ON wa.nombre_tecnico = 'water_rate' AND wa.well_id IS NULL
          LEFT JOIN referencial.tbl_limites_pozo ww ON ww.nombre_tecnico = 'water_rate' AND ww.well_id = w.well_id
          LEFT JOIN referencial.tbl_config_kpi ua ON ua.kpi = 'uptime_pct' AND ua.well_id IS NULL
          LEFT JOIN referencial.tbl_config_kpi uw ON uw.kpi = 'uptime_pct' AND uw.well_id = w.well_id
    ), k AS (
        SELECT well_id, 'kwh_por_bbl'::text AS kpi,
               kw * 24 * uptime / 100.0 / nullif(coalesce(oil, 0) + coalesce(water, 0), 0) AS target
          FROM t
        UNION ALL
        SELECT well_id, 'kwh_por_bbl_petroleo', kw * 24 * uptime / 100.0 / nullif(oil, 0)
          FROM t
    )
    INSERT INTO referencial.tbl_config_kpi AS c (kpi, well_id, target, unidad, descripcion, fuente)
    SELECT k.kpi, k.well_id, round(k.target::numeric, 4)::double precision, 'kWh/bbl',
           CASE k.kpi WHEN 'kwh_por_bbl' THEN 'Energy per barrel of liquid (from the power, uptime and rate targets)'
                      ELSE 'Energy per barrel of oil (from the power, uptime and oil-rate targets)' END,
           'sp_seed_defaults'
      FROM k
     WHERE k.target > 0
    ON CONFLICT (kpi, well_id) DO UPDATE
       SET target = EXCLUDED.target, fuente = EXCLUDED.fuente, updated_at = now()
     WHERE c.fuente <> 'operador'
       AND (c.target IS DISTINCT FROM EXCLUDED.target OR c.fuente IS DISTINCT FROM EXCLUDED.fuente);
    GET DIAGNOSTICS n = ROW_COUNT;
    RAISE NOTICE 'sp_seed_defaults: kWh/bbl targets fixed on % KPI row(s)', n;

    -- 5. baseline = target
    UPDATE referencial.tbl_limites_pozo
       SET baseline = target, updated_at = now()
     WHERE baseline IS NULL AND target IS NOT NULL AND fuente <> 'derivado_maestra';
    GET DIAGNOSTICS n = ROW_COUNT;
    RAISE NOTICE 'sp_seed_defaults: baseline = target on % limit row(s)', n;

    UPDATE referencial.tbl_config_kpi
       SET baseline = target, updated_at = now()
     WHERE baseline IS NULL AND target IS NOT NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RAISE NOTICE 'sp_seed_defaults: baseline = target on % KPI row(s)', n;
END
$$;

COMMENT ON PROCEDURE referencial.sp_seed_defaults() IS
    'Fills missing tolerance, critical limits (warning x factor), volatility by class, the kWh/bbl targets and baselines (= target); never overwrites values set in config or by an operator';
