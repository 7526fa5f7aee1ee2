SET statement_timeout = 0;
SET client_encoding = 'UTF8';
INSERT INTO stage.landing_scada_data (well_id, var_id, timestamp_lectura, measure) VALUES ('HX-0001', 'IDN1001', '2024-05-01T10:00:00Z', 'NaN');
DROP TABLE stage.tbl_pozo_produccion;
