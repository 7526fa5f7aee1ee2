package com.bp010.local;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The folder a command writes to ({@code generate --out}, {@code demo --data-dir}, the folder of {@code report --out}),
 * created with its parents before any other work; one that cannot be created is a BAD_INPUT naming the folder, the
 * option, the operating system's reason and what to do.
 */
final class OutputFolder {
    private OutputFolder() {
    }

    static Path create(String option, Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new Bp010Exception(ErrorCode.BAD_INPUT, "cannot create the folder " + folder.toAbsolutePath() + " ("
                    + option + "): " + reason(e) + "; give " + option + " a folder you can create and write to", e);
        }
    }

    static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            // a file where a folder of the path should be: name it
            for (Path p = Path.of(fs.getFile()).toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.exists(p)) {
                    if (!Files.isDirectory(p)) {
                        return p + " is a file, not a folder";
                    }
                    break;
                }
            }
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " exists and is not a folder";
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or folder " + missing.getFile() + " (the file system refuses it)";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + (fs.getFile() == null ? "" : " (" + fs.getFile() + ")");
        }
        return String.valueOf(e.getMessage());
    }
}
