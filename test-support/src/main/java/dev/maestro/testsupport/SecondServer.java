package dev.maestro.testsupport;

import dev.maestro.files.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Another Payara Micro server beside the one Arquillian manages: a process of its own with the
 * managed server's JVM options ({@code payara.cmdOptions}; options given here come later, so
 * their {@code -D} values win) and Micro jar ({@code payara.microJar}), the deployments given,
 * and a port of its own. Tests kill it as a crash would (SIGKILL), start it again, and close it
 * as an operator stops a server (SIGTERM). Always {@link #close()} it.
 */
public final class SecondServer implements AutoCloseable {
    /**
     * Micro answers its first requests while it is still finishing its boot, and one in that
     * window can get an empty 500 from the container: this many good answers in a row mean it is done.
     */
    private static final int READY_ANSWERS = 3;
    private static final Duration STOP_PATIENCE = Duration.ofMinutes(1);

    private final Builder settings;
    private final int port;
    private final Path log;
    private Process process;

    private SecondServer(Builder settings, int port) {
        this.settings = settings;
        this.port = port;
        this.log = settings.workDir.resolve(settings.name + ".log");
    }

    /** Settings of a server named {@code name}: its runtime directory and log in the work directory carry the name. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** What to start, and when it counts as up. */
    public static final class Builder {
        private final String name;
        private Path workDir;
        private int port;
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> microOptions = new ArrayList<>();
        private String readyPath = "/";
        private Predicate<ApiResponse> ready = r -> r.status() == 200;
        private Duration startTimeout = Duration.ofMinutes(5);

        private Builder(String name) {
            this.name = name;
        }

        /** Where its runtime directory ({@code <name>-root}) and log ({@code <name>.log}) go. */
        public Builder in(Path dir) {
            this.workDir = dir;
            return this;
        }

        /** A port reserved for it; without one it takes a free port. */
        public Builder port(int reserved) {
            this.port = reserved;
            return this;
        }

        /** JVM options ({@code -Dname=value}) after the managed server's. */
        public Builder jvmOptions(String... options) {
            jvmOptions.addAll(List.of(options));
            return this;
        }

        /** Deploys an artifact, optionally with its context root ({@code path/app.war:/ctx}). */
        public Builder deploy(String artifact) {
            microOptions.addAll(List.of("--deploy", artifact));
            return this;
        }

        /** asadmin commands Micro runs after boot (e.g. to create the resource adapter's resources). */
        public Builder postBootCommands(Path file) {
            microOptions.addAll(List.of("--postbootcommandfile", file.toString()));
            return this;
        }

        /** It is up once GETs of {@code path} satisfy {@code ready} several times in a row (default: {@code /} answers 200). */
        public Builder readyWhen(String path, Predicate<ApiResponse> isReady) {
            this.readyPath = path;
            this.ready = isReady;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Starts it and returns once it is up; fails, leaving nothing running, if it exits or is not up in time. */
        public SecondServer start() {
            if (workDir == null) {
                throw new IllegalStateException("No work directory for the server " + name);
            }
            SecondServer server = new SecondServer(this, port == 0 ? freePort() : port);
            server.launch();
            return server;
        }
    }

    /** Its base URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** A client of it, without a token. */
    public ApiClient client() {
        return new ApiClient(url(), null);
    }

    /** Its console output, all launches appended. */
    public Path log() {
        return log;
    }

    /** SIGKILL, as a crash: no shutdown hook, no clean disconnect, requests in flight cut. Returns once it has exited. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts it again, on the same port, and returns once it is up. */
    public void restart() {
        launch();
    }

    /** SIGTERM, so that it stops cleanly (closes its jobs, leaves its consumer groups); SIGKILL if it takes too long. */
    @Override
    public void close() {
        if (process != null) {
            Processes.stop(process, STOP_PATIENCE);
        }
    }

    private void launch() {
        Path root = settings.workDir.resolve(settings.name + "-root");
        // Micro restarted on a used runtime directory would redeploy what it finds there as well.
        Directories.deleteTree(root);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(Arrays.asList(System.getProperty("payara.cmdOptions").trim().split("\\s+")));
        cmd.addAll(settings.jvmOptions);
        cmd.addAll(List.of("-jar", System.getProperty("payara.microJar"), "--nocluster", "--port", Integer.toString(port),
                "--rootdir", root.toString()));
        cmd.addAll(settings.microOptions);
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Payara Micro " + settings.name, e);
        }
        try {
            awaitReady();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(settings.startTimeout);
        ApiClient client = client();
        String last = "nothing";
        int good = 0;
        while (good < READY_ANSWERS) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Payara Micro " + settings.name + " exited with " + process.exitValue()
                        + "; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The Payara Micro " + settings.name + " was not up within " + settings.startTimeout
                        + " (last answer to " + settings.readyPath + ": " + last + "); see " + log);
            }
            try {
                ApiResponse r = client.get(settings.readyPath);
                good = settings.ready.test(r) ? good + 1 : 0;
                last = r.toString();
            } catch (RuntimeException e) {
                // Not listening yet, or answering something that is not JSON yet.
                good = 0;
                last = e.toString();
            }
            if (good < READY_ANSWERS) {
                try {
                    process.waitFor(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
