package com.bp010.referencial;

import com.bp010.db.Env;
import com.bp010.db.LazyDatabase;
import com.bp010.testsupport.TestDatabase;

import java.util.HashMap;
import java.util.Map;

/** The handler on a test database's own pool (closed with the database), config sources read from {@code env}. */
final class Handlers {
    private Handlers() {
    }

    static LoadReferencialHandler on(TestDatabase db, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(db.env());
        env.putAll(extraEnv);
        Env e = Env.of(env);
        return new LoadReferencialHandler(LazyDatabase.of(db.database()), location -> LoadReferencialHandler.sourceFor(location, e));
    }

    static LoadReferencialHandler on(TestDatabase db) {
        return on(db, Map.of());
    }
}
