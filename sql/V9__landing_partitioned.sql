-- Landing redesigned for speed (keeps every row, revision and reject of an existing database).
-- The readings move from stage.landing_scada_data (text key under the database collation, one heap) to
-- stage.landing_lectura: integer surrogate keys for well and variable (stage.dim_well, stage.dim_variable), so the
-- unique key never compares text, and range partitions by reading month (UTC bounds, created on demand by
-- stage.fnc_ensure_landing_partitions), so retention drops a whole month instead of deleting rows.
-- stage.landing_scada_data becomes a view with the same columns (R__20), writable for manual fixes.

-- Surrogate ids: one per well id and SCADA id ever seen; never deleted, never reused. Registered by triggers on the
-- well master and the SCADA map (R__20), and by any write through the landing view.
CREATE TABLE stage.dim_well (
    well_key  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    well_id   text NOT NULL,
    CONSTRAINT dim_well_uk UNIQUE (well_id)
);
COMMENT ON TABLE stage.dim_well IS 'Integer surrogate of each well id, for the landing key';

CREATE TABLE stage.dim_variable (
    var_key   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    var_id    text NOT NULL,
    CONSTRAINT dim_variable_uk UNIQUE (var_id)
);
COMMENT ON TABLE stage.dim_variable IS 'Integer surrogate of each SCADA variable id, for the landing key';

INSERT INTO stage.dim_well (well_id)
SELECT well_id FROM stage.tbl_pozo_maestra
 UNION
SELECT DISTINCT well_id FROM stage.landing_scada_data
 ORDER BY 1;

INSERT INTO stage.dim_variable (var_id)
SELECT var_id_scada FROM referencial.tbl_var_scada_map
 UNION
SELECT DISTINCT var_id FROM stage.landing_scada_data
 ORDER BY 1;

CREATE TABLE stage.landing_lectura (
    well_key            integer     NOT NULL,
    var_key             integer     NOT NULL,
    timestamp_lectura   timestamptz NOT NULL,
    measure             text,
    moddate             timestamptz NOT NULL DEFAULT now(),
    source_received_at  timestamptz,
    batch_id            uuid        NOT NULL,
    source              text        NOT NULL,
    pivoted_at          timestamptz,
    CONSTRAINT landing_lectura_pk PRIMARY KEY (well_key, var_key, timestamp_lectura)
) PARTITION BY RANGE (timestamp_lectura);
CREATE INDEX landing_lectura_unpivoted_idx ON stage.landing_lectura (well_key, timestamp_lectura)
    WHERE pivoted_at IS NULL;
-- Readings of a month without a partition land here until stage.fnc_ensure_landing_partitions moves them out.
CREATE TABLE stage.landing_lectura_default PARTITION OF stage.landing_lectura DEFAULT;
COMMENT ON TABLE stage.landing_lectura IS 'SCADA readings in EAV form, partitioned by reading month (UTC); never truncated; a month is dropped whole once every reading in it is older than LANDING_RETENTION_DAYS and pivoted';
COMMENT ON COLUMN stage.landing_lectura.moddate IS 'When the reading landed here (or was last revised)';
COMMENT ON COLUMN stage.landing_lectura.source_received_at IS 'When the source says it received the reading (NULL for file drops and backfills)';
COMMENT ON COLUMN stage.landing_lectura.pivoted_at IS 'When the reading reached stage.tbl_pozo_produccion (NULL until pivoted)';

-- One partition per month that holds readings, bounds in UTC (independent of the session time zone).
DO $$
DECLARE
    v_mes timestamp;
BEGIN
    FOR v_mes IN SELECT DISTINCT date_trunc('month', timestamp_lectura AT TIME ZONE 'UTC')
                   FROM stage.landing_scada_data ORDER BY 1 LOOP
        EXECUTE format('CREATE TABLE stage.%I PARTITION OF stage.landing_lectura FOR VALUES FROM (%L) TO (%L)',
                       'landing_lectura_' || to_char(v_mes, '"y"YYYY"m"MM'),
                       to_char(v_mes, 'YYYY-MM-DD HH24:MI:SS') || '+00',
                       to_char(v_mes + interval '1 month', 'YYYY-MM-DD HH24:MI:SS') || '+00');
    END LOOP;
END
$$;

INSERT INTO stage.landing_lectura (well_key, var_key, timestamp_lectura, measure, moddate, source_received_at,
                                   batch_id, source, pivoted_at)
SELECT w.well_key, v.var_key, l.timestamp_lectura, l.measure, l.moddate, l.source_received_at, l.batch_id, l.source,
       l.pivoted_at
  FROM stage.landing_scada_data l
  JOIN stage.dim_well w ON w.well_id = l.well_id
  JOIN stage.dim_variable v ON v.var_id = l.var_id;

-- Revisions by the batch that made them: the ingest counts a batch's revisions from here.
CREATE INDEX landing_revisions_batch_idx ON stage.landing_revisions (batch_id_nuevo);

-- The old heap goes; R__20 puts a view of the same name and columns in its place.
DROP TABLE stage.landing_scada_data;
