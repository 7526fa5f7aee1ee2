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
