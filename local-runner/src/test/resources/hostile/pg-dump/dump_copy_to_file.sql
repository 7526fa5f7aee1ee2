COPY stage.landing_scada_data TO '/tmp/out';
