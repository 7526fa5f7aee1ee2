package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The default SCADA API adapter (docs/CONTRACTS.md §4.3): {@code GET {base_url}/v1/readings?from&to&cursor&limit} with a bearer
 * token, followed page by page until {@code next_cursor} is null. Bounded connect and read timeouts; 429 and 5xx (and
 * timeouts, dropped connections) retried with exponential backoff and jitter, honouring {@code Retry-After}; 401/403
 * fail at once. Each page is read whole before it is parsed, so a retried page never delivers a reading twice.
 */
final class ScadaApiSource implements TelemetrySource {
    private static final Logger LOG = LoggerFactory.getLogger(ScadaApiSource.class);
    private static final long MAX_PAGE_BYTES = 256L << 20;
    private static final int MAX_PAGES = 1_000_000;

    private final Supplier<ApiCredentials> credentials;
    private final HttpClient http;
    private final Duration readTimeout;
    private final int pageLimit;
    private final RetryPolicy retry;
    private final TelemetryJsonReader pages;
    private final Sleeper sleeper;

    /** How the adapter waits between retries (tests pass one that does not sleep). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public ScadaApiSource(Supplier<ApiCredentials> credentials, Duration connectTimeout, Duration readTimeout,
                          int pageLimit, RetryPolicy retry, TelemetryJsonReader pages, Sleeper sleeper) {
        this.credentials = credentials;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.readTimeout = readTimeout;
        this.pageLimit = pageLimit;
        this.retry = retry;
        this.pages = pages;
        this.sleeper = sleeper;
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public long fetch(Instant from, Instant to, ReadingSink sink) {
        ApiCredentials creds = credentials.get();
        String cursor = null;
        long rows = 0;
        for (int page = 1; page <= MAX_PAGES; page++) {
            URI uri = pageUri(creds.baseUrl(), from, to, cursor);
            byte[] body = get(uri, creds.token());
            ReadSummary s;
            try {
                s = pages.read("GET " + redactQuery(uri) + " page " + page, new ByteArrayInputStream(body), sink);
            } catch (IOException e) {
                throw new Bp010Exception(ErrorCode.SOURCE_API, "SCADA API page " + page + " could not be read: "
                        + e.getMessage(), e);
            }
            rows += s.rowsRead();
            if (s.nextCursor() == null) {
                return rows;
            }
            if (s.nextCursor().equals(cursor)) {
                throw new Bp010Exception(ErrorCode.SOURCE_API, "SCADA API returned the same next_cursor twice ("
                        + cursor + "): stopping instead of looping").with("page", page);
            }
            cursor = s.nextCursor();
        }
        throw new Bp010Exception(ErrorCode.SOURCE_API, "SCADA API returned more than " + MAX_PAGES + " pages");
    }

    private URI pageUri(URI base, Instant from, Instant to, String cursor) {
        StringBuilder q = new StringBuilder(base.toString()).append("/v1/readings?from=").append(enc(from.toString()))
                .append("&to=").append(enc(to.toString())).append("&limit=").append(pageLimit);
        if (cursor != null) {
            q.append("&cursor=").append(enc(cursor));
        }
        return URI.create(q.toString());
    }

    private byte[] get(URI uri, String token) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout).GET()
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build();
        for (int attempt = 1; ; attempt++) {
            Duration retryAfter = null;
            String problem;
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status == 200) {
                    try (InputStream in = response.body()) {
                        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, MAX_PAGE_BYTES + 1));
                        if (body.length > MAX_PAGE_BYTES) {
                            throw new Bp010Exception(ErrorCode.SOURCE_API, "SCADA API page larger than "
                                    + MAX_PAGE_BYTES + " bytes: lower API_PAGE_LIMIT");
                        }
                        return body;
                    }
                }
                drain(response);
                if (status == 401 || status == 403) {
                    throw new Bp010Exception(ErrorCode.SOURCE_API, "SCADA API refused the credentials (HTTP " + status
                            + "): check the token in the API_SECRET_NAME secret").with("httpStatus", status)
                            .with("url", redactQuery(uri));
                }
                if (status != 429 && status < 500) {
                    throw new Bp010Exception(ErrorCode.SOURCE_API, "SCADA API answered HTTP " + status + " to "
                            + redactQuery(uri)).with("httpStatus", status);
                }
                problem = "HTTP " + status;
                retryAfter = RetryPolicy.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null));
            } catch (HttpTimeoutException e) {
                problem = "timed out";
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Bp010Exception(ErrorCode.SOURCE_API, "Interrupted while calling the SCADA API", e);
            }
            if (attempt > retry.maxRetries()) {
                throw new Bp010Exception(ErrorCode.SOURCE_API, "SCADA API kept failing (" + problem + ") after "
                        + retry.maxRetries() + " retries: " + redactQuery(uri)).with("attempts", attempt);
            }
            Duration wait = retry.delay(attempt, retryAfter);
            LOG.warn("SCADA API {} on {}: retry {} of {} in {} ms", problem, redactQuery(uri), attempt,
                    retry.maxRetries(), wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Bp010Exception(ErrorCode.SOURCE_API, "Interrupted while waiting to retry the SCADA API", e);
            }
        }
    }

    private static void drain(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.readNBytes(64 * 1024);
        } catch (IOException ignored) {
            // only freeing the connection
        }
    }

    private static String redactQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
