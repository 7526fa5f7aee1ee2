-- BP010 family 3 (docs/SEED.md: V6.2 dq engine, consistency part), phase 7: physical consistency RC-001..RC-006 (the
-- user's rules) and VC-001.. (the project's cross-checks, referencial.tbl_reglas_consistencia_proyecto).
--
-- stage.sp_execute_consistency_validation(p_run_id, p_as_of) is driven by referencial.vw_reglas_consistencia, both
-- catalogues: a comparison rule says that "variable_medida <operador> variable_referencia" must hold for every well;
-- an agreement rule (tolerancia_pct set) says that a measured and a calculated value of the same quantity differ by at
-- most tolerancia_pct of the larger of the two. Each variable resolves to a
-- numeric column of reporting.dataset_current_values (latest values and derived physics such as pwf and
-- rod_weight_buoyant) or, failing that, of stage.tbl_pozo_maestra (static attributes), checked in pg_catalog
-- and quoted with %I; the operator comes from a whitelist. One dynamic statement does the work of every rule (the wells
-- read once, each rule's values side by side; rules never touch each other's rows, their codes are the keys):
--   - a well whose two values are present and break the rule has ONE live row (vigente) in stage.tbl_consistency_results:
--     inserted when it starts (detectado_en = p_as_of), updated while it lasts (values, ultima_vez_en, ultimo_run_id);
--   - a live row whose well now satisfies the rule (or no longer exists) is kept as history: vigente false,
--     resuelto_en = p_as_of; a well with a NULL operand is not evaluated and its rows are left as they are;
--   - the same opening/closing on reporting.fact_alertas (tipo CONSISTENCIA, referencia = the rule's code; a live
--     alert is updated only when its value or severity changed).
-- An inactive rule closes its live rows; a rule whose variable or operator cannot be resolved is skipped with a
-- notice. Notices: one per violation (rule, well, values; the first 100 per rule), one per rule and a summary, in the
-- rules' order. Rows opened by one call get their ids in (rule, well) order.

-- Every consistency rule: the user's (RC-nnn, comparisons) and the project's (VC-nnn, comparisons and agreements).
CREATE OR REPLACE VIEW referencial.vw_reglas_consistencia AS
SELECT r.codigo, 'USUARIO'::text AS origen, r.descripcion, r.variable_medida, r.operador, r.variable_referencia,
       NULL::double precision AS tolerancia_pct, r.severidad, r.activa
  FROM referencial.tbl_reglas_consistencia r
UNION ALL
SELECT p.codigo, 'PROYECTO', p.descripcion, p.variable_medida, p.operador, p.variable_referencia, p.tolerancia_pct,
       p.severidad, p.activa
  FROM referencial.tbl_reglas_consistencia_proyecto p;
COMMENT ON VIEW referencial.vw_reglas_consistencia IS
    'All consistency rules: the user''s (tbl_reglas_consistencia, RC-nnn) and the project''s (tbl_reglas_consistencia_proyecto, VC-nnn; tolerancia_pct set = measured vs calculated agreement)';

-- A value as a violation's message shows it: six significant digits but at least two decimals, trailing zeros dropped
-- (7745.396768138067 -> 7745.4, 250.90441582028114 -> 250.904, 0.00123456789 -> 0.00123457, 413692.37 -> 413692.37);
-- the stored valor_medido/valor_referencia keep every digit. NaN and the infinities as PostgreSQL writes them.
CREATE OR REPLACE FUNCTION stage.fnc_numero_mensaje(p_valor double precision)
RETURNS text
LANGUAGE sql
IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_valor = 0 THEN '0'
                WHEN p_valor IN ('NaN', 'Infinity', '-Infinity') THEN p_valor::text
                ELSE trim_scale(round(p_valor::numeric,
                                      greatest(2, 5 - floor(log(abs(p_valor::numeric)))::integer)))::text
           END
$$;

