package com.bp010.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the repository's own folders (sql/, config/) from any module's working directory. */
public final class RepoPaths {
    private RepoPaths() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("sql/V1__schemas_and_roles.sql")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("Cannot find the repository root (with sql/) above " + dir);
    }

    public static Path sql() {
        return root().resolve("sql");
    }

    /**
     * The versioned migrations of sql/ up to {@code upTo} copied into the new folder {@code into} (with the repeatable
     * and callback scripts of today when {@code withRepeatable}): what a database an older release migrated was built
     * from, for a test that migrates it on to today's.
     */
    public static Path sqlUpTo(Path into, int upTo, boolean withRepeatable) throws IOException {
        Pattern versioned = Pattern.compile("V(\\d+)__.*\\.sql");
        Files.createDirectory(into);
        List<Path> files;
        try (var listed = Files.list(sql())) {
            files = listed.toList();
        }
        for (Path f : files) {
            Matcher m = versioned.matcher(f.getFileName().toString());
            if (m.matches() ? Integer.parseInt(m.group(1)) <= upTo : withRepeatable) {
                Files.copy(f, into.resolve(f.getFileName()));
            }
        }
        return into;
    }

    public static Path config() {
        return root().resolve("config");
    }
}
