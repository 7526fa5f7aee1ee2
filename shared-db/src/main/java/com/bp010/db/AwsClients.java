package com.bp010.db;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.net.URI;
import java.time.Duration;

/**
 * Builds the SDK clients every function uses: the light url-connection HTTP client (no Apache, Netty or CRT), bounded
 * timeouts, the region Lambda sets in {@code AWS_REGION}. {@code AWS_ENDPOINT_URL_S3},
 * {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} or {@code AWS_ENDPOINT_URL} point them at local servers (tests, S3Mock,
 * moto); with an endpoint override and {@code AWS_ACCESS_KEY_ID} in the map, those credentials are used.
 */
public final class AwsClients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private AwsClients() {
    }

    public static S3Client s3(Env env) {
        var builder = S3Client.builder()
                .httpClientBuilder(httpClient())
                .region(region(env))
                .credentialsProvider(credentials(env));
        endpoint(env, "AWS_ENDPOINT_URL_S3").ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
        return builder.build();
    }

    public static SecretsManagerClient secretsManager(Env env) {
        var builder = SecretsManagerClient.builder()
                .httpClientBuilder(httpClient())
                .region(region(env))
                .credentialsProvider(credentials(env));
        endpoint(env, "AWS_ENDPOINT_URL_SECRETS_MANAGER").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static UrlConnectionHttpClient.Builder httpClient() {
        return UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT);
    }

    private static Region region(Env env) {
        return Region.of(env.get("AWS_REGION").orElse(env.get("AWS_DEFAULT_REGION", "us-east-1")));
    }

    private static java.util.Optional<URI> endpoint(Env env, String serviceVariable) {
        return env.get(serviceVariable).or(() -> env.get("AWS_ENDPOINT_URL")).map(URI::create);
    }

    private static AwsCredentialsProvider credentials(Env env) {
        var key = env.get("AWS_ACCESS_KEY_ID");
        var secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (key.isPresent() && secret.isPresent() && env.get("AWS_SESSION_TOKEN").isEmpty()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.get(), secret.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
