package com.bp010.referencial;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One config file as read from its source: name, bytes, and their SHA-256 (recorded with every load). */
record ConfigFile(String name, byte[] bytes) {
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
