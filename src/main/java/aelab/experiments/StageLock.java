package aelab.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The right to train one stage of a run directory: a lock on {@code checkpoints/STAGE.lock}, so two
 * processes (the same command started twice, or two {@code --stages} processes) never write one
 * stage's checkpoints at once. The operating system drops the lock when its process ends, a kill
 * included, so a killed run never leaves a stage locked; the empty file stays (it is never committed).
 */
final class StageLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StageLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks the stage, or fails with a message saying another process is training it. */
    static StageLock take(Path checkpoints, String stage) {
        try {
            Files.createDirectories(checkpoints);
            FileChannel channel = FileChannel.open(file(checkpoints, stage), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new Run.RunException("another process is training stage '" + stage + "' in "
                        + checkpoints.getParent() + ": wait for it to finish, or stop it (its finished epochs are"
                        + " kept), before training that stage here");
            }
            return new StageLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock stage '" + stage + "' in " + checkpoints + ": "
                    + e.getMessage(), e);
        }
    }

    /** Whether some process (this one included) holds the stage's lock now. */
    static boolean isHeld(Path checkpoints, String stage) {
        try (FileChannel channel = FileChannel.open(file(checkpoints, stage), StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lock of stage '" + stage + "' in " + checkpoints + ": "
                    + e.getMessage(), e);
        }
    }

    /** The lock, or null when another holder has it (in another process or, for a JVM, in this one). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static Path file(Path checkpoints, String stage) {
        return checkpoints.resolve(stage + ".lock");
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
