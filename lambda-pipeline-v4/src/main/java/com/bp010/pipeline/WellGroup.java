package com.bp010.pipeline;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.bp010.db.EventFields;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A group of wells a run covers (docs/SCALE.md §6, docs/CONTRACTS.md §4.4 "Well groups"): a hash bucket
 * {@code {"bucket": k, "of": n}} (the wells whose {@code reporting.fnc_en_grupo} hash falls in bucket k of n: stable,
 * nearly equal groups) or an explicit list {@code {"wells": [...]}}. {@link #setting()} is how the database sees it:
 * the session setting {@code bp010.grupo} of the group's transactions, and the run log's {@code grupo} column, which
 * names the group's lease and watermark.
 */
record WellGroup(Integer bucket, Integer of, List<String> wells) {
    static final int MAX_GROUPS = 1024;
    private static final Pattern WELL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    static WellGroup parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw bad("wellGroup must be an object: {\"bucket\": k, \"of\": n} or {\"wells\": [...]}");
        }
        EventFields.requireKnown(node, Set.of("bucket", "of", "wells"), "wellGroup");
        if (node.has("wells")) {
            if (node.has("bucket") || node.has("of")) {
                throw bad("wellGroup takes either \"wells\" or \"bucket\" and \"of\", not both");
            }
            JsonNode list = node.get("wells");
            if (!list.isArray() || list.isEmpty()) {
                throw bad("wellGroup.wells must be a non-empty array of well ids");
            }
            TreeSet<String> wells = new TreeSet<>();
            for (JsonNode w : list) {
                String id = w.asText("").trim();
                if (!w.isTextual() || !WELL_ID.matcher(id).matches()) {
                    throw bad("wellGroup.wells: '" + w.asText() + "' is not a well id (letters, digits, '.', '_', '-')");
                }
                wells.add(id);
            }
            return new WellGroup(null, null, List.copyOf(new ArrayList<>(wells)));
        }
        JsonNode bucket = node.get("bucket");
        JsonNode of = node.get("of");
        if (bucket == null || of == null || !bucket.canConvertToInt() || !of.canConvertToInt()
                || !bucket.isIntegralNumber() || !of.isIntegralNumber()) {
            throw bad("wellGroup needs integers \"bucket\" and \"of\" (bucket 0 .. of-1), or \"wells\"");
        }
        int n = of.intValue();
        int k = bucket.intValue();
        if (n < 1 || n > MAX_GROUPS) {
            throw bad("wellGroup.of must be 1-" + MAX_GROUPS + ", got " + n);
        }
        if (k < 0 || k >= n) {
            throw bad("wellGroup.bucket must be 0-" + (n - 1) + " for \"of\": " + n + ", got " + k);
        }
        return new WellGroup(k, n, null);
    }

    /** {@code k/n}, or the wells as a text array literal {@code {A,B}} (well ids need no quoting). */
    String setting() {
        return wells != null ? "{" + String.join(",", wells) + "}" : bucket + "/" + of;
    }

    /** The group's lease in {@code reporting.pipeline_lease} (a list is named by its md5: lease names stay short). */
    static String leaseName(String setting) {
        String key = setting.startsWith("{") ? "wells:" + md5(setting) : setting;
        return RunLease.NAME + "/group " + key;
    }

    private static String md5(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Bp010Exception bad(String message) {
        return new Bp010Exception(ErrorCode.BAD_EVENT, message).with("field", "wellGroup");
    }
}
