-- The CDI bridge's watermark by transaction (issue 16; sql/R__60_universal_bridge.sql): every row of the tables the
-- bridge reads carries the transaction that last wrote it (write_xid: set on insert by its default, on update by the
-- trigger of R__60), and reporting.ml_sync_state keeps the snapshot in which the bridge's last call looked
-- (synced_snapshot). The next call takes exactly the rows that snapshot could not see, as the pipeline's own
-- watermark does with stage.tbl_pozo_produccion.pivot_xid: a writer that commits after a later sync is still taken,
-- and a row is not read again by every call of the following 15 minutes (the time-based rule this replaces).

-- The rows already there get write_xid 1 (no table rewrite: a constant default), then the default becomes the
-- writing transaction.
ALTER TABLE universal.stroke ADD COLUMN write_xid xid8 NOT NULL DEFAULT '1';
ALTER TABLE universal.stroke ALTER COLUMN write_xid SET DEFAULT pg_current_xact_id();
ALTER TABLE universal.diagnostico ADD COLUMN write_xid xid8 NOT NULL DEFAULT '1';
ALTER TABLE universal.diagnostico ALTER COLUMN write_xid SET DEFAULT pg_current_xact_id();
ALTER TABLE universal.validacion_experta ADD COLUMN write_xid xid8 NOT NULL DEFAULT '1';
ALTER TABLE universal.validacion_experta ALTER COLUMN write_xid SET DEFAULT pg_current_xact_id();
CREATE INDEX stroke_write_xid_idx ON universal.stroke (write_xid);
CREATE INDEX diagnostico_write_xid_idx ON universal.diagnostico (write_xid);
CREATE INDEX validacion_experta_write_xid_idx ON universal.validacion_experta (write_xid);
COMMENT ON COLUMN universal.stroke.write_xid IS 'Transaction that last wrote the row (insert or update): the CDI bridge takes the rows its last snapshot could not see';
COMMENT ON COLUMN universal.diagnostico.write_xid IS 'Transaction that last wrote the row (insert or update): the CDI bridge takes the rows its last snapshot could not see';
COMMENT ON COLUMN universal.validacion_experta.write_xid IS 'Transaction that last wrote the row (insert or update): the CDI bridge takes the rows its last snapshot could not see';

ALTER TABLE reporting.ml_sync_state ADD COLUMN synced_snapshot pg_snapshot;
COMMENT ON COLUMN reporting.ml_sync_state.synced_snapshot IS
    'CDI: the snapshot of the last call; the next takes the rows whose write_xid it could not see (NULL: every row, or a bridge still on synced_until)';

-- A database the CDI bridge already synced: what its time-based rule would still have taken (rows since 15 minutes
-- before synced_until) is marked as written now; the snapshot '2:2:' sees write_xid 1 (the rows synced before) and
-- nothing written since. Without a CDI row every row is new, as before.
UPDATE reporting.ml_sync_state SET synced_snapshot = '2:2:' WHERE bridge = 'CDI';
UPDATE universal.stroke SET write_xid = pg_current_xact_id()
 WHERE created_at > (SELECT s.synced_until - interval '15 minutes' FROM reporting.ml_sync_state s WHERE s.bridge = 'CDI');
UPDATE universal.diagnostico SET write_xid = pg_current_xact_id()
 WHERE created_at > (SELECT s.synced_until - interval '15 minutes' FROM reporting.ml_sync_state s WHERE s.bridge = 'CDI');
UPDATE universal.validacion_experta SET write_xid = pg_current_xact_id()
 WHERE validado_en > (SELECT s.synced_until - interval '15 minutes' FROM reporting.ml_sync_state s WHERE s.bridge = 'CDI');
