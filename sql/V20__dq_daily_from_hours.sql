-- BP010 DQ daily counts kept per well and day (docs/AGGREGATION.md, "Incremental runs"; sql/R__31_dq_engine.sql).
-- reporting.fact_dq_diaria becomes a view (R__31) with the same name and columns over two tables:
--   reporting.fact_dq_diaria_pozo  one row per well and day: the sum of that day's rows of reporting.fact_dq_horaria
--                                  (V19), the rules as an array and the counts at the same positions. An hourly run
--                                  moves one row per touched well (by the difference of the hours it checked), not
--                                  one row per well and rule;
--   reporting.fact_dq_diaria_base  the table fact_dq_diaria was, now holding what the hours do not: the rules on the
--                                  well master (counted once per well on the as-of day), the reading-rule rows of days
--                                  counted before V19 (no hourly rows: a run checks such a day whole and moves its
--                                  counts to the hours), and the counts of a rule no longer active whose hours a run
--                                  replaced (a daily row outlives its rule's deactivation, as it always did).
-- The view adds both per well, day and rule, so every existing daily row keeps its numbers: here each row's hourly part
-- is subtracted from it, and a row that is wholly the sum of its hours (every day counted since V19) leaves the table.
CREATE TABLE reporting.fact_dq_diaria_pozo (
    fecha          date          NOT NULL,
    well_id        text          NOT NULL,
    rule_ids       text[]        NOT NULL,
    evaluated      integer[]     NOT NULL,
    passed         integer[]     NOT NULL,
    failed         integer[]     NOT NULL,
    not_evaluated  integer[]     NOT NULL,
    run_id         uuid,
    updated_at     timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT fact_dq_diaria_pozo_pk PRIMARY KEY (fecha, well_id),
    CONSTRAINT fact_dq_diaria_pozo_arrays_ck CHECK (
        cardinality(evaluated) = cardinality(rule_ids) AND cardinality(passed) = cardinality(rule_ids)
        AND cardinality(failed) = cardinality(rule_ids) AND cardinality(not_evaluated) = cardinality(rule_ids))
);
COMMENT ON TABLE reporting.fact_dq_diaria_pozo IS
    'DQ counts per well and day of the reading rules: the sum of the day''s hours in reporting.fact_dq_horaria, rule_ids[i] evaluated[i], passed[i], failed[i], not_evaluated[i] (a rule missing from an hour counts 0 there). Read through the view reporting.fact_dq_diaria';
INSERT INTO reporting.fact_dq_diaria_pozo (fecha, well_id, rule_ids, evaluated, passed, failed, not_evaluated, run_id)
SELECT x.fecha, x.well_id, array_agg(x.rule_id ORDER BY x.pos, x.rule_id), array_agg(x.evaluated ORDER BY x.pos, x.rule_id),
       array_agg(x.passed ORDER BY x.pos, x.rule_id), array_agg(x.failed ORDER BY x.pos, x.rule_id),
       array_agg(x.not_evaluated ORDER BY x.pos, x.rule_id), (array_agg(x.run_id))[1]
  FROM (SELECT h.fecha, h.well_id, u.rule_id, min(u.pos) AS pos, sum(u.evaluated)::integer AS evaluated,
               sum(u.passed)::integer AS passed, sum(u.failed)::integer AS failed,
               sum(u.not_evaluated)::integer AS not_evaluated, (array_agg(h.run_id))[1] AS run_id
          FROM reporting.fact_dq_horaria h
         CROSS JOIN LATERAL unnest(h.rule_ids, h.evaluated, h.passed, h.failed, h.not_evaluated)
                            WITH ORDINALITY u(rule_id, evaluated, passed, failed, not_evaluated, pos)
         GROUP BY h.fecha, h.well_id, u.rule_id) x
 GROUP BY x.fecha, x.well_id;

ALTER TABLE reporting.fact_dq_diaria RENAME TO fact_dq_diaria_base;
ALTER TABLE reporting.fact_dq_diaria_base RENAME CONSTRAINT fact_dq_diaria_pk TO fact_dq_diaria_base_pk;
ALTER INDEX reporting.fact_dq_diaria_regla_fecha_idx RENAME TO fact_dq_diaria_base_regla_fecha_idx;

UPDATE reporting.fact_dq_diaria_base f
   SET evaluated = f.evaluated - h.evaluated, passed = f.passed - h.passed, failed = f.failed - h.failed,
       not_evaluated = f.not_evaluated - h.not_evaluated
  FROM (SELECT d.well_id, d.fecha, u.rule_id, u.evaluated, u.passed, u.failed, u.not_evaluated
          FROM reporting.fact_dq_diaria_pozo d
         CROSS JOIN LATERAL unnest(d.rule_ids, d.evaluated, d.passed, d.failed, d.not_evaluated)
                            u(rule_id, evaluated, passed, failed, not_evaluated)) h
 WHERE f.well_id = h.well_id AND f.fecha = h.fecha AND f.rule_id = h.rule_id;
DELETE FROM reporting.fact_dq_diaria_base f
 WHERE f.evaluated = 0 AND f.passed = 0 AND f.failed = 0 AND f.not_evaluated = 0;

COMMENT ON TABLE reporting.fact_dq_diaria_base IS
    'DQ counts per well, day and rule not held by reporting.fact_dq_diaria_pozo: well-master rules (on the as-of day), days counted before hourly counts were kept, rules deactivated after their hours were replaced. The view reporting.fact_dq_diaria adds the two';

-- The hours of an incremental run's scope that hold new readings (or a marked day): the only ones DQ checks (a
-- reading's verdicts depend on that reading alone); the rest of [desde, hasta) is there for the facts' neighbours.
-- NULL (scopes written before this column): DQ checks the whole range.
ALTER TABLE reporting.pipeline_run_alcance ADD COLUMN horas_nuevas tstzmultirange;
COMMENT ON COLUMN reporting.pipeline_run_alcance.horas_nuevas IS
    'The hours within [desde, hasta) holding readings pivoted since the last complete run, or a marked day (what DQ checks); NULL: all of them';
