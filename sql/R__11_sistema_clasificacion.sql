-- BP010 family 2 (docs/SEED.md: V7 sistema de clasificacion universal): one value against its limits -> semaphore code 1-7
-- of docs/CONTRACTS.md §6. Codes 0 (no value), 8 (failed DQ range) and 9 (stale) are decided by the caller
-- (reporting.aplicar_evaluacion_universal) before it calls this; a NULL value still answers 0 here, so the function is
-- total. Order, first match wins: below min_critical 1; below min_warning 2; above max_critical 7; above
-- max_warning 6; with a target > 0: below target - tolerance 3, above target + tolerance 5; otherwise 4.
-- A missing limit skips its test (comparisons with NULL are never true). Tolerance is a percent of the target; a
-- NULL tolerance means none (the caller passes tbl_limites_pozo.tolerancia_pct, which sp_seed_defaults fills from
-- referencial.config_evaluacion).
CREATE OR REPLACE FUNCTION referencial.fnc_evaluar_variable(
    valor          double precision,
    min_critical   double precision,
    min_warning    double precision,
    max_warning    double precision,
    max_critical   double precision,
    target         double precision,
    tolerancia_pct double precision)
RETURNS smallint
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $$
    SELECT (CASE
        WHEN $1 IS NULL THEN 0
        WHEN $1 < $2 THEN 1
        WHEN $1 < $3 THEN 2
        WHEN $1 > $5 THEN 7
        WHEN $1 > $4 THEN 6
        WHEN $6 > 0 AND $1 < $6 - abs($6) * coalesce($7, 0) / 100.0 THEN 3
        WHEN $6 > 0 AND $1 > $6 + abs($6) * coalesce($7, 0) / 100.0 THEN 5
        ELSE 4
    END)::smallint
$$;

COMMENT ON FUNCTION referencial.fnc_evaluar_variable(double precision, double precision, double precision,
    double precision, double precision, double precision, double precision) IS
    'Semaphore code 1-7 of one value against min_critical, min_warning, max_warning, max_critical, target and tolerance (percent of target); docs/CONTRACTS.md §6 order; 0 for a NULL value';

-- The bounds a well is judged by, resolved in this one place (reporting.fnc_limites_efectivos, dim_pozo.limites by
-- sp_sync_dim_pozo_targets, the semaphores of aplicar_evaluacion_universal, the PIP limits derived from the fluid
-- level all call it). $1-$4 are the well's own row (an operator's, the config file's or one derived from the master:
-- NULL where it sets nothing, all NULL without a row), $5-$8 the all-wells row. A bound the well's row sets is used
-- as it is. A bound it leaves NULL inherits the all-wells value only where that value is consistent with the well's
-- own bounds (min_critical <= min_warning <= max_warning <= max_critical):
--   * an inherited bound on the same side as a well's bound it contradicts is replaced by that nearer own bound: an
--     all-wells min_critical above the well's min_warning becomes the well's min_warning (a reading below the well's
--     warning is also below the all-wells critical, so it stays critical; one above it is no longer critical), an
--     all-wells min_warning below the well's min_critical becomes that critical; the same mirrored on the high side;
--   * an inherited bound that crosses the well's band to the other side (an all-wells low bound above one of the
--     well's high bounds, an all-wells high bound below one of its low bounds) is left out (NULL): the all-wells
--     row's idea of that side does not describe this well, and clamping it would make the well's whole side a
--     zero-width band.
-- The result is ordered whenever the well's own bounds and the all-wells row are (docs/CONTRACTS.md §5).
CREATE OR REPLACE FUNCTION referencial.fnc_limites_resueltos(
    p_min_critical double precision, p_min_warning double precision,
    p_max_warning  double precision, p_max_critical double precision,
    g_min_critical double precision, g_min_warning double precision,
    g_max_warning  double precision, g_max_critical double precision)
RETURNS TABLE (min_critical double precision, min_warning double precision,
               max_warning double precision, max_critical double precision)
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $$
    SELECT coalesce($1, CASE WHEN $5 > least($3, $4) THEN NULL WHEN $5 > $2 THEN $2 ELSE $5 END),
           coalesce($2, CASE WHEN $6 > least($3, $4) THEN NULL WHEN $6 < $1 THEN $1 ELSE $6 END),
           coalesce($3, CASE WHEN $7 < greatest($1, $2) THEN NULL WHEN $7 > $4 THEN $4 ELSE $7 END),
           coalesce($4, CASE WHEN $8 < greatest($1, $2) THEN NULL WHEN $8 < $3 THEN $3 ELSE $8 END)
$$;

COMMENT ON FUNCTION referencial.fnc_limites_resueltos(double precision, double precision, double precision,
    double precision, double precision, double precision, double precision, double precision) IS
    'A well''s bounds (min_critical, min_warning, max_warning, max_critical): its own row''s, and for each NULL the all-wells value when consistent with its own bounds, else the nearer own bound on that side, else NULL (crossing to the other side)';
