package com.bp010.ingest;

import com.bp010.db.Database;

import java.sql.CallableStatement;
import java.sql.Types;

/** Calls {@code stage.sp_purge_landing}: landing months wholly older than LANDING_RETENTION_DAYS and pivoted are dropped; 0 keeps all. */
final class Retention {
    private Retention() {
    }

    public static long purge(Database db, int days) {
        return db.withConnection("stage.sp_purge_landing", c -> {
            try (CallableStatement cs = c.prepareCall("CALL stage.sp_purge_landing(?, ?)")) {
                cs.setInt(1, days);
                cs.setNull(2, Types.BIGINT);
                cs.registerOutParameter(2, Types.BIGINT);
                cs.execute();
                return cs.getLong(2);
            }
        });
    }
}
