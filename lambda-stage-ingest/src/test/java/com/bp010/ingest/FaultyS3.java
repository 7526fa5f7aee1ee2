package com.bp010.ingest;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A fault-injecting S3 client in front of a real one (S3Mock): keys containing {@code denied} answer 403 AccessDenied
 * as S3 does for a missing s3:GetObject permission; keys containing {@code cut} stream {@code cutAfter} bytes of the
 * real object and then fail as a reset connection does. Every other call goes to the real client.
 */
final class FaultyS3 implements S3Client {
    private final S3Client real;
    private final int cutAfter;

    FaultyS3(S3Client real, int cutAfter) {
        this.real = real;
        this.cutAfter = cutAfter;
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getObject(GetObjectRequest request) {
        if (request.key().contains("denied")) {
            throw (S3Exception) S3Exception.builder().statusCode(403).message("Access Denied")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage("Access Denied")
                            .serviceName("S3").build()).build();
        }
        ResponseInputStream<GetObjectResponse> body = real.getObject(request);
        if (!request.key().contains("cut")) {
            return body;
        }
        InputStream cut = new FilterInputStream(body) {
            private long served;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served >= cutAfter) {
                    throw new IOException("Connection reset (cut by the test after " + served + " bytes)");
                }
                int n = super.read(b, off, (int) Math.min(len, cutAfter - served));
                served += Math.max(n, 0);
                return n;
            }
        };
        return new ResponseInputStream<>(body.response(), AbortableInputStream.create(cut));
    }

    @Override
    public software.amazon.awssdk.services.s3.model.ListObjectsV2Response listObjectsV2(
            software.amazon.awssdk.services.s3.model.ListObjectsV2Request request) {
        return real.listObjectsV2(request);
    }

    @Override
    public String serviceName() {
        return real.serviceName();
    }

    @Override
    public void close() {
        real.close();
    }
}
