package com.bp010.ingest;


import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One input opened once (for an S3 object: its one GET). The first bytes are kept to tell the format; the same stream
 * is then read by the format's reader, or copied once to a temporary file for readers that need a file. Everything read
 * from it is hashed (SHA-256), so a redelivered object is recognised.
 */
final class OpenedInput implements Content, AutoCloseable {
    private final IngestInput input;
    private final BufferedInputStream stream;
    private final MessageDigest sha;
    private final byte[] head;
    private boolean streamTaken;
    private Path file;
    private Path temp;

    private OpenedInput(IngestInput input, InputStream raw, int headBytes) throws IOException {
        this.input = input;
        this.stream = new BufferedInputStream(raw, Math.max(1 << 16, headBytes));
        this.stream.mark(headBytes);
        this.head = stream.readNBytes(headBytes);
        this.stream.reset();
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.file = input.localPath();
    }

    static OpenedInput open(IngestInput input, int headBytes) throws IOException {
        InputStream raw = input.opener().open();
        try {
            return new OpenedInput(input, raw, headBytes);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** The first bytes, to tell the format by. */
    byte[] head() {
        return head;
    }

    @Override
    public String name() {
        return input.name();
    }

    @Override
    public InputStream open() throws IOException {
        if (!streamTaken) {
            streamTaken = true;
            // closing it does not close the input: what the reader left is hashed by sha256()
            return new FilterInputStream(new DigestInputStream(stream, sha)) {
                @Override
                public void close() {
                }
            };
        }
        if (file == null) {
            throw new IllegalStateException(input.location() + " is a stream and was read already");
        }
        return Files.newInputStream(file);
    }

    @Override
    public Path file(SizeLimit limit) throws IOException {
        if (file == null) {
            temp = Files.createTempFile("bp010-ingest-", "-" + input.name().replaceAll("[^A-Za-z0-9._-]", "_"));
            long copied = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = open(); OutputStream out = Files.newOutputStream(temp)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    copied += n;
                    limit.check(copied);
                    out.write(buffer, 0, n);
                }
            }
            file = temp;
        } else {
            limit.check(Files.size(file));
        }
        return file;
    }

    /** SHA-256 of the whole content (what no reader read is read now). */
    String sha256() throws IOException {
        if (!streamTaken) {
            streamTaken = true;
        }
        new DigestInputStream(stream, sha).transferTo(OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(sha.digest());
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close();
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
