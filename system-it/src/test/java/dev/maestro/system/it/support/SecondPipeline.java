package dev.maestro.system.it.support;

import dev.maestro.files.Directories;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.Poll;
import dev.maestro.testsupport.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A second pipeline instance beside the one Arquillian manages, as a scaled-out deployment runs
 * it: a Payara Micro process of its own with the same RAR and pipeline.war (no API: its jobs
 * report to the first server's, {@code MAESTRO_API_URL}), the same settings, configuration file,
 * MongoDB, Redis and SMTP server ({@code payara.cmdOptions}), but an instance id and a data
 * directory (git mirrors, job directories) of its own. Always {@link #close()} it.
 */
public final class SecondPipeline implements AutoCloseable {
    public static final String INSTANCE_ID = "it-system-2";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final ApiClient pipeline;

    private SecondPipeline(Process process, ApiClient pipeline) {
        this.process = process;
        this.pipeline = pipeline;
    }

    /** Starts it and returns once its message-driven beans consume (its stats list their groups). */
    public static SecondPipeline start() {
        Path dir = SystemBackends.itDir();
        int port = Integer.parseInt(System.getProperty("it.second.port"));
        Path root = dir.resolve(INSTANCE_ID + "-root");
        // Micro redeploys what a root directory holds, and old mirrors or jobs must not leak in.
        Directories.deleteTree(root);
        Directories.fresh(dir.resolve(INSTANCE_ID + "-data"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(Arrays.asList(System.getProperty("payara.cmdOptions").trim().split("\\s+")));
        // Later -D options win over the shared ones.
        cmd.addAll(List.of("-DMAESTRO_INSTANCE_ID=" + INSTANCE_ID, "-DMAESTRO_DATA_DIR=" + dir.resolve(INSTANCE_ID + "-data"),
                "-jar", System.getProperty("payara.microJar"), "--nocluster", "--port", Integer.toString(port),
                "--rootdir", root.toString(),
                "--deploy", dir.resolve("maestro-stream-ra.rar").toString(),
                "--deploy", dir.resolve("pipeline.war") + ":/pipeline"));
        Process process;
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(INSTANCE_ID + ".log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a second pipeline", e);
        }
        SecondPipeline second = new SecondPipeline(process, new ApiClient("http://127.0.0.1:" + port + "/pipeline", null));
        try {
            Poll.until("the second pipeline to consume events", START_TIMEOUT, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the second pipeline exited with " + process.exitValue());
                }
                return !second.consumers().isEmpty();
            });
        } catch (AssertionError | RuntimeException e) {
            second.close();
            throw new AssertionError(e.getMessage() + "; see " + dir.resolve(INSTANCE_ID + ".log"), e);
        }
        return second;
    }

    /** Its {@code /pipeline/stats}. */
    public Map<String, Object> stats() {
        return pipeline.get("/stats").map();
    }

    /** Per consumer group, what it delivered to this instance ({@code group}, {@code deliveries}, …). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> consumers() {
        return (List<Map<String, Object>>) stats().get("consumers");
    }

    /** Stops it as an operator would (SIGTERM): it closes the jobs it runs and leaves its consumer groups. */
    @Override
    public void close() {
        Processes.stop(process, Duration.ofMinutes(1));
    }
}
