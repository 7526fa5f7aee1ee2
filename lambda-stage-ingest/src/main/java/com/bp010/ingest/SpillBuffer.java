package com.bp010.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes kept for later (rows for a second {@code COPY} while the first one is still open): in memory up to a limit, then
 * in a temporary file, deleted on {@link #close()}. Memory stays bounded whatever the input.
 */
final class SpillBuffer extends OutputStream {
    private static final int IN_MEMORY = 8 * 1024 * 1024;

    private ByteArrayOutputStream memory = new ByteArrayOutputStream(64 * 1024);
    private Path file;
    private OutputStream fileOut;
    private long size;

    @Override
    public void write(int b) throws IOException {
        target(1).write(b);
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target(len).write(b, off, len);
        size += len;
    }

    long size() {
        return size;
    }

    /** What was written, from the start; call after the last write. */
    InputStream open() throws IOException {
        if (fileOut == null) {
            return new ByteArrayInputStream(memory.toByteArray());
        }
        fileOut.flush();
        return Files.newInputStream(file);
    }

    @Override
    public void close() throws IOException {
        memory = null;
        if (fileOut != null) {
            fileOut.close();
            Files.deleteIfExists(file);
            fileOut = null;
        }
    }

    private OutputStream target(int len) throws IOException {
        if (fileOut != null) {
            return fileOut;
        }
        if (memory.size() + (long) len <= IN_MEMORY) {
            return memory;
        }
        file = Files.createTempFile("bp010-spill-", ".copy");
        fileOut = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        memory.writeTo(fileOut);
        memory = null;
        return fileOut;
    }
}
