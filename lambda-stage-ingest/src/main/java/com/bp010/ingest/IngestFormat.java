package com.bp010.ingest;

/** The input formats the ingest function reads. */
enum IngestFormat {
    TELEMETRY_CSV, TELEMETRY_JSON, PRODUCTION_CSV, WELL_MASTER_CSV, RESERVES_CSV, RESERVES_XLSX, PG_DUMP
}
