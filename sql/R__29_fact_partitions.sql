-- BP010 family 3 (docs/SEED.md: V6.1 historical reporting engine), partition management. Facts are range-partitioned by month;
-- a window's partitions are created before its rows are written (phase 4 calls this first). The pipeline runs as
-- bp010_etl, which owns no table and cannot run DDL: this function runs with its owner's rights (SECURITY DEFINER),
-- takes only dates, builds every identifier with format('%I') and pins its search_path.
--
-- Bounds never depend on the session time zone: a date key (daily, monthly facts) is bounded by dates; a timestamptz
-- key (hourly facts and KPIs) by the month's first instant in UTC. A database whose partitions were created under
-- another zone (before the bounds were fixed in UTC) keeps them: a new partition starts where an existing one ends
-- and ends where the next one starts, so switching BP010_TIMEZONE (say from UTC to Asia/Kolkata) can never create
-- overlapping partitions.

-- The range partitions of a partitioned table with their bounds as values of the key (the DEFAULT one excluded).
CREATE OR REPLACE FUNCTION reporting.fnc_fact_partition_bounds(p_tabla regclass)
RETURNS TABLE (particion regclass, desde text, hasta text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT c.oid::regclass, b[1], b[2]
      FROM pg_inherits i
      JOIN pg_class c ON c.oid = i.inhrelid
     CROSS JOIN LATERAL regexp_match(pg_get_expr(c.relpartbound, c.oid),
                                     '^FOR VALUES FROM \(''([^'']*)''\) TO \(''([^'']*)''\)$') b
     WHERE i.inhparent = p_tabla
$$;
COMMENT ON FUNCTION reporting.fnc_fact_partition_bounds(regclass) IS
    'Range partitions of a partitioned table and their FROM/TO bounds as text of the key''s type (DEFAULT excluded)';

CREATE OR REPLACE FUNCTION reporting.fnc_ensure_fact_partitions(p_desde date, p_hasta date)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_tablas constant text[] := ARRAY['fact_operaciones_horarias', 'fact_operaciones_diarias',
                                      'fact_operaciones_mensuales', 'fact_kpi_horarios'];
    v_tabla   text;
    v_columna text;
    v_tipo    text;
    v_mes     date;
    v_ultimo  date;
    v_fin     date;
    v_nombre  text;
    v_desde   text;   -- bounds as literals of the key's type
    v_hasta   text;
    v_rango   text;
    v_creadas integer := 0;
BEGIN
    PERFORM reporting.fnc_validar_ventana('fnc_ensure_fact_partitions', p_desde, p_hasta);
    IF p_hasta - p_desde > 366 * 20 THEN
        RAISE EXCEPTION 'fnc_ensure_fact_partitions: window % .. % longer than 20 years', p_desde, p_hasta
            USING ERRCODE = '22023';
    END IF;
    -- Nothing to create when every month's partition exists by name (the usual case): no lock, so concurrent callers
    -- (well groups' TRANSFORM chunks, docs/SCALE.md §6) do not wait for each other's commits. Otherwise serialise
    -- partition creation across concurrent callers.
    IF NOT EXISTS (SELECT 1
                     FROM unnest(v_tablas) t(tabla)
                    CROSS JOIN generate_series(date_trunc('month', p_desde - 1)::timestamp, (p_hasta + 1)::timestamp,
                                               interval '1 month') m(mes)
                    WHERE to_regclass(format('reporting.%I', t.tabla || '_' || to_char(m.mes, '"y"YYYY"m"MM'))) IS NULL)
    THEN
        RETURN 0;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('bp010.fact_partitions'));
    FOREACH v_tabla IN ARRAY v_tablas LOOP
        SELECT a.attname, format_type(a.atttypid, a.atttypmod)
          INTO v_columna, v_tipo
          FROM pg_partitioned_table pt
          JOIN pg_class c ON c.oid = pt.partrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = pt.partattrs[0]
         WHERE n.nspname = 'reporting' AND c.relname = v_tabla;
        IF v_columna IS NULL THEN
            RAISE EXCEPTION 'reporting.% is not a partitioned table', v_tabla;
        END IF;
        -- A local day reaches at most 14 hours into the UTC days around it: instants keys cover one day more each side.
        v_mes := date_trunc('month', CASE WHEN v_tipo = 'timestamp with time zone' THEN p_desde - 1 ELSE p_desde END)::date;
        v_ultimo := CASE WHEN v_tipo = 'timestamp with time zone' THEN p_hasta + 1 ELSE p_hasta END;
        WHILE v_mes <= v_ultimo LOOP
            v_fin := (v_mes + interval '1 month')::date;
            v_nombre := v_tabla || '_' || to_char(v_mes, '"y"YYYY"m"MM');
            IF to_regclass(format('reporting.%I', v_nombre)) IS NULL THEN
                IF v_tipo = 'timestamp with time zone' THEN
                    -- The month in UTC, shortened to the gap left by partitions created under another zone.
                    SELECT greatest(v_mes::timestamp AT TIME ZONE 'UTC',
                                    max(b.hasta::timestamptz) FILTER (WHERE b.desde::timestamptz <= v_mes::timestamp AT TIME ZONE 'UTC'
                                                                        AND b.hasta::timestamptz > v_mes::timestamp AT TIME ZONE 'UTC'))::text,
                           least(v_fin::timestamp AT TIME ZONE 'UTC',
                                 min(b.desde::timestamptz) FILTER (WHERE b.desde::timestamptz < v_fin::timestamp AT TIME ZONE 'UTC'
                                                                     AND b.hasta::timestamptz >= v_fin::timestamp AT TIME ZONE 'UTC'))::text
                      INTO v_desde, v_hasta
                      FROM reporting.fnc_fact_partition_bounds(format('reporting.%I', v_tabla)::regclass) b;
                    -- a legacy partition inside the month, or none left: the rows of the gap stay in the default one
                    IF v_desde::timestamptz >= v_hasta::timestamptz
                       OR EXISTS (SELECT 1 FROM reporting.fnc_fact_partition_bounds(format('reporting.%I', v_tabla)::regclass) b
                                   WHERE b.desde::timestamptz < v_hasta::timestamptz
                                     AND b.hasta::timestamptz > v_desde::timestamptz) THEN
                        v_mes := v_fin;
                        CONTINUE;
                    END IF;
                ELSE
                    v_desde := v_mes::text;
                    v_hasta := v_fin::text;
                END IF;
                v_rango := format('%I >= %L::%s AND %I < %L::%s', v_columna, v_desde, v_tipo, v_columna, v_hasta, v_tipo);
                -- Rows of this range that fell into the default partition move into the new one.
                EXECUTE format('CREATE TEMP TABLE bp010_part_move ON COMMIT DROP AS SELECT * FROM reporting.%I WHERE %s',
                               v_tabla || '_default', v_rango);
                EXECUTE format('DELETE FROM reporting.%I WHERE %s', v_tabla || '_default', v_rango);
                EXECUTE format('CREATE TABLE reporting.%I PARTITION OF reporting.%I FOR VALUES FROM (%L::%s) TO (%L::%s)',
                               v_nombre, v_tabla, v_desde, v_tipo, v_hasta, v_tipo);
                EXECUTE format('INSERT INTO reporting.%I SELECT * FROM bp010_part_move', v_tabla);
                DROP TABLE bp010_part_move;
                EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON reporting.%I TO bp010_etl', v_nombre);
                v_creadas := v_creadas + 1;
            END IF;
            v_mes := v_fin;
        END LOOP;
    END LOOP;
    RETURN v_creadas;
END
$$;

COMMENT ON FUNCTION reporting.fnc_ensure_fact_partitions(date, date) IS
    'Creates the monthly partitions of the fact tables covering p_desde..p_hasta (UTC months for instant keys, never overlapping partitions made under another zone), moving matching rows out of the default partition; returns how many were created';
