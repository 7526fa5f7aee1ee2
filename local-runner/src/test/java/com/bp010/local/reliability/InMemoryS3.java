package com.bp010.local.reliability;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one S3 call an object-created event needs ({@code GetObject}), served from memory: the event, the handler, the
 * ingest and the database are the real ones, without an S3 server to start (StageIngestS3IT covers the SDK against
 * S3Mock). Thread-safe.
 */
final class InMemoryS3 implements S3Client {
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    void put(String bucket, String key, String text) {
        objects.put(bucket + "/" + key, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getObject(GetObjectRequest request) {
        byte[] bytes = objects.get(request.bucket() + "/" + request.key());
        if (bytes == null) {
            throw NoSuchKeyException.builder().message("The specified key does not exist: " + request.key()).build();
        }
        return new ResponseInputStream<>(GetObjectResponse.builder().contentLength((long) bytes.length).build(),
                AbortableInputStream.create(new ByteArrayInputStream(bytes)));
    }

    @Override
    public String serviceName() {
        return "s3";
    }

    @Override
    public void close() {
        // nothing to release
    }
}
