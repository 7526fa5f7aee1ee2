package com.bp010.db;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The thin shell all four handlers share: read the JSON event (an empty body is {@code {}}), call the plain class
 * that does the work, write its response as JSON. A failure is logged once and thrown as a {@link Bp010Exception}
 * whose message is the JSON failure report of SPEC 3 (a {@link TransientDatabaseException} when a retry may help).
 */
public abstract class JsonRequestHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JsonRequestHandler.class);

    /** The function's name in logs and reports, e.g. {@code bp010-pipeline-v4}. */
    protected abstract String functionName();

    /** Does the work; returns what is serialised as the response. */
    protected abstract Object handle(JsonNode event, Context context);

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