CREATE OR REPLACE FUNCTION stage.fnc_columna_consistencia(p_variable text)
RETURNS text
LANGUAGE sql
STABLE
AS $$
    -- 'c.<column>' for a numeric column of the current values, 'm.<column>' for one of the well master, else NULL.
    SELECT t.alias || quote_ident(c.column_name)
      FROM (VALUES ('reporting', 'dataset_current_values', 'c.', 1), ('stage', 'tbl_pozo_maestra', 'm.', 2))
           t(esquema, tabla, alias, orden)
     CROSS JOIN LATERAL reporting.fnc_columnas(t.esquema, t.tabla) c
     WHERE c.column_name = p_variable
       AND c.column_name <> 'well_id'
       AND c.data_type IN ('double precision', 'real', 'numeric', 'integer', 'bigint', 'smallint')
     ORDER BY t.orden
     LIMIT 1
$$;

COMMENT ON FUNCTION stage.fnc_columna_consistencia(text) IS
    'The quoted column (c. current values, m. well master) a consistency-rule variable resolves to, NULL when none';

CREATE OR REPLACE PROCEDURE stage.sp_execute_consistency_validation(
    p_run_id uuid DEFAULT NULL,
    p_as_of  timestamptz DEFAULT now())
LANGUAGE plpgsql
SET jit = off
AS $proc$
DECLARE
    c_max_avisos constant integer := 100;
    v_as_of      constant timestamptz := coalesce(p_as_of, now());
    v_activas    referencial.vw_reglas_consistencia[];
    v_regla      referencial.vw_reglas_consistencia;
    v_medida     text;
    v_referencia text;
    v_operador   text;
    v_codigos    text[] := '{}';
    v_severidades text[] := '{}';
    v_medidas    text[] := '{}';
    v_operadores text[] := '{}';
    v_referencias text[] := '{}';
    v_tolerancias double precision[] := '{}';
    v_valores    text := '';
    v_violan     text := '';
    v_resultados jsonb;
    v_resultado  jsonb;
    v_avisos     text[] := '{}';
    v_linea      text;
    v_reglas     integer := 0;
    v_omitidas   text[] := '{}';
    v_total      bigint := 0;
    v_total_nuevas bigint := 0;
    v_total_cerradas bigint := 0;
    v_por_regla  text[] := '{}';
