package com.bp010.referencial;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The {@code config/} bundled in the JAR (the repository's config folder at build time). */
final class ClasspathConfigSource implements ConfigSource {
    static final String LOCATION = "classpath:config/";
    private static final List<String> NAMES = List.of(ConfigBundle.UNITS, ConfigBundle.RAW_UNITS, ConfigBundle.PANELS,
            ConfigBundle.VARIABLES, ConfigBundle.RULES, ConfigBundle.LIMITS_SEED_NAME, ConfigBundle.PIVOT,
            ConfigBundle.COUNTER_KINDS);

    @Override
    public String location() {
        return LOCATION;
    }

    @Override
    public ConfigBundle load() {
        List<String> present = NAMES.stream()
                .filter(n -> ClasspathConfigSource.class.getClassLoader().getResource("config/" + n) != null).toList();
        return ConfigBundle.select(LOCATION, present, this::read);
    }

    private byte[] read(String name) {
        try (InputStream in = resource(name)) {
            if (in == null) {
                throw new Bp010Exception(ErrorCode.STORAGE, "No " + name + " in the JAR's config/");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new Bp010Exception(ErrorCode.STORAGE, "Cannot read config/" + name + " from the JAR: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        return ClasspathConfigSource.class.getClassLoader().getResourceAsStream("config/" + name);
    }
}
