package com.bp010.pipeline;

import com.bp010.testsupport.TestDatabase;

/**
 * Twelve wells in two fields with hourly readings (one well with a counter restart on its second day, one hour in
 * seventeen stopped), for the tests that compare runs split across wells (buckets, groups) with one run over all.
 */
final class TwelveWellField {
    private final String prefix;

    /** @param prefix the well ids' prefix, e.g. {@code "PP-"} gives PP-1 … PP-12 */
    TwelveWellField(String prefix) {
        this.prefix = prefix;
    }

    /** A migrated database with the catalogue, the twelve wells' master rows and 48 hours from 2026-03-09. */
    TestDatabase create() {
        TestDatabase db = TestDatabase.migrated();
        PipelineSqlFixture.loadCatalogue(db);   // the DQ rules: range failures and master-data rules
        db.execute("""
                INSERT INTO stage.tbl_pozo_maestra (well_id, nombre_pozo, campo, profundidad_bomba,
                       profundidad_media_perforados, profundidad_yacimiento, api_gravity, sg_agua, diametro_piston,
                       peso_varillas_aire)
                SELECT '%1$s' || i, 'Well %1$s' || i, CASE WHEN i %% 2 = 0 THEN 'NORTE' ELSE 'SUR' END,
                       5000 + 10 * i, 5200, 5300, 30 + i, 1.05, 1.5, 9000
                  FROM generate_series(1, 12) i
                """.formatted(prefix));
        readings(db, "2026-03-09T00:00:00Z", 48, 0);
        return db;
    }

    /** {@code hours} hourly readings of every well from {@code from}; {@code offset}: hours since the field's first. */
    void readings(TestDatabase db, String from, int hours, int offset) {
        db.execute("""
                INSERT INTO stage.tbl_pozo_produccion (well_id, timestamp_lectura, casing_head_pressure,
                       well_head_pressure, fluid_level, oil_rate, water_rate, liquid_rate, strokes_per_minute,
                       stroke_length, energy_kwh, runtime_hours, dynacard)
                SELECT '%4$s' || i, TIMESTAMPTZ '%1$s' + make_interval(hours => h), 40 + i + h %% 5, 90 + h %% 7,
                       3000 + 50 * i - h, 20 + i + h %% 3, 30 + i, 50 + 2 * i + h %% 3,
                       CASE WHEN (h + i) %% 17 = 0 THEN 0 ELSE 6 + i %% 4 END, 80 + i,
                       CASE WHEN i = 5 AND h + %3$s BETWEEN 30 AND 47 THEN 10 * (h + %3$s - 29)
                            ELSE 2000 * i + 12 * (h + %3$s) END,
                       100 * i + (h + %3$s) * 20.0 / 24,
                       '{"position": [0, 40, 86, 40, 0], "load": [5000, 9000, 9000, 5200, 5000]}'
                  FROM generate_series(1, 12) i CROSS JOIN generate_series(0, %2$s - 1) h
                """.formatted(from, hours, offset, prefix));
    }
}
