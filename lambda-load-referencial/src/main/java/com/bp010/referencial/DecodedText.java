package com.bp010.referencial;

/** A reference file's text with how it was decoded (recorded in the load's trace). */
record DecodedText(String text, String encoding, boolean byteOrderMark) {
}
