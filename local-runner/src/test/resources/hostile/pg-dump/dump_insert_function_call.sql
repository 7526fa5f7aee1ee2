INSERT INTO stage.landing_scada_data (well_id, var_id, timestamp_lectura, measure) VALUES ('HX-0001', 'IDN1001', now(), pg_sleep(10)::text);
