package com.bp010.testsupport;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * S3Mock in-process, for the real SDK S3 client. Register with
 * {@code @RegisterExtension static final S3MockExtension S3 = LocalS3.extension();}.
 */
public final class LocalS3 {
    private LocalS3() {
    }

    public static S3MockExtension extension() {
        // Spring Boot inside S3Mock must not reconfigure our log4j2 JSON logging.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        return S3MockExtension.builder().silent().withSecureConnection(false).build();
    }

    /** Environment entries that point {@code AwsClients.s3(env)} at the mock. */
    public static Map<String, String> env(S3MockExtension s3) {
        return Map.of("AWS_ENDPOINT_URL_S3", s3.getServiceEndpoint(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test");
    }

    /** Creates the bucket if needed and uploads every regular file of {@code dir} (not recursive) under prefix. */
    public static void uploadDirectory(S3Client s3, String bucket, String prefix, Path dir) {
        createBucket(s3, bucket);
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(f ->
                    s3.putObject(b -> b.bucket(bucket).key(prefix + f.getFileName()), RequestBody.fromFile(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void createBucket(S3Client s3, String bucket) {
        if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
            s3.createBucket(b -> b.bucket(bucket));
        }
    }
}
