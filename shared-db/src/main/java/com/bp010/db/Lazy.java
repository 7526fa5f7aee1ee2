package com.bp010.db;

import java.util.function.Supplier;

/**
 * A value built on first use and kept (an SDK client, an API source with its cached token), that
 * {@link #close() closes} back to unbuilt: the next {@link #get()} builds it again. Thread-safe.
 */
public final class Lazy<T> implements Supplier<T>, LazyResource {
    private final Supplier<T> factory;
    private T value;

    private Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    public static <T> Lazy<T> of(Supplier<T> factory) {
        return new Lazy<>(factory);
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = factory.get();
        }
        return value;
    }

    @Override
    public synchronized boolean isOpen() {
        return value != null;
    }

    /** Drops the value, closing it first when it is {@link AutoCloseable} (a failure to close is not fatal). */
    @Override
    public synchronized void close() {
        T v = value;
        value = null;
        if (v instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(Lazy.class).warn("Could not close {}: {}", v.getClass().getName(),
                        e.toString());
            }
        }
    }
}
