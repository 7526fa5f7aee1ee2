-- The daily and monthly facts written before V25 (docs/AGGREGATION.md "A day's rate"): their horas_con_petroleo,
-- horas_con_agua, horas_con_gas and horas_con_liquido are NULL, and their rates, variance, decline, HHP and KPIs are
-- still taken over horas_con_datos (an hour with readings but no oil read as an hour at zero) until their window is
-- recomputed. This marks them in reporting.recalculo_pendiente (docs/AGGREGATION.md, "Incremental runs", marks), as a
-- well-master change does: the next incremental run recomputes the marked days within the lookback floor whole (and
-- their months), and names the explicit window that recomputes the days before it (fnc_registrar_alcance, R__25).
--
-- A pre-V25 row: a daily row with any of the four counts NULL (the engine since V25 writes count(), never NULL; a
-- daily row always has an hour with data); a monthly row with one NULL (the engine since V25 writes NULL there only
-- when a day of the month has it, and that day is marked already), whose days are all filled: its month's days with a
-- daily row, else the whole month. Per well, the ranges of consecutive daily rows (in date order, gaps without a row
-- do not split a range) that are all pre-V25: a database upgraded at once gets one mark per well, its first .. last
-- day; one that ran V25 for a while before this migration does not recompute the days rewritten since. The dates are
-- the facts' calendar days (BP010_TIMEZONE), so no day is added on either side. A fresh database marks nothing.
INSERT INTO reporting.recalculo_pendiente (well_id, dia_desde, dia_hasta, motivo)
WITH dias AS (
    SELECT d.well_id, d.fecha,
           (d.horas_con_petroleo IS NULL OR d.horas_con_agua IS NULL OR d.horas_con_gas IS NULL
            OR d.horas_con_liquido IS NULL) AS antes_v25
      FROM reporting.fact_operaciones_diarias d
), tramos AS (
    SELECT x.well_id, x.fecha, x.antes_v25,
           -- a new range starts after each day written since V25
           count(*) FILTER (WHERE NOT x.antes_v25) OVER (PARTITION BY x.well_id ORDER BY x.fecha) AS tramo
      FROM dias x
), meses AS (
    -- a month written before V25 whose days were all written since (or are gone): its days, else the whole month
    SELECT m.well_id,
           coalesce(min(d.fecha), m.mes) AS desde,
           coalesce(max(d.fecha), (m.mes + interval '1 month - 1 day')::date) AS hasta
      FROM reporting.fact_operaciones_mensuales m
      LEFT JOIN reporting.fact_operaciones_diarias d
        ON d.well_id = m.well_id AND d.fecha >= m.mes AND d.fecha < (m.mes + interval '1 month')::date
     WHERE (m.horas_con_petroleo IS NULL OR m.horas_con_agua IS NULL OR m.horas_con_gas IS NULL
            OR m.horas_con_liquido IS NULL)
       AND NOT EXISTS (SELECT 1 FROM dias x
                        WHERE x.well_id = m.well_id AND x.antes_v25
                          AND x.fecha >= m.mes AND x.fecha < (m.mes + interval '1 month')::date)
     GROUP BY m.well_id, m.mes
)
SELECT r.well_id, r.desde, r.hasta, 'rows written before V25: rates over the hours that have them'
  FROM (SELECT t.well_id, min(t.fecha) AS desde, max(t.fecha) AS hasta
          FROM tramos t
         WHERE t.antes_v25
         GROUP BY t.well_id, t.tramo
        UNION ALL
        SELECT m.well_id, m.desde, m.hasta FROM meses m) r
 ORDER BY r.well_id, r.desde;
