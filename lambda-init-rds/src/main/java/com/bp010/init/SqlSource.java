package com.bp010.init;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.bp010.db.S3Location;
import com.bp010.db.S3Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.regex.Pattern;

/**
 * Where the migrations come from: the {@code sql/} bundled in the JAR, or the same layout under an S3 prefix
 * ({@code S3_BUCKET_SQL} + {@code SQL_PREFIX}), downloaded to a private temporary folder first and deleted by
 * {@link #close()} (a warm Lambda container keeps its /tmp between invocations).
 */
interface SqlSource extends AutoCloseable {
    /** Flyway locations to migrate from. */
    List<String> locations();

    /** Human description for the logs and the response. */
    String describe();

    /** Removes what {@link #locations()} staged; nothing for the bundled SQL. */
    @Override
    default void close() {
    }

    static SqlSource classpath() {
        return new SqlSource() {
            @Override
            public List<String> locations() {
                return List.of("classpath:sql");
            }

            @Override
            public String describe() {
                return "classpath:sql (bundled)";
            }
        };
    }

    static SqlSource s3(S3Objects s3, S3Location location) {
        return new S3SqlSource(s3, location);
    }

    /** Downloads {@code *.sql} under the prefix (flat names only) into a fresh temporary folder. */
    final class S3SqlSource implements SqlSource {
        private static final Logger LOG = LoggerFactory.getLogger(S3SqlSource.class);
        private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*\\.sql");

        private final S3Objects s3;
        private final S3Location location;
        private final List<Path> staged = new ArrayList<>();

        S3SqlSource(S3Objects s3, S3Location location) {
            this.s3 = s3;
            this.location = location;
        }

        @Override
        public List<String> locations() {
            List<String> keys = s3.list(location);
            try {
                Path dir = Files.createTempDirectory("bp010-sql-");
                staged.add(dir);
                int files = 0;
                for (String key : keys) {
                    String name = key.substring(location.prefix().length());
                    if (name.contains("/")) {
                        name = name.substring(name.lastIndexOf('/') + 1);
                    }
                    if (!name.endsWith(".sql")) {
                        continue;
                    }
                    if (!FILE_NAME.matcher(name).matches()) {
                        throw new Bp010Exception(ErrorCode.BAD_INPUT, "Unexpected SQL file name in " + location
                                + ": '" + key + "'").with("file", key);
                    }
                    s3.download(location.bucket(), key, dir.resolve(name));
                    files++;
                }
                if (files == 0) {
                    throw new Bp010Exception(ErrorCode.CONFIGURATION, "No .sql files under " + location
                            + ": upload the repository's sql/ folder there, or unset S3_BUCKET_SQL to use the bundled SQL")
                            .with("location", location.toString());
                }
                LOG.info("Downloaded {} SQL file(s) from {}", files, location);
                return List.of("filesystem:" + dir);
            } catch (IOException e) {
                throw new Bp010Exception(ErrorCode.STORAGE, "Cannot stage SQL files from " + location + ": "
                        + e.getMessage(), e);
            }
        }

        @Override
        public String describe() {
            return location.toString();
        }

        /** Deletes the folders {@link #locations()} downloaded into; a file that cannot be deleted is logged. */
        @Override
        public void close() {
            for (Path dir : staged) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException | UncheckedIOException e) {
                    LOG.warn("Could not delete the staged SQL folder {}: {}", dir, e.getMessage());
                }
            }
            staged.clear();
        }
    }
}
