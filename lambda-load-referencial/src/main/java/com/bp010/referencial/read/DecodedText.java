package com.bp010.referencial.read;

/** A reference file's text with how it was decoded (recorded in the load's trace). */
public record DecodedText(String text, String encoding, boolean byteOrderMark) {
}
