INSERT INTO stage.landing_scada_data (well_id, var_id, timestamp_lectura, measure) VALUES ('HX-0001', 'IDN1001', '2024-05-01T10:00:00Z', '12);
DROP TABLE x;
