package dev.maestro.pipeline.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.SuiteBackends;
import dev.maestro.testsupport.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
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
            SuiteBackends.stopRedis();
            SuiteBackends.startRedis();
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

    /**
     * Redis restarted without its data (as one without persistence comes back) in the middle of
     * writes: events already handled, one held in the step, others read or waiting in the stream,
     * others written while Redis was down, others after. The group is re-created on the empty
     * Redis and catches up from its checkpoint in MongoDB: the step sees every event.
     */
    @Test
    default void aRedisThatComesBackEmptyLosesNoEventForTheSteps() throws IOException {
        pipeline().openGate();
        Set<String> published = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            published.add(events().publish("it-restart", Map.of("n", i, "phase", "settled")));
        }
        Poll.until("the settled events handled", WAIT, () -> pipeline().deliveries("it-restart"),
                d -> PipelineContract.eventIds(d, "handled").containsAll(published));
        long settled = events().lastSequence("it-restart");
        Poll.until("the group's checkpoint at #" + settled, WAIT, () -> events().checkpoint("it-restart", "it-restart") >= settled);

        pipeline().closeGate();
        try {
            for (int i = 0; i < 10; i++) {
                published.add(events().publish("it-restart", Map.of("n", i, "phase", "in-redis-only")));
            }
            Poll.until("a delivery waiting at the gate", WAIT, () -> pipeline().gateWaiting() > 0);
            SuiteBackends.stopRedis();
            for (int i = 0; i < 5; i++) {
                published.add(events().publish("it-restart", Map.of("n", i, "phase", "during")));
            }
            emptyRedisData();
            SuiteBackends.startRedis();
        } finally {
            pipeline().openGate();
        }
        for (int i = 0; i < 5; i++) {
            published.add(events().publish("it-restart", Map.of("n", i, "phase", "after")));
        }
        Poll.until("every event of the group, before, during and after", WAIT, () -> pipeline().deliveries("it-restart"),
                d -> PipelineContract.eventIds(d, "handled").containsAll(published));
        assertThat(serverLogContains("caught up from the event history")).isTrue();
    }

    /** What a Redis without persistence has after a restart: nothing (the suite's Redis keeps an append-only file). */
    private static void emptyRedisData() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("it.dir"), "redis"))) {
            for (Path file : files.sorted(Comparator.reverseOrder()).filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    default void eventsStoredWhileRedisIsDownAreDeliveredOnceItIsBack() {
        pipeline().openGate();
        Set<String> published = new HashSet<>();
        SuiteBackends.stopRedis();
        try {
            for (int i = 0; i < 3; i++) {
                published.add(events().publish("it-restart", Map.of("n", i, "phase", "during")));
            }
        } finally {
            SuiteBackends.startRedis();
        }
        Poll.until("the events stored during the outage to be handled", WAIT, () -> pipeline().deliveries("it-restart"),
                d -> PipelineContract.eventIds(d, "handled").containsAll(published));
    }
}
