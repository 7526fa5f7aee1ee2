package com.bp010.db;

/** {@code s3://bucket/prefix/}: a bucket and a key prefix (empty, or ending in '/'). */
public record S3Location(String bucket, String prefix) {
    public S3Location {
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new Bp010Exception(ErrorCode.BAD_EVENT, "Not a valid S3 bucket name: '" + bucket + "'");
        }
        prefix = prefix == null ? "" : prefix;
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
    }

    public static S3Location parse(String uri) {
        if (uri == null || !uri.startsWith("s3://")) {
            throw new Bp010Exception(ErrorCode.BAD_EVENT, "Expected an s3://bucket/prefix/ location, got '" + uri + "'");
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}
