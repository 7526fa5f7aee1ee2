package com.bp010.referencial;

import com.bp010.db.S3Location;
import com.bp010.db.S3Objects;

import java.util.List;

/** The config files directly under an S3 prefix ({@code s3://<S3_BUCKET_CONFIG>/config/} in AWS). */
final class S3ConfigSource implements ConfigSource {
    private final S3Objects s3;
    private final S3Location location;

    S3ConfigSource(S3Objects s3, S3Location location) {
        this.s3 = s3;
        this.location = location;
    }

    @Override
    public String location() {
        return location.toString();
    }

    @Override
    public ConfigBundle load() {
        String prefix = location.prefix();
        List<String> names = s3.list(location).stream()
                .map(key -> key.substring(prefix.length()))
                .filter(name -> !name.isEmpty() && !name.contains("/"))
                .toList();
        return ConfigBundle.select(location(), names, name -> s3.read(location.bucket(), prefix + name));
    }
}
