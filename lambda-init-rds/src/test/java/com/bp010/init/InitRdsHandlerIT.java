package com.bp010.init;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.bp010.db.Bp010Exception;
import com.bp010.db.Env;
import com.bp010.db.ErrorCode;
import com.bp010.db.LazyDatabase;
import com.bp010.testsupport.CapturedLogs;
import com.bp010.testsupport.Invocation;
import com.bp010.testsupport.LocalS3;
import com.bp010.testsupport.RepoPaths;
import com.bp010.testsupport.SecretsManagerStub;
import com.bp010.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InitRdsHandlerIT {
    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension();

    private static String event(String fixture) throws IOException {
        return Files.readString(RepoPaths.root().resolve("events").resolve(fixture));
    }

    private static InitRdsHandler handler(TestDatabase db) {
        return new InitRdsHandler(Env.of(db.env()));
    }

    @Test
    void shouldCreateTheFourSchemasWithEveryTable_whenMigratingAnEmptyDatabase() throws IOException {
        try (TestDatabase db = TestDatabase.create()) {
            JsonNode response = Invocation.invoke(handler(db), event("init-migrate.json"));

            assertThat(response.get("mode").asText()).isEqualTo("migrate");
            assertThat(response.get("pending").asInt()).isZero();
            assertThat(response.get("durationMs").asLong()).isPositive();
            List<String> versions = response.get("applied").findValuesAsText("version");
            assertThat(versions).contains("1", "2", "3", "4", "5", "6");
            JsonNode schemas = response.get("schemas");
            assertThat(schemas.get("stage").get("tables").asInt()).isGreaterThanOrEqualTo(8);
            assertThat(schemas.get("referencial").get("tables").asInt()).isGreaterThanOrEqualTo(13);
            assertThat(schemas.get("reporting").get("tables").asInt()).isGreaterThanOrEqualTo(21);
            assertThat(schemas.get("universal").get("tables").asInt()).isGreaterThanOrEqualTo(6);
            int total = 0;
            for (JsonNode s : schemas) {
                total += s.get("tables").asInt();
            }
            assertThat(total).isGreaterThanOrEqualTo(45);
            assertThat(db.count("SELECT count(*) FROM public.bp010_schema_history WHERE success")).isPositive();
            assertThat(db.count("SELECT count(*) FROM referencial.catalogo_status")).isEqualTo(10);
            assertThat(db.count("SELECT count(*) FROM referencial.tbl_reglas_consistencia")).isEqualTo(6);
            assertThat(db.count("SELECT count(*) FROM referencial.tbl_ref_estados_operativos")).isEqualTo(5);
        }
    }

    @Test
    void shouldApplyNothingAndKeepEveryRow_whenMigratingTwice() throws IOException {
        try (TestDatabase db = TestDatabase.create()) {
            Invocation.invoke(handler(db), event("init-migrate.json"));
            db.execute("INSERT INTO stage.tbl_pozo_maestra (well_id, campo) VALUES ('KEEP-1', 'Campo')");

            JsonNode second = Invocation.invoke(handler(db), event("init-migrate.json"));

            assertThat(second.get("applied")).isEmpty();
            assertThat(second.get("pending").asInt()).isZero();
            assertThat(db.count("SELECT count(*) FROM stage.tbl_pozo_maestra WHERE well_id = 'KEEP-1'")).isEqualTo(1);

            JsonNode info = Invocation.invoke(handler(db), event("init-info.json"));
            assertThat(info.get("mode").asText()).isEqualTo("info");
            assertThat(info.get("applied").findValuesAsText("version")).contains("1", "6");
        }
    }

    /**
     * An older build's init (a rolled-back deploy) on a database a newer build migrated: on main Flyway skipped the
     * unknown V999 and answered OK, and would re-apply this build's older repeatable routines over the newer tables.
     */
    @Test
    void shouldRefuseNamingTheNewerVersionAndApplyNothing_whenANewerBuildMigratedTheDatabase() throws IOException {
        try (TestDatabase db = TestDatabase.create()) {
            Invocation.invoke(handler(db), event("init-migrate.json"));
            db.execute("INSERT INTO public.bp010_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) SELECT max(installed_rank) + 1, '999',"
                    + " 'from a newer build', 'SQL', 'V999__from_a_newer_build.sql', 1, current_user, 1, true"
                    + " FROM public.bp010_schema_history");
            // the newer build's routine: this build's R__ would replace it
            db.execute("UPDATE public.bp010_schema_history SET checksum = checksum + 1"
                    + " WHERE script = 'R__10_calc_derivados_funciones.sql'");
            long rows = db.count("SELECT count(*) FROM public.bp010_schema_history");

            assertThatThrownBy(() -> Invocation.invoke(handler(db), event("init-migrate.json")))
                    .isInstanceOfSatisfying(Bp010Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION))
                    .hasMessageContaining("migrated by a newer build: V999 (from a newer build)")
                    .hasMessageContaining("nothing was applied")
                    .hasMessageContaining("invoke init of the build that holds V999");
            assertThat(db.count("SELECT count(*) FROM public.bp010_schema_history")).isEqualTo(rows);
        }
    }

    @Test
    void shouldRefuseAndKeepData_whenResetLacksTheConfirmation() throws IOException {
        try (TestDatabase db = TestDatabase.create()) {
            Invocation.invoke(handler(db), event("init-migrate.json"));
            db.execute("INSERT INTO stage.tbl_pozo_maestra (well_id) VALUES ('KEEP-2')");

            for (String bad : List.of("{\"mode\": \"reset\"}", "{\"mode\": \"reset\", \"confirm\": \"yes\"}")) {
                assertThatThrownBy(() -> Invocation.invoke(handler(db), bad))
                        .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.REFUSED);
                            assertThat(e.reason()).contains("DROP BP010 SCHEMAS").contains("Nothing was changed");
                        });
            }
            assertThat(db.count("SELECT count(*) FROM stage.tbl_pozo_maestra WHERE well_id = 'KEEP-2'")).isEqualTo(1);
        }
    }

    @Test
    void shouldRecreateEmptySchemas_whenResetIsConfirmed() throws IOException {
        try (TestDatabase db = TestDatabase.create()) {
            Invocation.invoke(handler(db), event("init-migrate.json"));
            db.execute("INSERT INTO stage.tbl_pozo_maestra (well_id) VALUES ('GONE-1')");

            JsonNode response = Invocation.invoke(handler(db), event("init-reset.json"));

            assertThat(response.get("mode").asText()).isEqualTo("reset");
            assertThat(response.get("applied").findValuesAsText("version")).contains("1", "6");
            assertThat(db.count("SELECT count(*) FROM stage.tbl_pozo_maestra")).isZero();
            assertThat(db.count("SELECT count(*) FROM referencial.catalogo_status")).isEqualTo(10);
        }
    }

    @Test
    void shouldReject_whenModeIsUnknown() {
        try (TestDatabase db = TestDatabase.create()) {
            assertThatThrownBy(() -> Invocation.invoke(handler(db), "{\"mode\": \"drop\"}"))
                    .isInstanceOfSatisfying(Bp010Exception.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_EVENT));
        }
    }

    @Test
    void shouldMigrateFromS3_whenSqlBucketIsSet() throws IOException {
        var s3 = S3.createS3ClientV2();
        LocalS3.uploadDirectory(s3, "bp010-sql", "release-7/sql/", RepoPaths.sql());
        try (TestDatabase db = TestDatabase.create()) {
            Map<String, String> env = new HashMap<>(db.env());
            env.putAll(LocalS3.env(S3));
            env.put("S3_BUCKET_SQL", "bp010-sql");
            env.put("SQL_PREFIX", "release-7/sql/");
            List<Path> stagedBefore = stagedSqlFolders();

            JsonNode response = Invocation.invoke(new InitRdsHandler(Env.of(env)), event("init-migrate.json"));

            assertThat(response.get("source").asText()).isEqualTo("s3://bp010-sql/release-7/sql/");
            assertThat(response.get("applied").findValuesAsText("version")).contains("1", "6");
            assertThat(response.get("schemas").get("reporting").get("tables").asInt()).isGreaterThanOrEqualTo(21);
            // the downloaded copy is gone: a warm container's /tmp does not fill up one sql/ per invocation
            assertThat(stagedSqlFolders()).as("bp010-sql-* folders left in the temporary directory")
                    .containsExactlyInAnyOrderElementsOf(stagedBefore);
        }
    }

    private static List<Path> stagedSqlFolders() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("bp010-sql-")).toList();
        }
    }

    @Test
    void shouldReadCredentialsFromTheSecretAndNeverLogThem_whenTargetSecretNameIsSet() throws IOException {
        String password = "pw-" + UUID.randomUUID();
        try (TestDatabase db = TestDatabase.create(); SecretsManagerStub secrets = new SecretsManagerStub();
             CapturedLogs logs = CapturedLogs.start()) {
            secrets.put("bp010/owner", """
                    {"engine": "postgres", "host": "127.0.0.1", "port": 5432, "dbname": "%s",
                     "username": "postgres", "password": "%s"}""".formatted(db.name(), password));
            Map<String, String> env = new HashMap<>(secrets.env());
            env.put("TARGET_SECRET_NAME", "bp010/owner");
            env.put("DB_SSL", "disable");

            JsonNode response = Invocation.invoke(new InitRdsHandler(Env.of(env)), event("init-migrate.json"));

            assertThat(response.get("applied").findValuesAsText("version")).contains("1");
            assertThat(secrets.calls()).isEqualTo(1);
            assertThat(logs.lines()).isNotEmpty();
            assertThat(logs.all()).doesNotContain(password).contains("bp010/owner");
        }
    }

    @Test
    void shouldNameTheFileAndLeaveTheDatabaseUnchanged_whenAMigrationIsBad(@TempDir Path dir) throws IOException {
        try (Stream<Path> files = Files.list(RepoPaths.sql())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Files.writeString(dir.resolve("V99__broken_migration.sql"), """
                CREATE TABLE stage.should_not_survive (id int);
                ALTER TABLE stage.no_such_table ADD COLUMN x int;
                """);
        try (TestDatabase db = TestDatabase.create()) {
            InitRdsHandler broken = new InitRdsHandler(LazyDatabase.of(db.database()), () -> new SqlSource() {
                @Override
                public List<String> locations() {
                    return List.of("filesystem:" + dir);
                }

                @Override
                public String describe() {
                    return dir.toString();
                }
            });

            assertThatThrownBy(() -> Invocation.invoke(broken, event("init-migrate.json")))
                    .isInstanceOfSatisfying(Bp010Exception.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION);
                        assertThat(e.detail("file")).isEqualTo("V99__broken_migration.sql");
                        assertThat(e.getMessage()).contains("V99__broken_migration.sql").contains("no_such_table");
                    });
            assertThat(db.count("SELECT count(*) FROM pg_namespace WHERE nspname IN ('stage','reporting')")).isZero();
            assertThat(db.count("SELECT count(*) FROM public.bp010_schema_history WHERE success")).isZero();
        }
    }
}
