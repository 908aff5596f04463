package dev.maestro.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's console output, written to {@code logs/server.log} in the data directory instead
 * of the operator's terminal (the previous start's log is kept as {@code server.log.1}). The
 * launcher reads it while starting to tell "Payara is ready but our application is not" and to
 * quote the first error when it gives up.
 */
final class ServerLog {
    /** What Payara Micro prints once every deployment has been attempted. */
    private static final String BOOTED = "ready in";
    private static final int QUOTED_LINES = 12;

    private final Path file;
    private long read;
    private boolean booted;

    private ServerLog(Path file) {
        this.file = file;
    }

    static ServerLog fresh(Path dataDir) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("logs"));
        Path file = dir.resolve("server.log");
        if (Files.exists(file)) {
            Files.move(file, dir.resolve("server.log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createFile(file);
        return new ServerLog(file);
    }

    Path file() {
        return file;
    }

    /** Whether Payara Micro has said it finished booting (its deployments succeeded or not). */
    boolean booted() {
        if (!booted) {
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                if (f.length() > read) {
                    // Back up a little so that a line split between two reads is still seen.
                    long from = Math.max(0, read - BOOTED.length());
                    byte[] bytes = new byte[(int) (f.length() - from)];
                    f.seek(from);
                    f.readFully(bytes);
                    read = f.length();
                    booted = new String(bytes, StandardCharsets.UTF_8).contains(BOOTED);
                }
            } catch (IOException e) {
                // unreadable for now: try again on the next poll
            }
        }
        return booted;
    }

    /** The first error the server logged, a few lines of it, or its last lines when it logged none. */
    String firstError() {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            int at = -1;
            for (int i = 0; i < lines.size() && at < 0; i++) {
                if (lines.get(i).contains("SEVERE") || lines.get(i).contains("Exception")) {
                    at = i;
                }
            }
            int from = at >= 0 ? at : Math.max(0, lines.size() - QUOTED_LINES);
            List<String> quoted = new ArrayList<>(lines.subList(from, Math.min(lines.size(), from + QUOTED_LINES)));
            return "    " + String.join("\n    ", quoted);
        } catch (IOException e) {
            return "    (the log cannot be read: " + e.getMessage() + ")";
        }
    }
}
