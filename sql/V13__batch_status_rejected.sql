-- A batch that was read but of which no row could be loaded ends REJECTED (its rows wait in stage.landing_rejects
-- for a replay); see README "Stage ingest failures". The CHECK names the values of com.bp010.ingest.BatchStatus.
ALTER TABLE stage.ingest_batches DROP CONSTRAINT IF EXISTS ingest_batches_status_check;
ALTER TABLE stage.ingest_batches ADD CONSTRAINT ingest_batches_status_check
    CHECK (status IN ('OK', 'FAILED', 'REJECTED', 'DUPLICATE_OBJECT'));
