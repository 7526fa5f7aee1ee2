package com.bp010.testsupport;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Captures every log line, rendered by the project's real JSON layout (so masking is part of what is captured), while
 * open. Usage: {@code try (CapturedLogs logs = CapturedLogs.start()) { ... logs.lines() ... }}.
 */
public final class CapturedLogs implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Appender appender;
    private final LoggerContext context;

    private CapturedLogs() {
        context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        Appender json = config.getAppender("json");
        @SuppressWarnings("unchecked")
        Layout<? extends Serializable> layout = json != null ? json.getLayout() : null;
        appender = new AbstractAppender("captured-" + System.nanoTime(), null, layout, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                Layout<? extends Serializable> l = getLayout();
                lines.add(l == null ? event.getMessage().getFormattedMessage() : String.valueOf(l.toSerializable(event)));
            }
        };
        appender.start();
        config.getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
    }

    public static CapturedLogs start() {
        return new CapturedLogs();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String all() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
