package com.bp010.db;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The S3 reads the functions share: list a prefix, open or download an object. Failures name bucket and key. */
public final class S3Objects implements AutoCloseable {
    private final S3Client s3;

    public S3Objects(S3Client s3) {
        this.s3 = s3;
    }

    /** Keys under the location's prefix (all pages), folders excluded, in key order. */
    public List<String> list(S3Location location) {
        try {
            return s3.listObjectsV2Paginator(b -> b.bucket(location.bucket()).prefix(location.prefix()))
                    .contents().stream()
                    .map(S3Object::key)
                    .filter(k -> !k.endsWith("/"))
                    .sorted()
                    .toList();
        } catch (SdkException e) {
            throw new Bp010Exception(ErrorCode.STORAGE, "Could not list " + location + ": " + e.getMessage(), e)
                    .with("location", location.toString());
        }
    }

    public InputStream open(String bucket, String key) {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new Bp010Exception(ErrorCode.STORAGE, "Could not read s3://" + bucket + "/" + key + ": "
                    + e.getMessage(), e).with("location", "s3://" + bucket + "/" + key);
        }
    }

    public byte[] read(String bucket, String key) {
        try (InputStream in = open(bucket, key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new Bp010Exception(ErrorCode.STORAGE, "Could not read s3://" + bucket + "/" + key + ": "
                    + e.getMessage(), e).with("location", "s3://" + bucket + "/" + key);
        }
    }

    /** Downloads one object to {@code target} (replacing it). */
    public void download(String bucket, String key, Path target) {
        try (InputStream in = open(bucket, key)) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new Bp010Exception(ErrorCode.STORAGE, "Could not download s3://" + bucket + "/" + key + ": "
                    + e.getMessage(), e).with("location", "s3://" + bucket + "/" + key);
        }
    }

    /** Closes the client (its HTTP connections). */
    @Override
    public void close() {
        s3.close();
    }
}
