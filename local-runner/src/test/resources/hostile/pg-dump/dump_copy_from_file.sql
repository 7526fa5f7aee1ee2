COPY stage.landing_scada_data FROM '/etc/passwd';
