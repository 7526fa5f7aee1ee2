package com.bp010.referencial;


/** Where the config files of a load come from (S3, the JAR, a local folder). */
public interface ConfigSource {
    /** As recorded in {@code referencial.config_loads.location}. */
    String location();

    /** Reads the seven files; fails naming what is missing. */
    ConfigBundle load();
}
