package com.bp010.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads secrets from AWS Secrets Manager and caches them per container for {@code ttl} (a warm Lambda does not call
 * Secrets Manager on every invocation). {@link #invalidate} drops one entry, so a rotated password is re-read once.
 * The SDK client retries throttling and 5xx itself; the values never reach a log.
 */
public final class SecretsManagerSecrets implements SecretsProvider {
    private static final Logger LOG = LoggerFactory.getLogger(SecretsManagerSecrets.class);
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);

    private record Entry(String value, Instant readAt) {
    }

    private final SecretsManagerClient client;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public SecretsManagerSecrets(SecretsManagerClient client) {
        this(client, DEFAULT_TTL, Clock.systemUTC());
    }

    public SecretsManagerSecrets(SecretsManagerClient client, Duration ttl, Clock clock) {
        this.client = client;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public String secretString(String name) {
        Entry cached = cache.get(name);
        Instant now = clock.instant();
        if (cached != null && cached.readAt().plus(ttl).isAfter(now)) {
            return cached.value();
        }
        String value = fetch(name);
        cache.put(name, new Entry(value, now));
        return value;
    }

    @Override
    public void invalidate(String name) {
        cache.remove(name);
    }

    private String fetch(String name) {
        try {
            GetSecretValueResponse response = client.getSecretValue(b -> b.secretId(name));
            if (response.secretString() == null) {
                throw new Bp010Exception(ErrorCode.SECRETS,
                        "Secret " + name + " has no string value (binary secrets are not supported)")
                        .with("secret", name);
            }
            LOG.info("Read secret {} (version {})", name, response.versionId());
            return response.secretString();
        } catch (ResourceNotFoundException e) {
            throw new Bp010Exception(ErrorCode.SECRETS, "Secret " + name + " does not exist in this account and"
                    + " region: check the secret name and the function's secretsmanager:GetSecretValue permission", e)
                    .with("secret", name);
        } catch (SdkException e) {
            throw new Bp010Exception(ErrorCode.SECRETS, "Could not read secret " + name + ": "
                    + e.getClass().getSimpleName() + " " + e.getMessage(), e).with("secret", name);
        }
    }
}
