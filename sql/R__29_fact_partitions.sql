-- BP010 family 3 (seed V6.1 historical reporting engine), partition management. Facts are range-partitioned by month;
-- a window's partitions are created before its rows are written (phase 4 calls this first). The pipeline runs as
-- bp010_etl, which owns no table and cannot run DDL: this function runs with its owner's rights (SECURITY DEFINER),
-- takes only dates, builds every identifier with format('%I') and pins its search_path.

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
    v_fin     date;
    v_nombre  text;
    v_rango   text;
    v_creadas integer := 0;
BEGIN
    IF p_desde IS NULL OR p_hasta IS NULL OR p_hasta < p_desde THEN
        RAISE EXCEPTION 'fnc_ensure_fact_partitions: invalid window % .. %', p_desde, p_hasta
            USING ERRCODE = '22023';
    END IF;
    IF p_hasta - p_desde > 366 * 20 THEN
        RAISE EXCEPTION 'fnc_ensure_fact_partitions: window % .. % longer than 20 years', p_desde, p_hasta
            USING ERRCODE = '22023';
    END IF;
    -- Serialise partition creation across concurrent callers.
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
        v_mes := date_trunc('month', p_desde)::date;
        WHILE v_mes <= p_hasta LOOP
            v_fin := (v_mes + interval '1 month')::date;
            v_nombre := v_tabla || '_' || to_char(v_mes, '"y"YYYY"m"MM');
            IF to_regclass(format('reporting.%I', v_nombre)) IS NULL THEN
                -- Bounds in the key's own type: a timestamptz key starts at midnight in the session time zone.
                v_rango := format('%I >= %L::%s AND %I < %L::%s', v_columna, v_mes, v_tipo, v_columna, v_fin, v_tipo);
                -- Rows of this month that fell into the default partition move into the new one.
                EXECUTE format('CREATE TEMP TABLE bp010_part_move ON COMMIT DROP AS SELECT * FROM reporting.%I WHERE %s',
                               v_tabla || '_default', v_rango);
                EXECUTE format('DELETE FROM reporting.%I WHERE %s', v_tabla || '_default', v_rango);
                EXECUTE format('CREATE TABLE reporting.%I PARTITION OF reporting.%I FOR VALUES FROM (%L::%s) TO (%L::%s)',
                               v_nombre, v_tabla, v_mes, v_tipo, v_fin, v_tipo);
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
    'Creates the monthly partitions of the fact tables covering p_desde..p_hasta (moving matching rows out of the default partition); returns how many were created';
