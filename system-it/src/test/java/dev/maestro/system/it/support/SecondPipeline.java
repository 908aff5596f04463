package dev.maestro.system.it.support;

import dev.maestro.files.Directories;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.testsupport.SecondServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A second pipeline instance beside the one Arquillian manages, as a scaled-out deployment runs
 * it: test-support's {@link SecondServer} with the same RAR and pipeline.war (no API: its jobs
 * report to the first server's, {@code MAESTRO_API_URL}), the same settings, configuration file,
 * MongoDB, Redis and SMTP server, but an instance id and a data directory (git mirrors, job
 * directories) of its own. Always {@link #close()} it.
 */
public final class SecondPipeline implements AutoCloseable {
    public static final String INSTANCE_ID = "it-system-2";

    private final SecondServer server;

    private SecondPipeline(SecondServer server) {
        this.server = server;
    }

    /** Starts it and returns once its message-driven beans consume (its stats list their groups). */
    public static SecondPipeline start() {
        Path dir = SystemBackends.itDir();
        Path data = dir.resolve(INSTANCE_ID + "-data");
        // Old mirrors or jobs must not leak in.
        Directories.fresh(data);
        return new SecondPipeline(SecondServer.named(INSTANCE_ID).in(dir)
                .port(Integer.parseInt(System.getProperty("it.second.port")))
                .jvmOptions("-DMAESTRO_INSTANCE_ID=" + INSTANCE_ID, "-DMAESTRO_DATA_DIR=" + data)
                .deploy(dir.resolve("maestro-stream-ra.rar").toString())
                .deploy(dir.resolve("pipeline.war") + ":/pipeline")
                .readyWhen("/pipeline/stats", r -> r.status() == 200 && !consumers(r).isEmpty())
                .startTimeout(Duration.ofMinutes(4))
                .start());
    }

    /** Its {@code /pipeline/stats}. */
    public Map<String, Object> stats() {
        return server.client().get("/pipeline/stats").map();
    }

    /** Per consumer group, what it delivered to this instance ({@code group}, {@code deliveries}, …). */
    public List<Map<String, Object>> consumers() {
        return consumers(server.client().get("/pipeline/stats"));
    }

    /** Its console output, where the server logs. */
    public Path log() {
        return server.log();
    }

    /** Stops it as an operator would (SIGTERM): it closes the jobs it runs and leaves its consumer groups. */
    @Override
    public void close() {
        server.close();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> consumers(ApiResponse stats) {
        return (List<Map<String, Object>>) stats.map().get("consumers");
    }
}
