-- DQ honesty (README "Data quality score"): one definition of the score and of the failures, read alike by the console
-- (bp010 demo), the HTML report and BI as bp010_reader.
--   reporting.vw_dq_failures      every check that failed, by its latest verdict: well, hour, variable, value, limit,
--                                 reason, severity (stage.tbl_pozo_scada_dq keeps one verdict per rule, well and hour)
--   reporting.fnc_dq_score(d, h)  passed / evaluated over the latest verdict of every reading of the days d..h (each
--                                 rule and day as the newest run that judged it: reporting.vw_dq_trend), never the
--                                 last run's own counts; score is NULL when nothing was evaluated.
--   reporting.fnc_dq_score_by_rule(d, h)  the same per rule (the report's table); fnc_dq_score is its sum.

DROP VIEW IF EXISTS reporting.vw_dq_failures CASCADE;
CREATE VIEW reporting.vw_dq_failures AS
WITH f AS (
    SELECT q.rule_id, q.well_id, q.timestamp_lectura, q.nombre_tecnico, q.valor, q.motivo,
           coalesce(q.severidad, r.severidad) AS severidad, coalesce(q.tipo, r.tipo) AS tipo, q.run_id,
           q.detectado_en, r.valor_min, r.valor_max, r.latencia_max_seg,
           CASE WHEN q.valor ~ '^\s*[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?\s*$' THEN q.valor::double precision END
               AS valor_num
      FROM stage.tbl_pozo_scada_dq q
      LEFT JOIN referencial.tbl_dq_rules r ON r.rule_id = q.rule_id
     WHERE q.resultado = 'FAIL'
)
SELECT f.well_id, f.timestamp_lectura, f.nombre_tecnico, f.valor,
       CASE WHEN f.tipo = 'LATENCIA' THEN f.latencia_max_seg
            WHEN f.valor_num IS NOT NULL AND f.valor_max IS NOT NULL AND f.valor_num > f.valor_max THEN f.valor_max
            WHEN f.valor_num IS NOT NULL AND f.valor_min IS NOT NULL AND f.valor_num < f.valor_min THEN f.valor_min
       END AS limite,
       f.rule_id, f.tipo, f.motivo, f.severidad,
       CASE upper(f.severidad) WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3
            ELSE 4 END AS orden_severidad,
       f.run_id, f.detectado_en
  FROM f;

COMMENT ON VIEW reporting.vw_dq_failures IS
    'Every failed DQ check by its latest verdict: well, hour (NULL for well master checks), variable, value, the limit it broke, rule, type, reason, severity (orden_severidad 0 = most severe)';

DROP FUNCTION IF EXISTS reporting.fnc_dq_score(date, date);
DROP FUNCTION IF EXISTS reporting.fnc_dq_score_by_rule(date, date);
CREATE FUNCTION reporting.fnc_dq_score_by_rule(p_desde date, p_hasta date)
RETURNS TABLE (rule_id text, nombre_tecnico text, tipo text, severidad text, evaluated bigint, passed bigint,
               failed bigint, not_evaluated bigint, score double precision)
LANGUAGE sql STABLE AS $$
    WITH t AS (
        SELECT t.rule_id, max(t.nombre_tecnico) AS nombre_tecnico, max(t.tipo) AS tipo,
               sum(t.evaluated) AS evaluated, sum(t.passed) AS passed, sum(t.failed) AS failed,
               sum(t.not_evaluated) AS not_evaluated
          FROM reporting.vw_dq_trend t
         WHERE t.ambito = 'REGLA'
           AND (p_desde IS NULL OR t.fecha >= p_desde)
           AND (p_hasta IS NULL OR t.fecha <= p_hasta)
         GROUP BY t.rule_id
    )
    SELECT coalesce(r.rule_id, t.rule_id), coalesce(r.nombre_tecnico, t.nombre_tecnico), coalesce(r.tipo, t.tipo),
           r.severidad, coalesce(t.evaluated, 0)::bigint, coalesce(t.passed, 0)::bigint,
           coalesce(t.failed, 0)::bigint, coalesce(t.not_evaluated, 0)::bigint,
           CASE WHEN t.evaluated > 0 THEN t.passed::double precision / t.evaluated END
      FROM (SELECT s.rule_id, s.nombre_tecnico, s.tipo, s.severidad FROM reporting.vw_dq_summary s WHERE s.activa) r
      FULL JOIN t ON t.rule_id = r.rule_id
$$;

COMMENT ON FUNCTION reporting.fnc_dq_score_by_rule(date, date) IS
    'Per DQ rule (every active rule, and any other rule that judged a day of the window), the score of the days p_desde..p_hasta (NULL: unbounded): passed / evaluated over the latest verdict of every reading (vw_dq_trend), with the failed and not evaluated counts';

CREATE FUNCTION reporting.fnc_dq_score(p_desde date, p_hasta date)
RETURNS TABLE (evaluated bigint, passed bigint, failed bigint, not_evaluated bigint, score double precision)
LANGUAGE sql STABLE AS $$
    -- the sum of the rules' rows, so the total and the per-rule table can never disagree
    SELECT coalesce(sum(r.evaluated), 0)::bigint, coalesce(sum(r.passed), 0)::bigint,
           coalesce(sum(r.failed), 0)::bigint, coalesce(sum(r.not_evaluated), 0)::bigint,
           CASE WHEN sum(r.evaluated) > 0 THEN sum(r.passed)::double precision / sum(r.evaluated) END
      FROM reporting.fnc_dq_score_by_rule(p_desde, p_hasta) r
$$;

COMMENT ON FUNCTION reporting.fnc_dq_score(date, date) IS
    'The DQ score of the days p_desde..p_hasta (NULL: unbounded): passed / evaluated over the latest verdict of every reading (vw_dq_trend), with the failed and not evaluated counts; the sum of fnc_dq_score_by_rule';

-- the reader may compute the score as the report does (functions are not executable by PUBLIC in this database)
GRANT EXECUTE ON FUNCTION reporting.fnc_dq_score(date, date) TO bp010_reader, bp010_etl;
GRANT EXECUTE ON FUNCTION reporting.fnc_dq_score_by_rule(date, date) TO bp010_reader, bp010_etl;
