package dev.maestro.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy ({@code haproxy} on the PATH; {@code .ci/run} installs it) running the
 * configuration the README documents, {@code server-config/src/main/haproxy/maestro.cfg}, with the
 * instances' addresses in its environment.
 */
final class Balancer implements AutoCloseable {
    static final Path CONFIG = LaunchedInstance.HOME.resolve("server-config/src/main/haproxy/maestro.cfg");

    private final Process haproxy;
    private final Path log;

    private Balancer(Process haproxy, Path log) {
        this.haproxy = haproxy;
        this.log = log;
    }

    /** Starts HAProxy in the foreground on {@code port}; {@code backends} names the instances' host:port. */
    static Balancer start(Path dir, int port, Map<String, String> backends) throws IOException {
        Path log = dir.resolve("haproxy.log");
        ProcessBuilder pb = new ProcessBuilder("haproxy", "-db", "-f", CONFIG.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("MAESTRO_LB_BIND", "127.0.0.1:" + port);
        pb.environment().putAll(backends);
        Process process = pb.start();
        return new Balancer(process, log);
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        haproxy.destroy();
        if (!haproxy.waitFor(10, TimeUnit.SECONDS)) {
            haproxy.destroyForcibly();
        }
    }
}