BEGIN
    -- Rules switched off: their live findings and alerts are closed.
    WITH inactivas AS (
        SELECT r.codigo FROM referencial.vw_reglas_consistencia r WHERE NOT r.activa
    ), cerradas AS (
        UPDATE stage.tbl_consistency_results t
           SET vigente = false, resuelto_en = v_as_of, ultimo_run_id = coalesce(p_run_id, t.ultimo_run_id)
         WHERE t.vigente AND t.codigo IN (SELECT codigo FROM inactivas)
        RETURNING 1
    )
    UPDATE reporting.fact_alertas f
       SET vigente = false, cerrada_en = v_as_of, actualizada_en = v_as_of, run_id = coalesce(p_run_id, f.run_id)
     WHERE f.vigente AND f.tipo = 'CONSISTENCIA' AND f.referencia IN (SELECT codigo FROM inactivas);

    -- The active rules' columns and operators (a rule that cannot be resolved is skipped, with its notice below).
    SELECT coalesce(array_agg(r ORDER BY r.codigo), '{}') INTO v_activas
      FROM referencial.vw_reglas_consistencia r
     WHERE r.activa;
    FOREACH v_regla IN ARRAY v_activas LOOP
        v_medida     := stage.fnc_columna_consistencia(v_regla.variable_medida);
        v_referencia := stage.fnc_columna_consistencia(v_regla.variable_referencia);
        -- an agreement rule's "operator" is the tolerance (the message says which)
        v_operador   := CASE WHEN v_regla.tolerancia_pct IS NOT NULL AND v_regla.operador IS NULL THEN '~'
                             ELSE CASE v_regla.operador
                                      WHEN '<' THEN '<' WHEN '<=' THEN '<=' WHEN '>' THEN '>' WHEN '>=' THEN '>='
                                      WHEN '=' THEN '=' WHEN '<>' THEN '<>' WHEN '!=' THEN '<>'
                                  END
                        END;
        IF v_medida IS NULL OR v_referencia IS NULL OR v_operador IS NULL THEN
            v_avisos := v_avisos || format('%s cannot be evaluated (no numeric column of reporting.dataset_current_values or stage.tbl_pozo_maestra, or operator not allowed)',
                concat_ws(' and ',
                          CASE WHEN v_medida IS NULL THEN quote_literal(v_regla.variable_medida) END,
                          CASE WHEN v_referencia IS NULL THEN quote_literal(v_regla.variable_referencia) END,
                          CASE WHEN v_operador IS NULL THEN 'operator ' || quote_literal(v_regla.operador) END));
            CONTINUE;
        END IF;
        v_codigos     := v_codigos || v_regla.codigo;
        v_severidades := v_severidades || v_regla.severidad;
        v_medidas     := v_medidas || v_regla.variable_medida;
        v_operadores  := v_operadores || v_operador;
        v_referencias := v_referencias || v_regla.variable_referencia;
        v_tolerancias := v_tolerancias || v_regla.tolerancia_pct::double precision;
        -- each rule's two values per well, and whether they break it (the rule's code as a literal)
        v_valores := v_valores || CASE WHEN v_valores = '' THEN '' ELSE ', ' END
                     || format('(%L, (%s)::double precision, (%s)::double precision)', v_regla.codigo, v_medida,
                               v_referencia);
        v_violan  := v_violan || format(' WHEN %L THEN %s', v_regla.codigo,
                     CASE WHEN v_operador = '~'
                          THEN 'coalesce(100 * abs(v.medido - v.referencia) > r.tolerancia_pct * greatest(abs(v.medido), abs(v.referencia)), false)'
                          ELSE format('NOT (v.medido %s v.referencia)', v_operador) END);
    END LOOP;

    -- ONE statement for every resolved rule: a well whose two values are present and break a rule has ONE live row
    -- per rule (inserted when it starts, updated while it lasts); a live row whose well now satisfies the rule (or no
    -- longer exists) is kept as history; the same for the CONSISTENCIA alerts (a live alert updated only when its
    -- value or severity changed). Rules never touch each other's rows (their codes are the keys), so this is what
    -- one statement per rule did, with the wells read once. $1 run id, $2 asOf, $3 notice cap, $4.. the rules.
    IF cardinality(v_codigos) > 0 THEN
        EXECUTE format($sql$
            WITH reglas AS (
                SELECT * FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                                     $9::double precision[])
                           AS r(codigo, severidad, medida, operador, referencia, tolerancia_pct)
            ), pozos AS (
                SELECT m.well_id FROM stage.tbl_pozo_maestra m
                UNION
                SELECT c.well_id FROM reporting.dataset_current_values c
            ), valores AS (
                SELECT w.well_id, x.codigo, x.medido, x.referencia
                  FROM pozos w
                  LEFT JOIN reporting.dataset_current_values c ON c.well_id = w.well_id
                  LEFT JOIN stage.tbl_pozo_maestra m ON m.well_id = w.well_id
                 CROSS JOIN LATERAL (VALUES %1$s) AS x(codigo, medido, referencia)
            ), evaluados AS (
                SELECT v.*, r.severidad, r.medida, r.operador, r.referencia AS referencia_nombre, r.tolerancia_pct,
                       CASE v.codigo %2$s END AS viola,
                       100 * abs(v.medido - v.referencia) / NULLIF(greatest(abs(v.medido), abs(v.referencia)), 0)
                           AS diferencia_pct
                  FROM valores v
                  JOIN reglas r ON r.codigo = v.codigo
                 WHERE v.medido IS NOT NULL AND v.referencia IS NOT NULL
            ), violaciones AS (
                SELECT e.codigo, e.severidad, e.well_id, e.medido, e.referencia,
                       CASE WHEN e.tolerancia_pct IS NULL
                            THEN format('%%s: %%s = %%s, %%s = %%s (expected %%s %%s %%s)', e.codigo, e.medida,
                                        stage.fnc_numero_mensaje(e.medido), e.referencia_nombre,
                                        stage.fnc_numero_mensaje(e.referencia), e.medida, e.operador,
                                        e.referencia_nombre)
                            ELSE format('%%s: measured %%s = %%s, calculated %%s = %%s differ by %%s %%%% (tolerance %%s %%%%)',
                                        e.codigo, e.medida, round(e.medido::numeric, 1), e.referencia_nombre,
                                        round(e.referencia::numeric, 1), round(e.diferencia_pct::numeric, 1),
                                        e.tolerancia_pct)
                       END AS mensaje
                  FROM evaluados e
                 WHERE e.viola
            ), resueltas AS (
                SELECT e.codigo, e.well_id FROM evaluados e WHERE NOT e.viola
                UNION ALL
                SELECT t.codigo, t.well_id FROM stage.tbl_consistency_results t
                 WHERE t.vigente AND t.codigo IN (SELECT r.codigo FROM reglas r)
                   AND NOT EXISTS (SELECT 1 FROM pozos w WHERE w.well_id = t.well_id)
            ), seguidas AS (
                UPDATE stage.tbl_consistency_results t
                   SET valor_medido = v.medido, valor_referencia = v.referencia, severidad = v.severidad,
                       mensaje = v.mensaje, ultima_vez_en = $2, ultimo_run_id = coalesce($1, t.ultimo_run_id)
                  FROM violaciones v
                 WHERE t.vigente AND t.codigo = v.codigo AND t.well_id = v.well_id
                RETURNING 1
            ), nuevas AS (
                INSERT INTO stage.tbl_consistency_results (run_id, codigo, well_id, valor_medido, valor_referencia,
                       severidad, mensaje, detectado_en, ultima_vez_en, ultimo_run_id, vigente)
                SELECT $1, v.codigo, v.well_id, v.medido, v.referencia, v.severidad, v.mensaje, $2, $2, $1, true
                  FROM violaciones v
                 WHERE NOT EXISTS (SELECT 1 FROM stage.tbl_consistency_results t
                                    WHERE t.vigente AND t.codigo = v.codigo AND t.well_id = v.well_id)
                 ORDER BY v.codigo, v.well_id
                RETURNING codigo
            ), cerradas AS (
                UPDATE stage.tbl_consistency_results t
                   SET vigente = false, resuelto_en = $2, ultimo_run_id = coalesce($1, t.ultimo_run_id)
                 WHERE t.vigente AND (t.codigo, t.well_id) IN (SELECT r.codigo, r.well_id FROM resueltas r)
                RETURNING t.codigo
            ), alertas_seguidas AS (
                UPDATE reporting.fact_alertas f
                   SET valor = v.medido, severidad = v.severidad, actualizada_en = $2, run_id = coalesce($1, f.run_id)
                  FROM violaciones v
                 WHERE f.vigente AND f.tipo = 'CONSISTENCIA' AND f.referencia = v.codigo AND f.well_id = v.well_id
                   AND (f.valor, f.severidad) IS DISTINCT FROM (v.medido, v.severidad)
                RETURNING 1
            ), alertas_nuevas AS (
                INSERT INTO reporting.fact_alertas (well_id, tipo, referencia, codigo_status, severidad, valor,
                                                    abierta_en, actualizada_en, vigente, run_id)
                SELECT v.well_id, 'CONSISTENCIA', v.codigo, NULL, v.severidad, v.medido, $2, $2, true, $1
                  FROM violaciones v
                 WHERE NOT EXISTS (SELECT 1 FROM reporting.fact_alertas f
                                    WHERE f.vigente AND f.tipo = 'CONSISTENCIA' AND f.referencia = v.codigo
                                      AND f.well_id = v.well_id)
                 ORDER BY v.codigo, v.well_id
                RETURNING 1
            ), alertas_cerradas AS (
                -- (the alerts to close by a join, not an IN under an OR: that is a subplan scanned once per
                -- live alert when the estimates are too large to hash it)
                UPDATE reporting.fact_alertas f
                   SET vigente = false, cerrada_en = $2, actualizada_en = $2, run_id = coalesce($1, f.run_id)
                  FROM (SELECT r.codigo, r.well_id FROM resueltas r
                        UNION
                        SELECT a.referencia, a.well_id FROM reporting.fact_alertas a
                         WHERE a.vigente AND a.tipo = 'CONSISTENCIA' AND a.referencia IN (SELECT r.codigo FROM reglas r)
                           AND NOT EXISTS (SELECT 1 FROM pozos w WHERE w.well_id = a.well_id)) c
                 WHERE f.vigente AND f.tipo = 'CONSISTENCIA' AND f.referencia = c.codigo AND f.well_id = c.well_id
                RETURNING 1
            )
            SELECT jsonb_object_agg(r.codigo, jsonb_build_object(
                       'evaluados', coalesce(e.n, 0), 'violaciones', coalesce(v.n, 0),
                       'nuevas', coalesce(n.n, 0), 'cerradas', coalesce(c.n, 0),
                       'detalle', coalesce(to_jsonb(v.detalle), '[]'::jsonb)))
              FROM reglas r
              LEFT JOIN (SELECT e.codigo, count(*) AS n FROM evaluados e GROUP BY e.codigo) e ON e.codigo = r.codigo
              LEFT JOIN (SELECT x.codigo, count(*) AS n,
                                (array_agg(format('well %%s: %%s', x.well_id, x.mensaje) ORDER BY x.well_id))[1:$3]
                                    AS detalle
                           FROM violaciones x GROUP BY x.codigo) v ON v.codigo = r.codigo
              LEFT JOIN (SELECT n.codigo, count(*) AS n FROM nuevas n GROUP BY n.codigo) n ON n.codigo = r.codigo
              LEFT JOIN (SELECT c.codigo, count(*) AS n FROM cerradas c GROUP BY c.codigo) c ON c.codigo = r.codigo
            $sql$, v_valores, v_violan)
        INTO v_resultados
        USING p_run_id, v_as_of, c_max_avisos, v_codigos, v_severidades, v_medidas, v_operadores, v_referencias,
              v_tolerancias;
    END IF;

    -- Notices in the rules' order: one per violation (the first 100 per rule), one per rule (or why it was skipped).
    FOREACH v_regla IN ARRAY v_activas LOOP
        IF NOT v_regla.codigo = ANY (v_codigos) THEN
            v_omitidas := v_omitidas || v_regla.codigo;
            RAISE NOTICE 'consistency %: skipped, %', v_regla.codigo, v_avisos[cardinality(v_omitidas)];
            CONTINUE;
        END IF;
        v_resultado := v_resultados -> v_regla.codigo;
        v_operador := v_operadores[array_position(v_codigos, v_regla.codigo)];

        FOR v_linea IN SELECT jsonb_array_elements_text(v_resultado -> 'detalle') LOOP
            RAISE NOTICE 'consistency violation [%] %', v_regla.severidad, v_linea;
        END LOOP;
        IF (v_resultado ->> 'violaciones')::bigint > c_max_avisos THEN
            RAISE NOTICE 'consistency %: ... and % more violations (see stage.tbl_consistency_results)',
                v_regla.codigo, (v_resultado ->> 'violaciones')::bigint - c_max_avisos;
        END IF;
        RAISE NOTICE 'consistency % (% % %): % wells evaluated, % violations (% new), % cleared',
            v_regla.codigo, v_regla.variable_medida,
            CASE WHEN v_operador = '~' THEN format('within %s %% of', v_regla.tolerancia_pct) ELSE v_operador END,
            v_regla.variable_referencia,
            v_resultado ->> 'evaluados', v_resultado ->> 'violaciones', v_resultado ->> 'nuevas', v_resultado ->> 'cerradas';

        v_reglas := v_reglas + 1;
        v_total := v_total + (v_resultado ->> 'violaciones')::bigint;
        v_total_nuevas := v_total_nuevas + (v_resultado ->> 'nuevas')::bigint;
        v_total_cerradas := v_total_cerradas + (v_resultado ->> 'cerradas')::bigint;
        v_por_regla := v_por_regla || format('%s: %s', v_regla.codigo, v_resultado ->> 'violaciones');
    END LOOP;

    RAISE NOTICE 'consistency summary: % rules evaluated%, % live violations (%), % new, % cleared',
        v_reglas,
        CASE WHEN cardinality(v_omitidas) > 0 THEN ' (skipped: ' || array_to_string(v_omitidas, ', ') || ')' ELSE '' END,
        v_total, array_to_string(v_por_regla, ', '), v_total_nuevas, v_total_cerradas;
END
$proc$;

COMMENT ON PROCEDURE stage.sp_execute_consistency_validation(uuid, timestamptz) IS
    'Phase 7: the rules of referencial.vw_reglas_consistencia (the user''s RC-nnn and the project''s VC-nnn) on the current values joined with the well master; one live row per rule and well in stage.tbl_consistency_results while a violation lasts (kept with vigente false when it clears), CONSISTENCIA alerts, notices';
