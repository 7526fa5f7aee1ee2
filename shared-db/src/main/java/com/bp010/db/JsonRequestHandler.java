package com.bp010.db;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.crac.Core;
import org.crac.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The thin shell all four handlers share: read the JSON event (an empty body is {@code {}}), call the plain class
 * that does the work, write its response as JSON. A failure is logged once and thrown as a {@link Bp010Exception}
 * whose message is the JSON failure report of docs/CONTRACTS.md §3 (a {@link TransientDatabaseException} when a retry may help).
 * <p>
 * SnapStart: a handler built by Lambda registers itself with the {@code org.crac} global context
 * ({@link #registerSnapStartHooks()}), so Lambda calls {@link #beforeCheckpoint} once init is done, before it
 * snapshots the version, and {@link #afterRestore} in each container restored from that snapshot.
 */
public abstract class JsonRequestHandler implements RequestStreamHandler, Resource {
    private static final Logger LOG = LoggerFactory.getLogger(JsonRequestHandler.class);

    /** The function's name in logs and reports, e.g. {@code bp010-pipeline-v4}. */
    protected abstract String functionName();

    /** Does the work; returns what is serialised as the response. */
    protected abstract Object handle(JsonNode event, Context context);

    /**
     * What this handler opens on first use and keeps between invocations (its database pool and secret, SDK clients,
     * API sources): closed at the snapshot if open.
     */
    protected abstract List<LazyResource> lazyResources();

    /**
     * Warms, without opening anything, what the first invocation would otherwise load: the handler parses a sample
     * event and builds its response serializer ({@link SnapStartPriming#json}), loads its own classes and, where it
     * needs them, Flyway or the SDK's classes. The JDBC driver and the pool are primed for every handler.
     */
    protected abstract void prime();

    /** Called by the handler's no-argument constructor, the one Lambda uses: SnapStart then calls the hooks below. */
    protected final void registerSnapStartHooks() {
        Core.getGlobalContext().register(this);
    }

    /**
     * Before the snapshot: prime, then make sure nothing open crosses it (a pool, a secret, a client holding a
     * connection; each reopens on first use after the restore). A priming failure is logged and does not stop the
     * snapshot: the restored container would only start slower.
     */
    @Override
    public final void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        long t0 = System.nanoTime();
        try {
            SnapStartPriming.jdbcDriver();
            SnapStartPriming.loadClasses(SnapStartPriming.DATABASE_PACKAGES, org.postgresql.Driver.class,
                    com.zaxxer.hikari.HikariConfig.class);
            prime();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("{}: priming before the snapshot failed, the restored container will load it on first use: {}",
                    functionName(), e.toString());
        }
        for (LazyResource resource : lazyResources()) {
            if (resource.isOpen()) {
                LOG.warn("{}: {} was open at the snapshot; closed, it reopens on first use", functionName(),
                        resource.getClass().getSimpleName());
                resource.close();
            }
        }
        LOG.info("{}: primed for the snapshot in {} ms; nothing open", functionName(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** After a restore: connections, secrets and clients open on first use, in this container. */
    @Override
    public final void afterRestore(org.crac.Context<? extends Resource> context) {
        LOG.info("{}: restored from a SnapStart snapshot", functionName());
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LogContext logContext = LogContext.open(functionName(), context);
        try {
            JsonNode event = readEvent(input);
            Object response = handle(event, context);
            Json.mapper().writeValue(output, response);
        } catch (Bp010Exception e) {
            LOG.error("{} failed: {}", functionName(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            Bp010Exception wrapped = new Bp010Exception(ErrorCode.INTERNAL,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), e).with("exception", e.getClass().getName());
            LOG.error("{} failed unexpectedly: {}", functionName(), wrapped.getMessage(), e);
            throw wrapped;
        } finally {
            logContext.close();
        }
    }

    static JsonNode readEvent(InputStream input) {
        try {
            byte[] bytes = input.readAllBytes();
            if (bytes.length == 0) {
                return JsonNodeFactory.instance.objectNode();
            }
            JsonNode node = Json.mapper().readTree(bytes);
            if (node == null || node.isNull() || node.isMissingNode()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw new Bp010Exception(ErrorCode.BAD_EVENT, "The event must be a JSON object, got "
                        + node.getNodeType());
            }
            return node;
        } catch (JacksonException e) {
            throw new Bp010Exception(ErrorCode.BAD_EVENT, "The event is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new Bp010Exception(ErrorCode.BAD_EVENT, "The event could not be read: " + e.getMessage(), e);
        }
    }
}
