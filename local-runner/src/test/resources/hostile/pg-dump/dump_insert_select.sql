INSERT INTO stage.landing_scada_data (well_id, var_id, timestamp_lectura, measure) SELECT well_id, var_id, timestamp_lectura, measure FROM stage.landing_scada_data;
