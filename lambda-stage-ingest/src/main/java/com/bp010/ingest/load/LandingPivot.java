package com.bp010.ingest.load;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.UUID;

/** Calls {@code stage.sp_pivot_landing} for the (well, timestamp) pairs one batch touched. */
final class LandingPivot {
    private LandingPivot() {
    }

    /** Returns the production rows written. {@code to} is inclusive here (the batch's last reading time). */
    static long pivotBatch(Connection c, UUID batchId, Instant from, Instant to) throws SQLException {
        if (from == null) {
            return 0;
        }
        try (CallableStatement cs = c.prepareCall("CALL stage.sp_pivot_landing(?, ?, ?, ?)")) {
            cs.setTimestamp(1, Timestamp.from(from));
            cs.setTimestamp(2, Timestamp.from(to.plusNanos(1000)));
            cs.setObject(3, batchId);
            cs.setNull(4, Types.BIGINT);
            cs.registerOutParameter(4, Types.BIGINT);
            cs.execute();
            return cs.getLong(4);
        }
    }
}
