INSERT INTO stage.landing_scada_data (well_id, var_id, timestamp_lectura, measure) VALUES (E'HX-0001\\000', E'IDN1001\\x00', '2024-05-01T10:00:00Z', '1');
