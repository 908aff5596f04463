package dev.maestro.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The pid file {@code maestro.pid} in the data directory, locked (an OS file lock, released even
 * when the process is killed) for as long as a launcher uses the directory: a second launcher is
 * told which process has it, and {@code ./maestro status} and {@code stop} find the running one.
 */
final class DataDirectoryLock implements AutoCloseable {
    static final String FILE = "maestro.pid";

    private final FileChannel channel;
    private final FileLock lock;
    private final Path file;

    private DataDirectoryLock(FileChannel channel, FileLock lock, Path file) {
        this.channel = channel;
        this.lock = lock;
        this.file = file;
    }

    /** Locks the data directory for this process and writes its pid. */
    static DataDirectoryLock acquire(Path dataDir) throws StartRefused, IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            // Held by this very JVM (another start in the same process).
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new StartRefused("Another Maestro EE is using this data directory (" + dataDir + ", pid "
                    + holder(dataDir).map(Object::toString).orElse("unknown")
                    + "). Stop it first (./maestro stop, with the same MAESTRO_DATA_DIR), or give this one its own MAESTRO_DATA_DIR.");
        }
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
        channel.force(true);
        return new DataDirectoryLock(channel, lock, file);
    }

    /** The pid of the launcher using the directory, if one is (its pid file is locked). */
    static Optional<Long> holder(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe != null) {
                // Nobody holds it: a pid left by a launcher that was killed.
                probe.release();
                return Optional.empty();
            }
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            // Locked within this very JVM (tests) or unreadable: fall through to the recorded pid.
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
        lock.release();
        channel.close();
    }
}
