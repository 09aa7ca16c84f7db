package aelab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a file through a temporary file in the same directory, then renames it into place: a
 * crash or a kill leaves the old file or the new one, never half of one. A kill during the write
 * (SIGKILL runs no cleanup) leaves the temporary file, named {@code .NAME.pid<PID>-<random>.part},
 * behind; {@link #removeLeftovers} deletes such files when their directory is next opened, except
 * those of a process still running (another run training other stages in the same directory).
 */
public final class AtomicFile {

    /** Ends the name of every temporary file this class makes (and nothing else we write). */
    public static final String PART = ".part";

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
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".pid" + ProcessHandle.current().pid() + "-",
                PART);
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

    private static final Pattern WRITER = Pattern.compile(".*\\.pid(\\d+)-\\d+\\" + PART);

    /** Whether {@code file} is a temporary file of an interrupted {@link #write}. */
    public static boolean isLeftover(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(PART) && Files.isRegularFile(file);
    }

    /** Whether {@code file} is a temporary file that a running process other than this one is writing. */
    static boolean isBeingWritten(Path file) {
        Matcher m = WRITER.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return false;
        }
        long pid = Long.parseLong(m.group(1));
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Deletes the temporary files of interrupted writes in {@code dir} and below; returns them. */
    public static List<Path> removeLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> leftovers = walk.filter(p -> isLeftover(p) && !isBeingWritten(p)).toList();
            for (Path p : leftovers) {
                Files.deleteIfExists(p);
            }
            return leftovers;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + dir + ": " + e.getMessage(), e);
        }
    }
}
