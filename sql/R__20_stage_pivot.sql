-- BP010 phase 2.2 (STAGE INGEST): landing -> stage.tbl_pozo_produccion, revisions kept, surrogate keys, landing
-- partitions by reading month, retention by whole partition. Replaces the seed's legacy pivot query (docs/SEED.md, 2.2)
-- (config/V1__stage_to_stage.sql) and its DELETE of the whole landing table.

-- Surrogate keys: every well of the well master and every SCADA id of the map has one before a reading of it can land
-- (the ingest reads them with the catalogue). Statement-level, from the rows the statement inserted or renamed.
CREATE OR REPLACE FUNCTION stage.fnc_registrar_pozo() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO stage.dim_well (well_id)
    SELECT DISTINCT n.well_id FROM nuevos n
     WHERE NOT EXISTS (SELECT 1 FROM stage.dim_well d WHERE d.well_id = n.well_id)
    ON CONFLICT (well_id) DO NOTHING;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION stage.fnc_registrar_variable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO stage.dim_variable (var_id)
    SELECT DISTINCT n.var_id_scada FROM nuevos n
     WHERE NOT EXISTS (SELECT 1 FROM stage.dim_variable d WHERE d.var_id = n.var_id_scada)
    ON CONFLICT (var_id) DO NOTHING;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER trg_pozo_registrar_ins AFTER INSERT ON stage.tbl_pozo_maestra
    REFERENCING NEW TABLE AS nuevos FOR EACH STATEMENT EXECUTE FUNCTION stage.fnc_registrar_pozo();
CREATE OR REPLACE TRIGGER trg_pozo_registrar_upd AFTER UPDATE ON stage.tbl_pozo_maestra
    REFERENCING NEW TABLE AS nuevos FOR EACH STATEMENT EXECUTE FUNCTION stage.fnc_registrar_pozo();
CREATE OR REPLACE TRIGGER trg_variable_registrar_ins AFTER INSERT ON referencial.tbl_var_scada_map
    REFERENCING NEW TABLE AS nuevos FOR EACH STATEMENT EXECUTE FUNCTION stage.fnc_registrar_variable();
CREATE OR REPLACE TRIGGER trg_variable_registrar_upd AFTER UPDATE ON referencial.tbl_var_scada_map
    REFERENCING NEW TABLE AS nuevos FOR EACH STATEMENT EXECUTE FUNCTION stage.fnc_registrar_variable();

-- Monthly partitions of stage.landing_lectura covering [p_desde, p_hasta], bounds in UTC. The ingest calls it with
-- the months of a batch before landing it; readings of a month whose partition retention dropped land again in a
-- recreated one. Rows of the month found in the default partition move into the new one. bp010_etl runs no DDL: this
-- runs with its owner's rights (SECURITY DEFINER), takes only times, and builds every identifier with format('%I').
CREATE OR REPLACE FUNCTION stage.fnc_ensure_landing_partitions(p_desde timestamptz, p_hasta timestamptz)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_mes     timestamp;
    v_fin     timestamp;
    v_nombre  text;
    v_desde   text;
    v_hasta   text;
    v_creadas integer := 0;
BEGIN
    IF p_desde IS NULL OR p_hasta IS NULL OR p_hasta < p_desde THEN
        RAISE EXCEPTION 'fnc_ensure_landing_partitions: invalid window % .. %', p_desde, p_hasta
            USING ERRCODE = '22023';
    END IF;
    IF p_hasta - p_desde > interval '20 years' THEN
        RAISE EXCEPTION 'fnc_ensure_landing_partitions: window % .. % longer than 20 years', p_desde, p_hasta
            USING ERRCODE = '22023';
    END IF;
    v_mes := date_trunc('month', p_desde AT TIME ZONE 'UTC');
    WHILE v_mes <= p_hasta AT TIME ZONE 'UTC' LOOP
        v_fin := v_mes + interval '1 month';
        v_nombre := 'landing_lectura_' || to_char(v_mes, '"y"YYYY"m"MM');
        IF to_regclass(format('stage.%I', v_nombre)) IS NULL THEN
            -- serialise creation; checked again under the lock
            PERFORM pg_advisory_xact_lock(hashtext('bp010.landing_partitions'));
            IF to_regclass(format('stage.%I', v_nombre)) IS NULL THEN
                v_desde := to_char(v_mes, 'YYYY-MM-DD HH24:MI:SS') || '+00';
                v_hasta := to_char(v_fin, 'YYYY-MM-DD HH24:MI:SS') || '+00';
                CREATE TEMP TABLE bp010_landing_move ON COMMIT DROP AS
                    SELECT * FROM stage.landing_lectura_default WHERE false;
                EXECUTE format('WITH m AS (DELETE FROM stage.landing_lectura_default
                                            WHERE timestamp_lectura >= %L AND timestamp_lectura < %L RETURNING *)
                                INSERT INTO bp010_landing_move SELECT * FROM m', v_desde, v_hasta);
                EXECUTE format('CREATE TABLE stage.%I PARTITION OF stage.landing_lectura FOR VALUES FROM (%L) TO (%L)',
                               v_nombre, v_desde, v_hasta);
                INSERT INTO stage.landing_lectura SELECT * FROM bp010_landing_move;
                DROP TABLE bp010_landing_move;
                EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON stage.%I TO bp010_etl', v_nombre);
                v_creadas := v_creadas + 1;
            END IF;
        END IF;
        v_mes := v_fin;
    END LOOP;
    RETURN v_creadas;
