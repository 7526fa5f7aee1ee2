package com.bp010.referencial;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes a field file whatever the tool that saved it: UTF-8 with or without a byte-order mark, UTF-16 with its
 * mark, or a Windows/Latin-1 code page (Excel's "CSV" on a Spanish desktop). A UTF-8 mark in front of Latin-1 bytes
 * (files re-saved by tools that add it blindly) is tolerated: the mark is dropped and the rest judged on its own.
 */
final class TextDecoder {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    public static DecodedText decode(byte[] bytes) {
        if (startsWith(bytes, UTF8_BOM)) {
            byte[] rest = Arrays.copyOfRange(bytes, UTF8_BOM.length, bytes.length);
            DecodedText inner = decodeWithoutMark(rest);
            return new DecodedText(inner.text(), inner.encoding(), true);
        }
        if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xFE})) {
            return new DecodedText(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE", true);
        }
        if (startsWith(bytes, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
            return new DecodedText(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE", true);
        }
        return decodeWithoutMark(bytes);
    }

    private static DecodedText decodeWithoutMark(byte[] bytes) {
        try {
            return new DecodedText(strict(StandardCharsets.UTF_8, bytes), "UTF-8", false);
        } catch (CharacterCodingException notUtf8) {
            try {
                return new DecodedText(strict(WINDOWS_1252, bytes), "windows-1252", false);
            } catch (CharacterCodingException notWindows) {
                return new DecodedText(new String(bytes, StandardCharsets.ISO_8859_1), "ISO-8859-1", false);
            }
        }
    }

    private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
