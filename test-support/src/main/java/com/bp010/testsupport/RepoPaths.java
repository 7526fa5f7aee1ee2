package com.bp010.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

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

    public static Path config() {
        return root().resolve("config");
    }
}
