package aelab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary file in the same directory, then renames it into place: a
 * crash or a kill leaves the old file or the new one, never half of one.
 */
public final class AtomicFile {

    /** Writes a file's content. */
    @FunctionalInterface
    public interface Writer {
        void write(Path file) throws IOException;
    }

    private AtomicFile() {}

    /** Creates the directory if needed, writes, renames; returns {@code file}. */
    public static Path write(Path file, Writer writer) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            writer.write(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }

    /** Writes a string (UTF-8). */
    public static Path writeString(Path file, String text) throws IOException {
        return write(file, tmp -> Files.writeString(tmp, text));
    }
}
