package dev.maestro.pipeline.wildfly;

import dev.maestro.files.Directories;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * An unpacked WildFly installation under {@code target/}, configured offline with a CLI script,
 * given its deployments through the deployment scanner's directory, started on a port offset
 * whose ports are free (so that it collides with nothing else on the machine), and always
 * stopped (or killed) at the end. Every wait is bounded in time.
 */
final class WildFlyServer implements AutoCloseable {
    /** The ports standalone.xml binds, before the offset: HTTP, HTTPS, management, transactions. */
    private static final int[] BOUND_PORTS = {8080, 8443, 9990, 9993, 4712, 4713};
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final Path standalone;
    private final Path console;
    private int portOffset;
    private Process process;

    WildFlyServer(Path home) {
        this.home = home;
        this.standalone = home.resolve("standalone");
        this.console = home.resolveSibling("wildfly-console.log");
    }

    /** Runs a CLI script against the stopped server (the script embeds it); fails when it fails. */
    void configure(Path script) throws IOException {
        Process cli = new ProcessBuilder("bash", home.resolve("bin/jboss-cli.sh").toString(), "--file=" + script)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile())).start();
        if (!waitFor(cli, CLI_TIMEOUT)) {
            cli.destroyForcibly();
            throw new IllegalStateException("jboss-cli.sh --file=" + script + " took over " + CLI_TIMEOUT.toSeconds() + " s");
        }
        if (cli.exitValue() != 0) {
            throw new IllegalStateException("jboss-cli.sh --file=" + script + " failed; see " + console);
        }
    }

    /** Forgets what an earlier run left (data, logs, deployments) and copies these into the deployments directory. */
    void deployOnStart(Path... archives) throws IOException {
        for (String dir : List.of("data", "log", "tmp")) {
            Directories.deleteTree(standalone.resolve(dir));
        }
        Path deployments = standalone.resolve("deployments");
        try (var old = Files.list(deployments)) {
            for (Path p : old.filter(p -> !p.getFileName().toString().equals("README.txt")).toList()) {
                Files.delete(p);
            }
        }
        for (Path archive : archives) {
            Files.copy(archive, deployments.resolve(archive.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Starts standalone.sh with the given environment on a port offset whose ports are free. */
    void start(Map<String, String> environment) throws IOException {
        portOffset = freeOffset();
        List<String> cmd = new ArrayList<>(List.of("bash", home.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + portOffset));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
    }

    /** Waits until the scanner marks every archive deployed; fails at once when one is marked failed. */
    void awaitDeployed(Duration timeout, String... archives) throws IOException {
        Path deployments = standalone.resolve("deployments");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (String archive : archives) {
                Path failed = deployments.resolve(archive + ".failed");
                if (Files.exists(failed)) {
                    throw new IllegalStateException(archive + " failed to deploy: " + Files.readString(failed) + "; see " + serverLog());
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited with " + process.exitValue() + "; see " + console);
            }
            if (Arrays.stream(archives).allMatch(a -> Files.exists(deployments.resolve(a + ".deployed")))) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        throw new IllegalStateException("Not deployed within " + timeout.toSeconds() + " s; see " + serverLog());
    }

    int httpPort() {
        return 8080 + portOffset;
    }

    Path serverLog() {
        return standalone.resolve("log/server.log");
    }

    /** Stops WildFly as its own shutdown hook expects (SIGTERM to its JVM), then kills what is left. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> jvms = process.descendants().toList();
        jvms.forEach(ProcessHandle::destroy);
        process.destroy();
        for (ProcessHandle jvm : jvms) {
            try {
                jvm.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("WildFly did not stop within " + STOP_TIMEOUT.toSeconds() + " s; killing it: " + e);
                jvm.destroyForcibly();
            }
        }
        process.destroyForcibly();
    }

    private static int freeOffset() {
        for (int attempt = 0; attempt < 20; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(10_000, 50_000);
            if (IntStream.of(BOUND_PORTS).allMatch(p -> free(p + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("No port offset with free ports found");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean waitFor(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
