package dev.maestro.pipeline.it;

import static dev.maestro.testsupport.PrometheusText.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.json.Json;
import dev.maestro.node.Node;
import dev.maestro.node.NodeState;
import dev.maestro.pipeline.it.support.PipelineClient.RootResponse;
import dev.maestro.pipeline.it.support.TestNodes;
import dev.maestro.testsupport.SuiteBackends;
import dev.maestro.testsupport.Poll;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's readiness (its consumer groups, and Redis under them) and its metrics: a
 * group's lag while a delivery is held and events queue behind it, lifecycle transitions.
 */
public interface HealthAndMetricsContract extends PipelineContract {

    TestNodes nodes();

    @Test
    default void readinessNamesTheConsumerGroupsAndIsDownWhileRedisIsStopped() {
        Map<String, Object> up = check(Poll.until("pipeline ready", WAIT, () -> pipeline().root("/health/ready"),
                r -> r.status() == 200));
        assertThat(up).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        Map<String, Object> groups = (Map<String, Object>) up.get("data");
        assertThat(groups).containsEntry("it-restart", "consuming maestro:events:it-restart");

        boolean redisDown = false;
        try {
            SuiteBackends.stopRedis();
            redisDown = true;
            Map<String, Object> down = check(Poll.until("pipeline not ready", WAIT, () -> pipeline().root("/health/ready"),
                    r -> r.status() == 503));
            assertThat(down).containsEntry("status", "DOWN");
            assertThat(pipeline().root("/health/live").status()).isEqualTo(200);
            SuiteBackends.startRedis();
            redisDown = false;
            Poll.until("pipeline ready again", WAIT, () -> pipeline().root("/health/ready"), r -> r.status() == 200);
        } finally {
            if (redisDown) {
                SuiteBackends.startRedis();
            }
        }
    }

    @Test
    default void lagGrowsWhileADeliveryIsHeldAndReturnsToZero() {
        pipeline().openGate();
        Poll.until("group it-restart has a lag gauge at 0", WAIT, () -> lag("it-restart"), l -> l.isPresent() && l.getAsLong() == 0);
        pipeline().closeGate();
        try {
            for (int i = 0; i < 6; i++) {
                events().publish("it-restart", Map.of("n", i, "phase", "lag"));
            }
            Poll.until("a lag of at least 5", WAIT, () -> lag("it-restart"), l -> l.isPresent() && l.getAsLong() >= 5);
        } finally {
            pipeline().openGate();
        }
        Poll.until("lag back to 0", WAIT, () -> lag("it-restart"), l -> l.isPresent() && l.getAsLong() == 0);
        String text = pipeline().root("/metrics").body();
        assertThat(sample(text, "maestro_consumer_deliveries", "group=\"it-restart\"").orElse(0)).isPositive();
        assertThat(sample(text, "maestro_consumer_dead_letters", "group=\"it-restart\"")).isPresent();
    }

    @Test
    default void lifecycleTransitionsAreCounted() {
        long before = sample(pipeline().root("/metrics").body(), "maestro_lifecycle_transitions_total", "kind=\"timeout\"")
                .orElse(0);
        Node node = nodes().create("metrics-timeout", null, NodeState.RUNNING, null, Instant.now().minusSeconds(5), null);
        Poll.until("the node timed out", WAIT, () -> nodes().get(node.id()).state() == NodeState.DONE);
        Poll.until("the transition counted", WAIT, () -> sample(pipeline().root("/metrics").body(),
                "maestro_lifecycle_transitions_total", "kind=\"timeout\""), v -> v.isPresent() && v.getAsLong() > before);
    }

    private OptionalLong lag(String group) {
        return sample(pipeline().root("/metrics").body(), "maestro_consumer_group_lag", "group=\"" + group + "\"");
    }

    /** The pipeline's own check in a health document. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> check(RootResponse health) {
        List<Map<String, Object>> checks = (List<Map<String, Object>>) Json.readMap(health.body()).get("checks");
        return checks.stream().filter(c -> "pipeline-consumer-groups".equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no pipeline check in " + health.body()));
    }
}
