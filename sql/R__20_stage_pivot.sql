-- BP010 phase 2.2 (STAGE INGEST): landing -> stage.tbl_pozo_produccion, revisions kept, retention of pivoted rows.
-- Replaces the seed's legacy pivot query (config/V1__stage_to_stage.sql) and its DELETE of the whole landing table.

-- Two measures of one reading are the same reading when their texts are equal or both are numbers of equal value:
-- 144.0 from the API and 144.00 from a CSV is one reading (a duplicate), 144.5 is a revision. Texts that are not
-- numbers (the cards) compare as text.
CREATE OR REPLACE FUNCTION stage.fnc_misma_medida(p_a text, p_b text)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    -- CASE keeps the order: a text is cast only once it reads as a number (exponents of at most 4 digits: no overflow)
    SELECT CASE WHEN p_a IS NOT DISTINCT FROM p_b THEN true
                WHEN p_a ~ '^\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,4})?\s*$'
                 AND p_b ~ '^\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,4})?\s*$'
                THEN p_a::numeric = p_b::numeric
                ELSE false END
$$;
COMMENT ON FUNCTION stage.fnc_misma_medida(text, text) IS
    'True when two measures are the same reading: equal texts, or two numbers of equal value (144.0 = 144.00)';

-- A reading re-sent with another value keeps its previous value: whatever statement changes a landing row's measure
-- (the ingest's upsert, a manual fix), the old value lands in stage.landing_revisions first. Nothing is lost.
CREATE OR REPLACE FUNCTION stage.fnc_landing_keep_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO stage.landing_revisions (well_id, var_id, timestamp_lectura, measure_anterior, measure_nuevo,
                                         batch_id_anterior, batch_id_nuevo, moddate_anterior,
                                         source_received_at_anterior)
    VALUES (OLD.well_id, OLD.var_id, OLD.timestamp_lectura, OLD.measure, NEW.measure, OLD.batch_id, NEW.batch_id,
            OLD.moddate, OLD.source_received_at);
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER trg_landing_keep_revision
    BEFORE UPDATE OF measure ON stage.landing_scada_data
    FOR EACH ROW
    WHEN (NOT stage.fnc_misma_medida(OLD.measure, NEW.measure))
    EXECUTE FUNCTION stage.fnc_landing_keep_revision();

-- The pivot statement, built from the catalogue: an INSERT into stage.tbl_pozo_produccion of the readings of the
-- relation p_source (a CTE or table with well_id, var_id, timestamp_lectura, measure), one row per (well, timestamp),
-- one column per active entry of referencial.tbl_var_scada_map whose column exists (checked in information_schema,
-- quoted with %I; SCADA ids quoted with %L). Numeric columns get numbers, text columns (the cards) the text. Upsert on
-- (well_id, timestamp_lectura): a variable absent from the source keeps its earlier value. pivoted_at = now(); pivot_xid
-- = this transaction (EXCLUDED carries the column default), on insert and on update, for the pipeline's watermark.
-- NULL when the map is empty. The ingest embeds it after its landing upsert, so a batch lands and pivots in one
-- statement; stage.sp_pivot_landing uses it for rows landed any other way.
CREATE OR REPLACE FUNCTION stage.fnc_pivot_statement(p_source text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_cols     text;
    v_selects  text;
    v_updates  text;
    v_keys     text;
    v_missing  text;
BEGIN
    IF p_source !~ '^[a-z_][a-z0-9_]{0,62}$' THEN
        RAISE EXCEPTION 'fnc_pivot_statement: % is not a plain relation name', p_source;
    END IF;
    SELECT string_agg(m.columna_stage, ', ' ORDER BY m.columna_stage)
      INTO v_missing
      FROM referencial.tbl_var_scada_map m
     WHERE m.activa
       AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
                        WHERE c.table_schema = 'stage' AND c.table_name = 'tbl_pozo_produccion'
                          AND c.column_name = m.columna_stage);
    IF v_missing IS NOT NULL THEN
        RAISE EXCEPTION 'tbl_var_scada_map names columns that stage.tbl_pozo_produccion lacks: %', v_missing
            USING ERRCODE = 'undefined_column',
                  HINT = 'Add the column with a migration, or fix the SCADA map, then reload the reference data.';
    END IF;

    -- One output column per stage column; every SCADA id mapped to it counts (a retired, deactivated id kept for
    -- history still means that column), so re-pivoting old readings works after an id is replaced. Each reading is
    -- joined once to its column's number, and the aggregates compare integers: 65 text comparisons per reading
    -- would cost more than the rest of the pivot.
    SELECT string_agg(format('%I', x.col), ', ' ORDER BY x.n),
           string_agg(CASE WHEN x.data_type IN ('text', 'character varying')
                           THEN format('max(s.measure) FILTER (WHERE k.n = %s)', x.n)
                           WHEN x.data_type IN ('json', 'jsonb')
                           THEN format('(max(s.measure) FILTER (WHERE k.n = %s))::%s', x.n, x.data_type)
                           ELSE format('(max(s.measure) FILTER (WHERE k.n = %s))::double precision', x.n)
                      END, ', ' ORDER BY x.n),
           string_agg(format('%1$I = COALESCE(EXCLUDED.%1$I, p.%1$I)', x.col), ', ' ORDER BY x.n),
           string_agg(format('(%L, %s)', x.var_id, x.n), ', ' ORDER BY x.n, x.var_id)
      INTO v_cols, v_selects, v_updates, v_keys
      FROM (SELECT m.columna_stage AS col, c.data_type, m.var_id_scada AS var_id,
                   dense_rank() OVER (ORDER BY m.columna_stage) AS n
              FROM referencial.tbl_var_scada_map m
              JOIN information_schema.columns c
                ON c.table_schema = 'stage' AND c.table_name = 'tbl_pozo_produccion'
               AND c.column_name = m.columna_stage
             WHERE c.column_name NOT IN ('well_id', 'timestamp_lectura', 'pivoted_at')) x;
    IF v_cols IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN format(
        'INSERT INTO stage.tbl_pozo_produccion AS p (well_id, timestamp_lectura, %s, pivoted_at)
         SELECT s.well_id, s.timestamp_lectura, %s, now()
           FROM %I s
           JOIN (VALUES %s) AS k (var_id, n) ON k.var_id = s.var_id
          GROUP BY s.well_id, s.timestamp_lectura
         ON CONFLICT (well_id, timestamp_lectura) DO UPDATE SET %s, pivoted_at = EXCLUDED.pivoted_at,
                                                                pivot_xid = EXCLUDED.pivot_xid',
        v_cols, v_selects, p_source, v_keys, v_updates);
END
$$;

-- EAV -> wide for landing rows not yet pivoted (rows the ingest lands are pivoted in the same statement; this is for
-- rows landed any other way, or left unpivoted by a map that lacked their variable). Reading time in [p_from, p_to);
-- with p_batch_id, only the (well, timestamp) pairs that batch touched (all their unpivoted rows, whichever batch
-- landed them). Sets pivoted_at on the landing rows and the production rows; p_pivoted_rows = production rows written.
CREATE OR REPLACE PROCEDURE stage.sp_pivot_landing(p_from timestamptz, p_to timestamptz,
                                                  p_batch_id uuid DEFAULT NULL,
                                                  INOUT p_pivoted_rows bigint DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
    v_pivot text := stage.fnc_pivot_statement('src');
    v_pairs text;
BEGIN
    p_pivoted_rows := 0;
    -- this transaction only: the pivot's hash aggregate in memory, no JIT for its 65 aggregates
    PERFORM set_config('work_mem', '256MB', true);
    PERFORM set_config('jit', 'off', true);
    IF v_pivot IS NULL THEN
        RAISE NOTICE 'sp_pivot_landing: referencial.tbl_var_scada_map is empty, nothing to pivot';
        RETURN;
    END IF;
    v_pairs := CASE WHEN p_batch_id IS NULL
        THEN 'SELECT l.* FROM stage.landing_scada_data l
               WHERE l.pivoted_at IS NULL AND l.timestamp_lectura >= $1 AND l.timestamp_lectura < $2'
        ELSE 'SELECT l.* FROM stage.landing_scada_data l
               WHERE l.pivoted_at IS NULL AND l.timestamp_lectura >= $1 AND l.timestamp_lectura < $2
                 AND (l.well_id, l.timestamp_lectura) IN (
                     SELECT b.well_id, b.timestamp_lectura FROM stage.landing_scada_data b
                      WHERE b.batch_id = $3 AND b.pivoted_at IS NULL
                        AND b.timestamp_lectura >= $1 AND b.timestamp_lectura < $2)'
    END;
    EXECUTE format(
        'WITH src AS MATERIALIZED (%s),
              marked AS (UPDATE stage.landing_scada_data l SET pivoted_at = now()
                           FROM src WHERE l.well_id = src.well_id AND l.var_id = src.var_id
                            AND l.timestamp_lectura = src.timestamp_lectura)
         %s', v_pairs, v_pivot)
    USING p_from, p_to, p_batch_id;
    GET DIAGNOSTICS p_pivoted_rows = ROW_COUNT;
END
$$;

COMMENT ON PROCEDURE stage.sp_pivot_landing(timestamptz, timestamptz, uuid, bigint) IS
    'Landing (EAV) -> stage.tbl_pozo_produccion for unpivoted readings in [from, to), optionally only the pairs a batch touched; driven by referencial.tbl_var_scada_map';

-- Retention (SPEC 2, gap 6): deletes landing rows that landed more than p_days days ago AND are already pivoted.
-- p_days <= 0 keeps everything. Never a TRUNCATE, never a DELETE without both conditions.
CREATE OR REPLACE PROCEDURE stage.sp_purge_landing(p_days integer, INOUT p_deleted bigint DEFAULT NULL)
LANGUAGE plpgsql AS $$
BEGIN
    p_deleted := 0;
    IF p_days IS NULL OR p_days <= 0 THEN
        RETURN;
    END IF;
    DELETE FROM stage.landing_scada_data
     WHERE pivoted_at IS NOT NULL
       AND moddate < now() - make_interval(days => p_days);
    GET DIAGNOSTICS p_deleted = ROW_COUNT;
END
$$;

COMMENT ON PROCEDURE stage.sp_purge_landing(integer, bigint) IS
    'Deletes pivoted landing rows older than p_days days (by moddate); 0 keeps everything';