END
$$;

COMMENT ON FUNCTION stage.fnc_ensure_landing_partitions(timestamptz, timestamptz) IS
    'Creates the monthly (UTC) partitions of stage.landing_lectura covering p_desde..p_hasta; returns how many were created';

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
    SELECT w.well_id, v.var_id, OLD.timestamp_lectura, OLD.measure, NEW.measure, OLD.batch_id, NEW.batch_id,
           OLD.moddate, OLD.source_received_at
      FROM stage.dim_well w, stage.dim_variable v
     WHERE w.well_key = OLD.well_key AND v.var_key = OLD.var_key;
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER trg_landing_keep_revision
    BEFORE UPDATE OF measure ON stage.landing_lectura
    FOR EACH ROW
    WHEN (NOT stage.fnc_misma_medida(OLD.measure, NEW.measure))
    EXECUTE FUNCTION stage.fnc_landing_keep_revision();

-- The landing as docs/CONTRACTS.md §6 names it: one row per reading with the text ids. Writable (INSERT, UPDATE, DELETE) for manual
-- fixes and tests; the ingest writes stage.landing_lectura directly.
CREATE OR REPLACE VIEW stage.landing_scada_data AS
SELECT w.well_id, v.var_id, l.timestamp_lectura, l.measure, l.moddate, l.source_received_at, l.batch_id, l.source,
       l.pivoted_at
  FROM stage.landing_lectura l
  JOIN stage.dim_well w ON w.well_key = l.well_key
  JOIN stage.dim_variable v ON v.var_key = l.var_key;
ALTER VIEW stage.landing_scada_data ALTER COLUMN moddate SET DEFAULT now();
COMMENT ON VIEW stage.landing_scada_data IS 'SCADA readings in EAV form with the text ids (stage.landing_lectura joined with its dimensions); writable';

CREATE OR REPLACE FUNCTION stage.fnc_landing_vista_escribir() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_well integer;
    v_var  integer;
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF NEW.well_id IS NULL OR NEW.var_id IS NULL OR NEW.timestamp_lectura IS NULL THEN
            RAISE EXCEPTION 'stage.landing_scada_data: well_id, var_id and timestamp_lectura are required'
                USING ERRCODE = 'not_null_violation';
        END IF;
        INSERT INTO stage.dim_well (well_id) SELECT NEW.well_id
         WHERE NOT EXISTS (SELECT 1 FROM stage.dim_well WHERE well_id = NEW.well_id) ON CONFLICT DO NOTHING;
        INSERT INTO stage.dim_variable (var_id) SELECT NEW.var_id
         WHERE NOT EXISTS (SELECT 1 FROM stage.dim_variable WHERE var_id = NEW.var_id) ON CONFLICT DO NOTHING;
        SELECT well_key INTO v_well FROM stage.dim_well WHERE well_id = NEW.well_id;
        SELECT var_key INTO v_var FROM stage.dim_variable WHERE var_id = NEW.var_id;
        PERFORM stage.fnc_ensure_landing_partitions(NEW.timestamp_lectura, NEW.timestamp_lectura);
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO stage.landing_lectura (well_key, var_key, timestamp_lectura, measure, moddate, source_received_at,
                                           batch_id, source, pivoted_at)
        VALUES (v_well, v_var, NEW.timestamp_lectura, NEW.measure, coalesce(NEW.moddate, now()),
                NEW.source_received_at, NEW.batch_id, NEW.source, NEW.pivoted_at);
        RETURN NEW;
    ELSIF TG_OP = 'UPDATE' THEN
        UPDATE stage.landing_lectura l
           SET well_key = v_well, var_key = v_var, timestamp_lectura = NEW.timestamp_lectura, measure = NEW.measure,
               moddate = NEW.moddate, source_received_at = NEW.source_received_at, batch_id = NEW.batch_id,
               source = NEW.source, pivoted_at = NEW.pivoted_at
          FROM stage.dim_well w, stage.dim_variable v
         WHERE w.well_id = OLD.well_id AND v.var_id = OLD.var_id
           AND l.well_key = w.well_key AND l.var_key = v.var_key AND l.timestamp_lectura = OLD.timestamp_lectura;
        RETURN NEW;
    ELSE
        DELETE FROM stage.landing_lectura l
         USING stage.dim_well w, stage.dim_variable v
         WHERE w.well_id = OLD.well_id AND v.var_id = OLD.var_id
           AND l.well_key = w.well_key AND l.var_key = v.var_key AND l.timestamp_lectura = OLD.timestamp_lectura;
        RETURN OLD;
    END IF;
