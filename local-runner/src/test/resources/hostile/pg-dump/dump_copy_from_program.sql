COPY stage.landing_scada_data (well_id, var_id, timestamp_lectura, measure) FROM PROGRAM 'touch /tmp/bp010_pwned';
