package dev.maestro.it.support;

import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another API server, a Payara Micro process of its own on a free port, with the same backing
 * services and settings as the one Arquillian manages (its system properties come from
 * {@code payara.cmdOptions}), plus any given. Tests kill and restart it to prove that
 * subscriptions do not live in one JVM. Always {@link #close()} it.
 */
public final class SecondInstance implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final int port;
    private final List<String> command;
    private final Path dataDir;
    private Process process;
    private int launches;

    private SecondInstance(int port, List<String> command, Path dataDir) {
        this.port = port;
        this.command = command;
        this.dataDir = dataDir;
    }

    /** Starts an instance with the extra system properties ({@code -Dname=value}) and waits until it answers. */
    public static SecondInstance start(String... extraJvmOptions) {
        int port = freePort();
        Path dataDir = Path.of(System.getProperty("it.data.dir"));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(System.getProperty("payara.cmdOptions").trim().split("\\s+")));
        cmd.addAll(List.of(extraJvmOptions));
        cmd.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--port", Integer.toString(port), "--nocluster", "--deploy", System.getProperty("it.war") + ":/"));
        SecondInstance instance = new SecondInstance(port, cmd, dataDir);
        instance.launch();
        return instance;
    }

    public ApiClient client() {
        return new ApiClient("http://127.0.0.1:" + port, null);
    }

    /** Kills the process at once (SIGKILL): no shutdown hooks, in-flight requests cut. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Starts it again on the same port and waits until it answers. */
    public void restart() {
        launch();
    }

    @Override
    public void close() {
        if (process != null) {
            Processes.stop(process, Duration.ofSeconds(30));
        }
    }

    /**
     * Each launch gets a runtime directory of its own: Micro restarted on a used one would
     * redeploy the application it finds there while also deploying the one given.
     */
    private void launch() {
        launches++;
        String name = "instance-" + port + "-" + launches;
        Path log = dataDir.resolve(name + ".log");
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of("--rootdir", dataDir.resolve(name).toString()));
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a second Payara Micro", e);
        }
        // A client of its own per launch: no pooled connection to a killed process is reused.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        URI root = URI.create("http://127.0.0.1:" + port + "/latest/");
        String lastAnswer = "nothing";
        // Micro answers its first 200s while it is still finishing its boot, and a request in that
        // window can get an empty 500 from the container; three answers in a row mean it is done.
        int answered = 0;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The second Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException("The second Payara Micro did not answer within " + START_TIMEOUT
                        + " (last: " + lastAnswer + "); see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(root).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.discarding());
                answered = r.statusCode() == 200 ? answered + 1 : 0;
                if (answered == 3) {
                    return;
                }
                lastAnswer = "HTTP " + r.statusCode();
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                process.waitFor(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void waitForExit() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
