-- BP010 DQ counts per well and hour (docs/AGGREGATION.md, "Incremental runs"; sql/R__31_dq_engine.sql): phase 3 keeps,
-- for every well and hour with readings, the counts of each reading rule (range, card, latency, and rules that cannot
-- run), so that an incremental run recounts only the hours it re-evaluates and moves reporting.fact_dq_diaria by the
-- difference, instead of recounting every touched day from its readings. One row per well and hour; the rules are an
-- array (rule_ids, sorted) with the counts at the same positions. Rules on the well master are not here: they are
-- counted once per well on the as-of day, in reporting.fact_dq_diaria only.
CREATE TABLE reporting.fact_dq_horaria (
    well_id        text          NOT NULL,
    hora           timestamptz   NOT NULL,
    fecha          date          NOT NULL,
    rule_ids       text[]        NOT NULL,
    evaluated      integer[]     NOT NULL,
    passed         integer[]     NOT NULL,
    failed         integer[]     NOT NULL,
    not_evaluated  integer[]     NOT NULL,
    run_id         uuid,
    -- by day first: an explicit window replaces whole days of every well, an incremental run looks up its wells' days
    CONSTRAINT fact_dq_horaria_pk PRIMARY KEY (fecha, well_id, hora),
    CONSTRAINT fact_dq_horaria_arrays_ck CHECK (
        cardinality(evaluated) = cardinality(rule_ids) AND cardinality(passed) = cardinality(rule_ids)
        AND cardinality(failed) = cardinality(rule_ids) AND cardinality(not_evaluated) = cardinality(rule_ids))
);
COMMENT ON TABLE reporting.fact_dq_horaria IS
    'DQ counts per well and hour of the reading rules (not the well-master rules): rule_ids[i] evaluated[i], passed[i], failed[i], not_evaluated[i]; fecha is the calendar day of the hour in the session time zone. reporting.fact_dq_diaria of a well and day (reading rules) is the sum of its hours';
-- reporting.fact_dq_diaria by rule and day: a run moves each well's master-rule rows to its as-of day and replaces the
-- rows of its window's days, for every well (the primary key leads with the well)
CREATE INDEX fact_dq_diaria_regla_fecha_idx ON reporting.fact_dq_diaria (rule_id, fecha);
