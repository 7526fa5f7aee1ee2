-- BP010 DQ daily counts derived from the hourly ones (docs/AGGREGATION.md, "Incremental runs"; sql/R__31_dq_engine.sql).
-- reporting.fact_dq_diaria becomes a view (R__31) with the same name and columns: the sum of the hours of
-- reporting.fact_dq_horaria (V19) plus the rows kept in reporting.fact_dq_diaria_base, the table it was. A run then
-- writes a touched day's hours only, not every (well, rule) row of the day again.
--
-- What the base table keeps: the rules on the well master (counted once per well on the as-of day), the reading-rule
-- rows of days counted before V19 (no hourly rows: a run checks such a day whole and moves its counts to the hours),
-- and the counts of a rule no longer active whose hours a run replaced (a daily row outlives its rule's deactivation,
-- as it always did). The view adds both, so every existing daily row keeps its numbers: here each row's hourly part is
-- subtracted from it, and a row that is wholly the sum of its hours (every day counted since V19) leaves the table.
ALTER TABLE reporting.fact_dq_diaria RENAME TO fact_dq_diaria_base;
ALTER TABLE reporting.fact_dq_diaria_base RENAME CONSTRAINT fact_dq_diaria_pk TO fact_dq_diaria_base_pk;
ALTER INDEX reporting.fact_dq_diaria_regla_fecha_idx RENAME TO fact_dq_diaria_base_regla_fecha_idx;

UPDATE reporting.fact_dq_diaria_base f
   SET evaluated = f.evaluated - h.evaluated, passed = f.passed - h.passed, failed = f.failed - h.failed,
       not_evaluated = f.not_evaluated - h.not_evaluated
  FROM (SELECT h.well_id, h.fecha, u.rule_id, sum(u.evaluated) AS evaluated, sum(u.passed) AS passed,
               sum(u.failed) AS failed, sum(u.not_evaluated) AS not_evaluated
          FROM reporting.fact_dq_horaria h
         CROSS JOIN LATERAL unnest(h.rule_ids, h.evaluated, h.passed, h.failed, h.not_evaluated)
                            u(rule_id, evaluated, passed, failed, not_evaluated)
         GROUP BY h.well_id, h.fecha, u.rule_id) h
 WHERE f.well_id = h.well_id AND f.fecha = h.fecha AND f.rule_id = h.rule_id;
DELETE FROM reporting.fact_dq_diaria_base f
 WHERE f.evaluated = 0 AND f.passed = 0 AND f.failed = 0 AND f.not_evaluated = 0;

COMMENT ON TABLE reporting.fact_dq_diaria_base IS
    'DQ counts per well, day and rule not held by reporting.fact_dq_horaria: well-master rules (on the as-of day), days counted before hourly counts were kept, rules deactivated after their hours were replaced. The view reporting.fact_dq_diaria adds these to the sum of the hours';

-- When each hour was written: the view's updated_at and run_id of a day are those of its latest written hour.
ALTER TABLE reporting.fact_dq_horaria ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- The hours of an incremental run's scope that hold new readings (or a marked day): the only ones DQ checks (a
-- reading's verdicts depend on that reading alone); the rest of [desde, hasta) is there for the facts' neighbours.
-- NULL (scopes written before this column): DQ checks the whole range.
ALTER TABLE reporting.pipeline_run_alcance ADD COLUMN horas_nuevas tstzmultirange;
COMMENT ON COLUMN reporting.pipeline_run_alcance.horas_nuevas IS
    'The hours within [desde, hasta) holding readings pivoted since the last complete run, or a marked day (what DQ checks); NULL: all of them';
