package dev.maestro.pipeline.it;

import dev.maestro.pipeline.it.support.PipelineClient;
import dev.maestro.pipeline.it.support.TestEvents;
import dev.maestro.testsupport.SecondServer;
import dev.maestro.testsupport.ServerLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every group of pipeline tests needs from the deployment that {@link PipelineIT} holds.
 * Each feature's tests are an interface extending this one, so that one Payara Micro boot
 * serves them all.
 */
public interface PipelineContract {
    Duration WAIT = Duration.ofSeconds(60);

    /** The Arquillian-managed instance (consumer name {@code it-main}). */
    PipelineClient pipeline();

    TestEvents events();

    /** The deployed WAR (pipeline.war plus the test beans) as a file, for a second instance. */
    Path deployedWar();

    /** Whether the server log of the Arquillian-managed instance contains {@code text}. */
    default boolean serverLogContains(String text) {
        return ServerLog.contains(Path.of(System.getProperty("it.dir")), text);
    }

    /**
     * A second pipeline instance: a Payara Micro of its own on the reserved second port, with the
     * same RAR (through the same post-boot file), MongoDB and Redis, {@code war} at {@code /pipeline}
     * and the consumer name {@code instanceId}, so that a test can kill it while it holds entries.
     */
    static SecondServer secondInstance(Path war, String instanceId, String... jvmOptions) {
        Path dir = Path.of(System.getProperty("it.dir"));
        return SecondServer.named(instanceId).in(dir)
                .port(Integer.parseInt(System.getProperty("it.second.port")))
                .jvmOptions("-DMAESTRO_INSTANCE_ID=" + instanceId).jvmOptions(jvmOptions)
                .postBootCommands(dir.resolve("payara/postboot.asadmin"))
                .deploy(war + ":/pipeline")
                .readyWhen("/pipeline/stats", r -> r.status() == 200)
                .startTimeout(Duration.ofMinutes(4))
                .start();
    }

    /** The client of a second instance's pipeline. */
    static PipelineClient pipelineOf(SecondServer instance) {
        return new PipelineClient(instance.url() + "/pipeline/");
    }

    static Set<Object> eventIds(List<Map<String, Object>> deliveries, String outcome) {
        return deliveries.stream().filter(d -> outcome.equals(d.get("outcome"))).map(d -> d.get("event_id")).collect(Collectors.toSet());
    }

    static long count(Map<String, Object> counters, String name) {
        Object value = counters.get(name);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
