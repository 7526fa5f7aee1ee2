package com.bp010.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Decodes field files that are UTF-8 (with or without a byte-order mark) or Latin-1, without being told which: valid
 * UTF-8 sequences decode as UTF-8 and any byte that does not start a valid sequence decodes as Latin-1. A Latin-1
 * {@code "Presión"} and a UTF-8 {@code "Presión"} both read as {@code "Presión"}. A file that starts with a UTF-16
 * byte-order mark (Excel's "Unicode text") is read as UTF-16. Streams in constant memory.
 */
final class LenientTextReader extends Reader {
    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean started;
    private int pendingLowSurrogate = -1;
    /** 0: UTF-8 / Latin-1; 1: UTF-16LE; 2: UTF-16BE (from the byte-order mark). */
    private int utf16;

    public LenientTextReader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        int n = 0;
        while (n < len) {
            if (pendingLowSurrogate >= 0) {
                cbuf[off + n++] = (char) pendingLowSurrogate;
                pendingLowSurrogate = -1;
                continue;
            }
            if (utf16 != 0) {
                if (!ensure(2)) {
                    pos = limit; // an odd last byte cannot be a character
                    break;
                }
                int lo = buf[pos + (utf16 == 1 ? 0 : 1)] & 0xFF;
                int hi = buf[pos + (utf16 == 1 ? 1 : 0)] & 0xFF;
                cbuf[off + n++] = (char) (hi << 8 | lo);
                pos += 2;
                continue;
            }
            if (!ensure(1)) {
                break;
            }
            int b = buf[pos] & 0xFF;
            if (b < 0x80) {
                // a run of ASCII bytes (most of a field file) is copied in one loop, one character per byte
                int end = pos + Math.min(limit - pos, len - n);
                int i = pos;
                while (i < end && buf[i] >= 0) {
                    cbuf[off + n++] = (char) buf[i++];
                }
                pos = i;
                continue;
            }
            int cp = decodeMultiByte(b);
            if (cp < 0) {
                cbuf[off + n++] = (char) b; // Latin-1
                pos++;
            } else if (cp >= 0x10000) {
                cbuf[off + n++] = Character.highSurrogate(cp);
                pendingLowSurrogate = Character.lowSurrogate(cp);
            } else {
                cbuf[off + n++] = (char) cp;
            }
        }
        return n == 0 ? -1 : n;
    }

    /** Decodes the UTF-8 sequence at {@code pos} and advances past it, or returns -1 leaving {@code pos} alone. */
    private int decodeMultiByte(int b) throws IOException {
        int need;
        int cp;
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
            cp = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            cp = b & 0x0F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            cp = b & 0x07;
        } else {
            return -1;
        }
        if (!ensure(need + 1)) {
            return -1;
        }
        for (int i = 1; i <= need; i++) {
            int c = buf[pos + i] & 0xFF;
            if ((c & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        boolean overlong = (need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return -1;
        }
        pos += need + 1;
        return cp;
    }

    private void skipByteOrderMark() throws IOException {
        if (ensure(3) && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
            pos += 3;
        } else if (ensure(2) && (buf[pos] & 0xFF) == 0xFF && (buf[pos + 1] & 0xFF) == 0xFE) {
            utf16 = 1;
            pos += 2;
        } else if (ensure(2) && (buf[pos] & 0xFF) == 0xFE && (buf[pos + 1] & 0xFF) == 0xFF) {
            utf16 = 2;
            pos += 2;
        }
    }

    /** True when at least {@code n} bytes are buffered (fewer only at the end of the stream). */
    private boolean ensure(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit - pos < n && !eof) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos >= n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
