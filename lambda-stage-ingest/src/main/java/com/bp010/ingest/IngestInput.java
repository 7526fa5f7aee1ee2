package com.bp010.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * One file to ingest, wherever it lives: its name (which tells the format), its location (for the batch log and the
 * redelivery check), the source it counts under, and how to open it. A local path is given when there is one.
 */
public record IngestInput(String name, String location, String source, Opener opener, Path localPath) {

    /** Opens the content; may be called more than once. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public static IngestInput localFile(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return new IngestInput(abs.getFileName().toString(), abs.toString(), "file",
                () -> java.nio.file.Files.newInputStream(abs), abs);
    }
}
