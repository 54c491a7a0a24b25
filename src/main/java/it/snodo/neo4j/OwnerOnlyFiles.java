package it.snodo.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the secrets kept beside the store (the first planner key, the database password) in
 * files only their owner can read.
 */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {}

    /**
     * Writes {@code secret} and a newline to {@code file}, replacing it: into a new owner-only
     * file first ({@code rw-------} where the file system has POSIX permissions), then moved into
     * place, so that the file is never readable by others, nor half written.
     */
    public static void write(Path file, String secret) {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        try {
            Files.createDirectories(folder);
            Path temporary;
            try {
                temporary = Files.createTempFile(
                        folder,
                        "." + target.getFileName(),
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                temporary = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
            }
            try {
                Files.writeString(temporary, secret + "\n", StandardCharsets.US_ASCII);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
