package dev.maestro.launcher;

import dev.maestro.testsupport.ApiClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@code ./maestro start} run as an operator runs it (the packaged launcher.jar in its own
 * process, output to a log file), for tests of several instances on one MongoDB and one Redis.
 * Closing it stops the launcher as Ctrl-C does, and then anything it left behind.
 */
final class LaunchedInstance implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    static final String UP = "Press Ctrl-C to stop.";
    /** The checkout, where {@code ./maestro} runs from (the tests run in {@code server-config}). */
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    private final Process launcher;
    private final Path log;
    private final Path dataDir;
    final String url;

    private LaunchedInstance(Process launcher, Path log, Path dataDir, String url) {
        this.launcher = launcher;
        this.log = log;
        this.dataDir = dataDir;
        this.url = url;
    }

    /** Starts the launcher with only {@code settings} (plus PATH and JAVA_HOME) in its environment. */
    static LaunchedInstance start(Path home, Path dataDir, int port, Map<String, String> settings) throws IOException {
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("launcher.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                home.resolve("server-config/target/maestro/launcher.jar").toString(), "start")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> !k.equals("PATH") && !k.equals("JAVA_HOME") && !k.equals("HOME"));
        env.put("MAESTRO_HOME", home.toString());
        env.put("MAESTRO_DATA_DIR", dataDir.toString());
        env.put("MAESTRO_PORT", Integer.toString(port));
        env.putAll(settings);
        return new LaunchedInstance(pb.start(), log, dataDir, "http://127.0.0.1:" + port);
    }

    /** Waits for the launcher's banner; returns the whole log so far. */
    String awaitBanner() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            String text = log();
            if (text.contains(UP)) {
                return text;
            }
            if (!launcher.isAlive()) {
                throw new IllegalStateException("The launcher exited with " + launcher.exitValue() + ":\n" + text);
            }
            launcher.waitFor(500, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("No banner within " + START_TIMEOUT + ":\n" + log());
    }

    /** A client of this instance's API, without a token. */
    ApiClient api() {
        return new ApiClient(url, null);
    }

    /** The server's own log ({@code logs/server.log} in the data directory). */
    String serverLog() throws IOException {
        Path file = dataDir.resolve("logs").resolve("server.log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /** SIGKILL to the launcher and the server it started, as a crashed host would leave them. */
    /** Returns once the server is gone: SIGKILL is sent at once, but the process takes a moment to die. */
    void kill() throws InterruptedException {
        var children = launcher.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
        launcher.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("process " + child.pid() + " still runs after SIGKILL", e);
            }
        }
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        var children = launcher.descendants().toList();
        launcher.destroy();
        if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
