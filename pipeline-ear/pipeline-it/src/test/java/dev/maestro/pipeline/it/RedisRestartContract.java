package dev.maestro.pipeline.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.Backends;
import dev.maestro.testsupport.Poll;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Redis restarts while a delivery is in flight and more entries wait behind it: the consumer
 * reconnects, the interrupted delivery is redone (its acknowledgement was lost), and every event
 * from before and after the restart is handled and acknowledged. Events written while Redis is
 * down are stored only; the stream repair adds them to their stream once it is back.
 */
public interface RedisRestartContract extends PipelineContract {

    @Test
    default void aRedisRestartMidStreamLosesNoEvent() {
        pipeline().closeGate();
        Set<String> published = new HashSet<>();
        try {
            for (int i = 0; i < 5; i++) {
                published.add(events().publish("it-restart", Map.of("n", i, "phase", "before")));
            }
            Poll.until("a delivery waiting at the gate", WAIT, () -> pipeline().gateWaiting() > 0);
            Backends.stopRedis();
            Backends.startRedis();
        } finally {
            pipeline().openGate();
        }
        for (int i = 0; i < 5; i++) {
            published.add(events().publish("it-restart", Map.of("n", i, "phase", "after")));
        }
        Poll.until("every event from before and after the restart", WAIT, () -> pipeline().deliveries("it-restart"),
                d -> PipelineContract.eventIds(d, "handled").containsAll(published));
        Poll.until("no pending entry in group it-restart", WAIT, () -> events().pending("it-restart", "it-restart") == 0);
        assertThat(PipelineContract.count(pipeline().consumer("it-restart"), "reconnects")).isGreaterThanOrEqualTo(1);
        assertThat(serverLogContains("Reconnected to Redis")).isTrue();
    }

    @Test
    default void eventsStoredWhileRedisIsDownAreDeliveredOnceItIsBack() {
        pipeline().openGate();
        Set<String> published = new HashSet<>();
        Backends.stopRedis();
        try {
            for (int i = 0; i < 3; i++) {
                published.add(events().publish("it-restart", Map.of("n", i, "phase", "during")));
            }
        } finally {
            Backends.startRedis();
        }
        Poll.until("the events stored during the outage to be handled", WAIT, () -> pipeline().deliveries("it-restart"),
                d -> PipelineContract.eventIds(d, "handled").containsAll(published));
    }
}
