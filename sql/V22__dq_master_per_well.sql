-- DQ counts of the well-master rules, one row per well (docs/AGGREGATION.md, "DQ counts"): the active master rules'
-- counts on the day the well's last run counted them (its as-of day), as arrays at the positions of rule_ids, with the
-- run that last changed each count and when. reporting.fact_dq_diaria (R__31) reads them per rule like the rows of
-- reporting.fact_dq_diaria_base, which held them before: every run moves every well's master counts to its as-of day,
-- one row per well here instead of one per well and rule there (an hourly run that crosses midnight moved 10,000 rows
-- of 1,000 wells).
-- Nothing moves now: a run takes a well's master rows out of reporting.fact_dq_diaria_base when it counts that well
-- again (R__31, step 7), so the view reads the same numbers before and after.
CREATE TABLE reporting.fact_dq_maestra_pozo (
    well_id        text          NOT NULL,
    fecha          date          NOT NULL,
    rule_ids       text[]        NOT NULL,
    evaluated      bigint[]      NOT NULL,
    passed         bigint[]      NOT NULL,
    failed         bigint[]      NOT NULL,
    not_evaluated  bigint[]      NOT NULL,
    run_ids        uuid[]        NOT NULL,
    updated_ats    timestamptz[] NOT NULL,
    CONSTRAINT fact_dq_maestra_pozo_pk PRIMARY KEY (well_id),
    CONSTRAINT fact_dq_maestra_pozo_arrays_ck CHECK (
        cardinality(evaluated) = cardinality(rule_ids) AND cardinality(passed) = cardinality(rule_ids)
        AND cardinality(failed) = cardinality(rule_ids) AND cardinality(not_evaluated) = cardinality(rule_ids)
        AND cardinality(run_ids) = cardinality(rule_ids) AND cardinality(updated_ats) = cardinality(rule_ids))
);
COMMENT ON TABLE reporting.fact_dq_maestra_pozo IS
    'DQ counts of the active well-master rules per well, on the as-of day of the last run that counted the well (fecha): rule_ids[i] evaluated[i], passed[i], failed[i], not_evaluated[i], written by run_ids[i] at updated_ats[i] (the run that last changed that count). Read per rule through the view reporting.fact_dq_diaria';
