COPY stage.landing_scada_data (well_id, var_id, timestamp_lectura, measure) FROM stdin;
HX-0001	IDN1001	0001-01-01 00:00:00+00	1
HX-0001	IDN1001	2024-05-01T10:00:00Z	Infinity
'; DROP TABLE stage.tbl_pozo_produccion; --	IDN1001	2024-05-01T10:00:00Z	1
HX-0001	IDN1001
\.
