package dev.maestro.pipeline.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.node.Node;
import dev.maestro.node.NodeState;
import dev.maestro.pipeline.it.support.PipelineClient;
import dev.maestro.testsupport.Poll;
import dev.maestro.testsupport.SecondServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two pipeline instances run the lifecycle timers against the same MongoDB and Redis: every due
 * node moves exactly once, with exactly one event, whichever instance moves it.
 */
public interface LifecycleTwoInstancesContract extends LifecycleContract {
    int NODES = 200;

    @Test
    default void twoInstancesTimeOutEachNodeExactlyOnce() {
        // The plain pipeline.war: with the test beans it would join their consumer groups and, when
        // stopped, leave entries of other tests pending until the claim idle time.
        Path war = Path.of(System.getProperty("it.dir"), "pipeline.war");
        try (SecondServer instance = PipelineContract.secondInstance(war, "it-lifecycle", "-DMAESTRO_LIFECYCLE_PERIOD=1s")) {
            PipelineClient second = PipelineContract.pipelineOf(instance);
            Poll.until("the second instance's lifecycle timer to tick", WAIT, () -> second.lifecycle(),
                    l -> PipelineContract.count(l, "ticks") > 0);
            long before = timeouts(pipeline().lifecycle()) + timeouts(second.lifecycle());
            Instant due = Instant.now().plusSeconds(8);
            List<Node> created = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                created.add(nodes().create("twice-" + i, null, NodeState.RUNNING, null, due, null));
            }
            for (Node node : created) {
                Poll.until(node.name() + " to time out", WAIT, () -> nodes().get(node.id()).state() == NodeState.DONE);
            }
            for (Node node : created) {
                Poll.until("the event of " + node.name(), WAIT, () -> !nodes().updates(node.id()).isEmpty());
                assertThat(nodes().updates(node.id())).as(node.name()).hasSize(1);
            }
            List<Long> lags = created.stream().map(n -> Duration.between(due, nodes().get(n.id()).updated()).toMillis()).sorted().toList();
            System.out.printf("lifecycle lag (timeout passed -> done, period 1 s, %d nodes): median %d ms, max %d ms%n",
                    lags.size(), lags.get(lags.size() / 2), lags.get(lags.size() - 1));
            long mine = timeouts(pipeline().lifecycle());
            long theirs = timeouts(second.lifecycle());
            assertThat(mine + theirs - before).isEqualTo(NODES);
            System.out.printf("two instances: %d timeouts by the managed instance, %d by the second one%n", mine, theirs);
        }
    }

    @SuppressWarnings("unchecked")
    private static long timeouts(java.util.Map<String, Object> lifecycle) {
        return PipelineContract.count((java.util.Map<String, Object>) lifecycle.get("transitions"), "timeout");
    }
}
