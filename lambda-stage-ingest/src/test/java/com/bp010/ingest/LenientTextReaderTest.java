package com.bp010.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LenientTextReaderTest {
    private static String decode(byte[] bytes) throws IOException {
        try (Reader r = new LenientTextReader(new ByteArrayInputStream(bytes))) {
            StringWriter w = new StringWriter();
            r.transferTo(w);
            return w.toString();
        }
    }

    @Test
    void shouldReadTheSameText_whenTheFileIsLatin1OrUtf8() throws IOException {
        String text = "Presión estática;Añelo;°F";

        assertThat(decode(text.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(text);
        assertThat(decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void shouldDropTheByteOrderMark_whenUtf8StartsWithOne() throws IOException {
        byte[] body = "well_id,var_id".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        assertThat(decode(withBom)).isEqualTo("well_id,var_id");
    }

    @Test
    void shouldReadUtf16_whenTheFileStartsWithAUtf16ByteOrderMark() throws IOException {
        String text = "well_id,var_id\nPresión,\uD83D\uDEE2\n";

        assertThat(decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE))).isEqualTo(text);
        assertThat(decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE))).isEqualTo(text);
    }

    /**
     * Random text of ASCII runs, UTF-8 sequences of every length and lone Latin-1 bytes, whose characters are known as
     * it is built, read back in random chunk sizes: the same characters, wherever the chunks and buffers cut.
     */
    @Test
    void shouldReadTheCharactersTheBytesWereBuiltFrom_whenReadInChunksOfAnySize() throws IOException {
        java.util.Random r = new java.util.Random(16);
        for (int trial = 0; trial < 200; trial++) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            StringBuilder expected = new StringBuilder();
            int units = r.nextInt(trial < 20 ? 50 : 30_000);
            for (int u = 0; u < units; u++) {
                switch (r.nextInt(6)) {
                    case 0, 1, 2 -> { // an ASCII run
                        int n = 1 + r.nextInt(40);
                        for (int k = 0; k < n; k++) {
                            char c = (char) r.nextInt(0x80);
                            bytes.write(c);
                            expected.append(c);
                        }
                    }
                    case 3 -> { // a character of two or three UTF-8 bytes
                        char c = r.nextBoolean() ? (char) (0x80 + r.nextInt(0x780)) : (char) (0x800 + r.nextInt(0xD000));
                        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                        expected.append(c);
                    }
                    case 4 -> { // outside the basic plane: four UTF-8 bytes, two chars
                        String s = new String(Character.toChars(0x10000 + r.nextInt(0xF0000)));
                        bytes.writeBytes(s.getBytes(StandardCharsets.UTF_8));
                        expected.append(s);
                    }
                    default -> { // a Latin-1 letter followed by ASCII: not the start of a UTF-8 sequence
                        char c = (char) (0xC0 + r.nextInt(0x40));
                        bytes.write(c);
                        bytes.write('a');
                        expected.append(c).append('a');
                    }
                }
            }
            StringBuilder read = new StringBuilder();
            try (Reader reader = new LenientTextReader(new ByteArrayInputStream(bytes.toByteArray()))) {
                char[] chunk = new char[100_000];
                while (true) {
                    int off = r.nextInt(10);
                    int n = reader.read(chunk, off, 1 + r.nextInt(r.nextBoolean() ? 8 : 90_000));
                    if (n < 0) {
                        break;
                    }
                    read.append(chunk, off, n);
                }
            }
            assertThat(read.toString()).as("trial %d", trial).isEqualTo(expected.toString());
        }
    }

    @Test
    void shouldKeepCharactersOutsideTheBasicPlane_whenUtf8HasFourByteSequences() throws IOException {
        assertThat(decode("pozo \uD83D\uDEE2 ok".getBytes(StandardCharsets.UTF_8))).isEqualTo("pozo \uD83D\uDEE2 ok");
    }
}
