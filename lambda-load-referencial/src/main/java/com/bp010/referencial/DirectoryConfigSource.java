package com.bp010.referencial;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The config files of a local folder (for {@code bp010 invoke referencial} with {@code "configLocation": "file:..."}). */
final class DirectoryConfigSource implements ConfigSource {
    private final Path dir;

    DirectoryConfigSource(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public String location() {
        return dir.toUri().toString();
    }

    @Override
    public ConfigBundle load() {
        if (!Files.isDirectory(dir)) {
            throw new Bp010Exception(ErrorCode.BAD_EVENT, "configLocation " + dir + " is not a folder")
                    .with("location", location());
        }
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new Bp010Exception(ErrorCode.STORAGE, "Cannot list " + dir + ": " + e.getMessage(), e);
        }
        return ConfigBundle.select(location(), names, name -> {
            try {
                return Files.readAllBytes(dir.resolve(name));
            } catch (IOException e) {
                throw new Bp010Exception(ErrorCode.STORAGE, "Cannot read " + dir.resolve(name) + ": " + e.getMessage(), e);
            }
        });
    }
}
