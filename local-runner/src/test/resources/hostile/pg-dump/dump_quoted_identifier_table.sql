INSERT INTO "stage"."landing_scada_data; DROP TABLE x" (well_id) VALUES ('a');
