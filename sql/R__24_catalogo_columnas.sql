-- BP010: the columns of a table, read from pg_catalog. The dynamic statements of phases 3-7 build their column lists
-- from the schema (identifiers checked, then quoted with %I); information_schema.columns answered that in 50-180 ms
-- per call (a view over every column of the database with privilege checks, evaluated in full), several times per
-- phase call, on every hourly run. pg_attribute of one relation answers in well under a millisecond. Same names,
-- same order (ordinal_position is attnum in information_schema too), and data_type spelled as information_schema
-- spells the scalar types the procedures test ('double precision', 'timestamp with time zone', 'smallint', ...).

CREATE OR REPLACE FUNCTION reporting.fnc_columnas(p_esquema text, p_tabla text)
RETURNS TABLE (column_name text, data_type text, ordinal_position integer)
LANGUAGE sql STABLE
AS $$
    SELECT a.attname::text, format_type(a.atttypid, NULL), a.attnum::integer
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = to_regclass(format('%I.%I', p_esquema, p_tabla))
       AND a.attnum > 0 AND NOT a.attisdropped
$$;
COMMENT ON FUNCTION reporting.fnc_columnas(text, text) IS
    'Columns of p_esquema.p_tabla (none when it does not exist): name, type as information_schema names scalar types, position; from pg_catalog, for the column lists of the dynamic statements';
