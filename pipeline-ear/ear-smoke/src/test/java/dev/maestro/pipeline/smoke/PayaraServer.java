package dev.maestro.pipeline.smoke;

import dev.maestro.files.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Server domain of its own under {@code target/}, driven with asadmin: created on a
 * free port base (so that it collides with nothing else on the machine), started with the given
 * environment, and always stopped (or killed) at the end. Every asadmin call is bounded in time.
 */
final class PayaraServer implements AutoCloseable {
    private static final String DOMAIN = "maestro-smoke";
    private static final long COMMAND_TIMEOUT_SECONDS = 240;

    private final Path asadmin;
    private final Path domains;
    private final Path output;
    private final Map<String, String> environment;
    private int portBase;

    PayaraServer(Path installation, Path domains, Map<String, String> environment) {
        this.asadmin = installation.resolve("bin/asadmin");
        this.domains = domains;
        this.output = domains.resolveSibling("asadmin.log");
        this.environment = environment;
    }

    /** Creates the domain, afresh, on a port base whose ports are free, trying a few bases. */
    void create() throws IOException {
        Directories.deleteTree(domains);
        Files.deleteIfExists(output);
        for (int attempt = 0; attempt < 5; attempt++) {
            int base = 100 * ThreadLocalRandom.current().nextInt(200, 600);
            if (free(base + 48) && free(base + 80) && free(base + 81) && free(base + 37) && free(base + 86)) {
                portBase = base;
                if (run("--interactive=false", "create-domain", "--nopassword=true", "--portbase", Integer.toString(base),
                        "--domaindir", domains.toString(), DOMAIN) == 0) {
                    return;
                }
            }
        }
        throw new IllegalStateException("Could not create a Payara Server domain; see " + output);
    }

    void start() {
        asadmin("start-domain", "--domaindir", domains.toString(), DOMAIN);
    }

    /** Runs a remote command against this domain's admin port; fails when it fails. */
    void remote(String... command) {
        List<String> args = new ArrayList<>(List.of("--interactive=false", "--port", Integer.toString(portBase + 48)));
        args.addAll(List.of(command));
        asadmin(args.toArray(String[]::new));
    }

    int httpPort() {
        return portBase + 80;
    }

    Path serverLog() {
        return domains.resolve(DOMAIN).resolve("logs/server.log");
    }

    @Override
    public void close() {
        if (portBase == 0) {
            return;
        }
        run("stop-domain", "--domaindir", domains.toString(), DOMAIN);
        Path pidFile = domains.resolve(DOMAIN).resolve("config/pid");
        try {
            if (Files.exists(pidFile)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (IOException | NumberFormatException e) {
            System.err.println("Could not read the server's pid file: " + e.getMessage());
        }
    }

    private void asadmin(String... args) {
        if (run(args) != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", args) + " failed; see " + output);
        }
    }

    private int run(String... args) {
        List<String> cmd = new ArrayList<>(List.of("bash", asadmin.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        try {
            Process p = builder.start();
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("asadmin " + String.join(" ", args) + " took over " + COMMAND_TIMEOUT_SECONDS + " s");
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
