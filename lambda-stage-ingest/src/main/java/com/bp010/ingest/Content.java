package com.bp010.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** The bytes of one input, opened once (an S3 object: one GET). */
interface Content {
    /** The input's name (file name or object key's last segment), for messages. */
    String name();

    /** The content from the start; a streamed input opens once. */
    InputStream open() throws IOException;

    /**
     * The content as a local file (a workbook is read from its end): a streamed input is copied once, {@code limit}
     * told the bytes copied so far (it throws to refuse an input too large).
     */
    Path file(SizeLimit limit) throws IOException;

    /** Refuses an input once too many bytes of it were copied. */
    @FunctionalInterface
    interface SizeLimit {
        void check(long bytesSoFar);
    }
}
