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

    @Test
    void shouldKeepCharactersOutsideTheBasicPlane_whenUtf8HasFourByteSequences() throws IOException {
        assertThat(decode("pozo \uD83D\uDEE2 ok".getBytes(StandardCharsets.UTF_8))).isEqualTo("pozo \uD83D\uDEE2 ok");
    }
}
