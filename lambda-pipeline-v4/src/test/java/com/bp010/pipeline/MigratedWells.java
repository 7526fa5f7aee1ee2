package com.bp010.pipeline;

import com.bp010.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A migrated database of its own for one test class, with its well fixture, dropped after the class:
 * {@code @RegisterExtension static final MigratedWells DATABASE = new MigratedWells();}.
 */
final class MigratedWells implements BeforeAllCallback, AfterAllCallback {
    private TestDatabase db;
    private WellFixture wells;

    @Override
    public void beforeAll(ExtensionContext context) {
        db = TestDatabase.migrated();
        wells = new WellFixture(db);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        db.close();
    }

    TestDatabase db() {
        return db;
    }

    WellFixture wells() {
        return wells;
    }
}