END
$$;

CREATE OR REPLACE TRIGGER trg_landing_vista_escribir
    INSTEAD OF INSERT OR UPDATE OR DELETE ON stage.landing_scada_data
    FOR EACH ROW EXECUTE FUNCTION stage.fnc_landing_vista_escribir();

-- The pivot statement, built from the catalogue: an INSERT into stage.tbl_pozo_produccion of the readings of the
-- relation p_source (a CTE or table with well_key, var_key, timestamp_lectura, measure), one row per (well,
-- timestamp), one column per entry of referencial.tbl_var_scada_map whose column exists (checked in
-- information_schema, quoted with %I). Numeric columns get numbers, text columns (the cards) the text. Upsert on
-- (well_id, timestamp_lectura): a variable absent from the source keeps its earlier value. pivoted_at = now(); pivot_xid
-- = this transaction (EXCLUDED carries the column default), on insert and on update, for the pipeline's watermark.
-- NULL when the map is empty. The only definition of the pivot: the ingest embeds it after its landing upsert, so a
-- batch lands and pivots in one statement; stage.sp_pivot_landing uses it for rows landed any other way.
CREATE OR REPLACE FUNCTION stage.fnc_pivot_statement(p_source text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_cols     text;
    v_selects  text;
    v_outs     text;
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
    -- joined once to its column's number by its integer key, and the aggregates compare integers.
    SELECT string_agg(format('%I', x.col), ', ' ORDER BY x.n),
           string_agg(format('max(s.measure) FILTER (WHERE k.n = %s) AS c%s', x.n, x.n), ', ' ORDER BY x.n),
           string_agg(CASE WHEN x.data_type IN ('text', 'character varying') THEN format('g.c%s', x.n)
                           WHEN x.data_type IN ('json', 'jsonb') THEN format('g.c%s::%s', x.n, x.data_type)
                           ELSE format('g.c%s::double precision', x.n)
                      END, ', ' ORDER BY x.n),
           string_agg(format('%1$I = COALESCE(EXCLUDED.%1$I, p.%1$I)', x.col), ', ' ORDER BY x.n)
      INTO v_cols, v_selects, v_outs, v_updates
      FROM (SELECT DISTINCT m.columna_stage AS col, c.data_type, dense_rank() OVER (ORDER BY m.columna_stage) AS n
              FROM referencial.tbl_var_scada_map m
              JOIN information_schema.columns c
                ON c.table_schema = 'stage' AND c.table_name = 'tbl_pozo_produccion'
               AND c.column_name = m.columna_stage
             WHERE c.column_name NOT IN ('well_id', 'timestamp_lectura', 'pivoted_at', 'pivot_xid')) x;
    IF v_cols IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT string_agg(format('(%s, %s)', d.var_key, x.n), ', ' ORDER BY x.n, d.var_key)
      INTO v_keys
      FROM (SELECT m.var_id_scada, dense_rank() OVER (ORDER BY m.columna_stage) AS n
              FROM referencial.tbl_var_scada_map m
              JOIN information_schema.columns c
                ON c.table_schema = 'stage' AND c.table_name = 'tbl_pozo_produccion'
               AND c.column_name = m.columna_stage
             WHERE c.column_name NOT IN ('well_id', 'timestamp_lectura', 'pivoted_at', 'pivot_xid')) x
      JOIN stage.dim_variable d ON d.var_id = x.var_id_scada;
    RETURN format(
        'INSERT INTO stage.tbl_pozo_produccion AS p (well_id, timestamp_lectura, %s, pivoted_at)
         SELECT w.well_id, g.timestamp_lectura, %s, now()
           FROM (SELECT s.well_key, s.timestamp_lectura, %s
                   FROM %I s
                   JOIN (VALUES %s) AS k (var_key, n) ON k.var_key = s.var_key
                  GROUP BY s.well_key, s.timestamp_lectura) g
           JOIN stage.dim_well w ON w.well_key = g.well_key
         ON CONFLICT (well_id, timestamp_lectura) DO UPDATE SET %s, pivoted_at = EXCLUDED.pivoted_at,
                                                                pivot_xid = EXCLUDED.pivot_xid',
        v_cols, v_outs, v_selects, p_source, v_keys, v_updates);
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
        THEN 'SELECT l.* FROM stage.landing_lectura l
               WHERE l.pivoted_at IS NULL AND l.timestamp_lectura >= $1 AND l.timestamp_lectura < $2'
        ELSE 'SELECT l.* FROM stage.landing_lectura l
               WHERE l.pivoted_at IS NULL AND l.timestamp_lectura >= $1 AND l.timestamp_lectura < $2
                 AND (l.well_key, l.timestamp_lectura) IN (
                     SELECT b.well_key, b.timestamp_lectura FROM stage.landing_lectura b
                      WHERE b.batch_id = $3 AND b.pivoted_at IS NULL
                        AND b.timestamp_lectura >= $1 AND b.timestamp_lectura < $2)'
    END;
    EXECUTE format(
        'WITH src AS MATERIALIZED (%s),
              marked AS (UPDATE stage.landing_lectura l SET pivoted_at = now()
                           FROM src WHERE l.well_key = src.well_key AND l.var_key = src.var_key
                            AND l.timestamp_lectura = src.timestamp_lectura)
         %s', v_pairs, v_pivot)
    USING p_from, p_to, p_batch_id;
    GET DIAGNOSTICS p_pivoted_rows = ROW_COUNT;
END
$$;

COMMENT ON PROCEDURE stage.sp_pivot_landing(timestamptz, timestamptz, uuid, bigint) IS
    'Landing (EAV) -> stage.tbl_pozo_produccion for unpivoted readings in [from, to), optionally only the pairs a batch touched; driven by referencial.tbl_var_scada_map';

-- Retention by partition: a month of stage.landing_lectura is dropped whole once every reading in it is older than
-- p_days days by reading time (the partition's upper bound is before now() - p_days) and pivoted (no row with
-- pivoted_at NULL). p_deleted = the readings dropped. p_days <= 0 keeps everything. Never a TRUNCATE of live data,
-- never a row-by-row DELETE. A reading that arrives later for a dropped month lands in a recreated partition.
-- SECURITY DEFINER: bp010_etl runs no DDL.
CREATE OR REPLACE PROCEDURE stage.sp_purge_landing(p_days integer, INOUT p_deleted bigint DEFAULT NULL)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_part       record;
    v_pendientes bigint;
    v_filas      bigint;
BEGIN
    p_deleted := 0;
    IF p_days IS NULL OR p_days <= 0 THEN
        RETURN;
    END IF;
    FOR v_part IN
        SELECT c.relname
          FROM pg_inherits i
          JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'stage.landing_lectura'::regclass
           AND c.relname ~ '^landing_lectura_y[0-9]{4}m[0-9]{2}$'
           -- the partition's upper bound (the first instant of the next month, UTC)
           AND (make_timestamp(substr(c.relname, 18, 4)::int, substr(c.relname, 23, 2)::int, 1, 0, 0, 0)
                + interval '1 month') AT TIME ZONE 'UTC' <= now() - make_interval(days => p_days)
         ORDER BY c.relname
    LOOP
        EXECUTE format('SELECT count(*) FILTER (WHERE pivoted_at IS NULL), count(*) FROM stage.%I', v_part.relname)
           INTO v_pendientes, v_filas;
        IF v_pendientes > 0 THEN
            RAISE NOTICE 'sp_purge_landing: stage.% kept, % readings not pivoted yet', v_part.relname, v_pendientes;
            CONTINUE;
        END IF;
        EXECUTE format('DROP TABLE stage.%I', v_part.relname);
        p_deleted := p_deleted + v_filas;
        RAISE NOTICE 'sp_purge_landing: dropped stage.% (% readings)', v_part.relname, v_filas;
    END LOOP;
END
$$;

COMMENT ON PROCEDURE stage.sp_purge_landing(integer, bigint) IS
    'Drops each monthly landing partition whose readings are all older than p_days days (by reading time) and pivoted; 0 keeps everything';
