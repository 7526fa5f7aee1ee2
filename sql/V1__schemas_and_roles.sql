-- BP010 phase 1 (INIT), family 1: the four schemas of the seed and the two database roles of SPEC 3.
-- Tables live in the versioned files that follow; functions, procedures and views in the repeatable R__ files;
-- privileges are (re)granted after every migrate by afterMigrate__grants.sql.

CREATE SCHEMA IF NOT EXISTS stage;
CREATE SCHEMA IF NOT EXISTS referencial;
CREATE SCHEMA IF NOT EXISTS reporting;
CREATE SCHEMA IF NOT EXISTS universal;

COMMENT ON SCHEMA stage IS 'BP010 landing (EAV), well master, pivoted production, reserves, data-quality and consistency results';
COMMENT ON SCHEMA referencial IS 'BP010 reference catalogue: units, states, BI panels, variables, SCADA map, limits, DQ and consistency rules, evaluation settings';
COMMENT ON SCHEMA reporting IS 'BP010 dimensions, partitioned facts, current values, KPIs, run log, dashboard views';
COMMENT ON SCHEMA universal IS 'BP010 ML outputs: card patterns, strokes, diagnoses, expert validation, IPR and Arps results';

-- Roles are cluster-wide: several databases (and concurrent test runs) may create them at once, so a duplicate is
-- not an error. They get no password here: the operator binds each to a secret (see README, "Database roles").
DO $$
BEGIN
    BEGIN
        CREATE ROLE bp010_etl LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
    END;
    BEGIN
        CREATE ROLE bp010_reader LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
    END;
END
$$;
