package com.bp010.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a workbook before it is opened: bounded file size, entry count, total inflated size and compression ratio,
 * measured by inflating (declared sizes can lie). A spreadsheet of reserves is small; anything past these bounds is
 * refused with a clear message instead of exhausting the Lambda's memory or disk.
 */
final class ZipBombGuard {
    private final long maxFileBytes;
    private final long maxInflatedBytes;
    private final int maxEntries;
    private final int maxRatio;

    public ZipBombGuard(long maxFileBytes, long maxInflatedBytes, int maxEntries, int maxRatio) {
        this.maxFileBytes = maxFileBytes;
        this.maxInflatedBytes = maxInflatedBytes;
        this.maxEntries = maxEntries;
        this.maxRatio = maxRatio;
    }

    public static ZipBombGuard defaults() {
        return new ZipBombGuard(50L << 20, 256L << 20, 5_000, 200);
    }

    /** Throws BAD_INPUT naming the file when it is not a workbook or exceeds a bound. */
    public void check(String file, Path path) throws IOException {
        long size = Files.size(path);
        if (size > maxFileBytes) {
            throw InputErrors.badInput(file, 0, null, null, "the workbook is " + size + " bytes; at most "
                    + maxFileBytes + " are accepted");
        }
        long total = 0;
        int entries = 0;
        byte[] buf = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (++entries > maxEntries) {
                    throw InputErrors.badInput(file, 0, null, null, "the workbook has more than " + maxEntries
                            + " parts");
                }
                long inflated = 0;
                try (InputStream in = zip.getInputStream(e)) {
                    for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
                        inflated += r;
                        total += r;
                        if (total > maxInflatedBytes) {
                            throw InputErrors.badInput(file, 0, e.getName(), null, "the workbook inflates past "
                                    + maxInflatedBytes + " bytes (a zip bomb?)");
                        }
                    }
                }
                long compressed = Math.max(1, e.getCompressedSize());
                if (inflated > (1 << 20) && inflated / compressed > maxRatio) {
                    throw InputErrors.badInput(file, 0, e.getName(), null, "part " + e.getName()
                            + " is compressed " + (inflated / compressed) + ":1 (a zip bomb?)");
                }
            }
        } catch (ZipException e) {
            throw InputErrors.badInput(file, 0, null, null, "not an .xlsx workbook (" + e.getMessage() + ")");
        }
        if (entries == 0) {
            throw InputErrors.badInput(file, 0, null, null, "not an .xlsx workbook (empty archive)");
        }
    }

    /** Throws BAD_INPUT naming the file once {@code bytesSoFar} of a workbook being copied pass the size bound. */
    public void checkSize(String file, long bytesSoFar) {
        if (bytesSoFar > maxFileBytes) {
            throw InputErrors.badInput(file, 0, null, null, "the workbook is larger than " + maxFileBytes
                    + " bytes; at most " + maxFileBytes + " are accepted");
        }
    }
}
