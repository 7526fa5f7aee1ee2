-- Runs after every migrate (Flyway callback): privileges for the two roles of docs/CONTRACTS.md §3, re-granted so that tables,
-- partitions, routines and views created by any migration are covered. Idempotent.

-- bp010_etl: DML and EXECUTE, no DDL (it owns nothing, so it cannot drop or alter), no TRUNCATE.
GRANT USAGE ON SCHEMA stage, referencial, reporting, universal TO bp010_etl;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA stage, referencial, reporting, universal TO bp010_etl;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA stage, referencial, reporting, universal TO bp010_etl;
REVOKE EXECUTE ON ALL ROUTINES IN SCHEMA stage, referencial, reporting, universal FROM PUBLIC;
GRANT EXECUTE ON ALL ROUTINES IN SCHEMA stage, referencial, reporting, universal TO bp010_etl;

-- bp010_reader: the reporting views and nothing else.
REVOKE ALL ON SCHEMA stage, referencial, universal FROM bp010_reader;
GRANT USAGE ON SCHEMA reporting TO bp010_reader;
REVOKE ALL ON ALL TABLES IN SCHEMA reporting FROM bp010_reader;
DO $$
DECLARE
    v record;
BEGIN
    FOR v IN SELECT schemaname, viewname FROM pg_views WHERE schemaname = 'reporting' LOOP
        EXECUTE format('GRANT SELECT ON %I.%I TO bp010_reader', v.schemaname, v.viewname);
    END LOOP;
END
$$;
