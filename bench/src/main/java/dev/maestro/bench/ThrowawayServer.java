package dev.maestro.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Maestro EE started for one measurement with the project's own launcher: a free port, a
 * temporary data directory (so embedded MongoDB-wire server and Redis), a known admin password.
 * Closing it stops the launcher (which stops what it started) and deletes the data.
 */
final class ThrowawayServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Process launcher;
    private final Path data;
    private final String url;
    private final String password;

    private ThrowawayServer(Process launcher, Path data, String url, String password) {
        this.launcher = launcher;
        this.data = data;
        this.url = url;
        this.password = password;
    }

    static ThrowawayServer start(Path home) throws IOException, InterruptedException {
        return start(home, Files.createTempDirectory("maestro-bench"), freePort(), Map.of());
    }

    /** A temporary data directory, prepared by the caller, for a server with some more settings. */
    static ThrowawayServer start(Path home, Path data, int port, Map<String, String> settings)
            throws IOException, InterruptedException {
        String password = UUID.randomUUID().toString();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                home.resolve("server-config/target/maestro/launcher.jar").toString(), "start")
                .redirectErrorStream(true).redirectOutput(data.resolve("launcher.log").toFile());
        pb.environment().put("MAESTRO_HOME", home.toString());
        pb.environment().put("MAESTRO_PORT", Integer.toString(port));
        pb.environment().put("MAESTRO_DATA_DIR", data.toString());
        pb.environment().put("KCI_INITIAL_PASSWORD", password);
        pb.environment().putAll(settings);
        System.out.println("bench: starting a throw-away Maestro EE on port " + port + " (log: " + data.resolve("launcher.log") + ")");
        ThrowawayServer server = new ThrowawayServer(pb.start(), data, "http://127.0.0.1:" + port, password);
        server.awaitUp();
        return server;
    }

    String url() {
        return url;
    }

    String password() {
        return password;
    }

    /** CPU time used so far by the launcher and everything it started (Payara Micro, embedded Redis). */
    long cpuNanos() {
        return Stream.concat(Stream.of(launcher.toHandle()), launcher.descendants())
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    private void awaitUp() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("The launcher exited; see " + data.resolve("launcher.log"));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url + "/latest/")).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            launcher.waitFor(500, TimeUnit.MILLISECONDS);
        }
        close();
        throw new IllegalStateException("Maestro EE did not answer within " + START_TIMEOUT);
    }

    @Override
    public void close() {
        launcher.destroy();
        try {
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            launcher.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench: could not delete " + data + ": " + e.getMessage());
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
