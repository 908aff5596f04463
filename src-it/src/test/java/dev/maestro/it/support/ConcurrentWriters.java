package dev.maestro.it.support;

import static dev.maestro.it.support.Listening.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Concurrent writers and listening subscribers, for the delivery tests: every writer makes its
 * updates numbered 0…n-1 while every subscriber listens for all of them.
 */
public final class ConcurrentWriters {
    private ConcurrentWriters() {
    }

    /** One write: update number {@code n} of writer {@code writer}. */
    @FunctionalInterface
    public interface Write {
        void run(int writer, int n);
    }

    /** A subscriber: its client and its subscription id. */
    public record Subscriber(ApiClient client, int subscription) {
    }

    /** Runs the writers and returns, per subscriber, the {@code writers × updates} events it received. */
    public static List<List<Map<String, Object>>> run(int writers, int updates, Write write, List<Subscriber> subscribers,
                                                      Duration timeout) throws Exception {
        int total = writers * updates;
        ExecutorService pool = Executors.newFixedThreadPool(writers + subscribers.size());
        try {
            List<Future<List<Map<String, Object>>>> received = new ArrayList<>();
            for (Subscriber s : subscribers) {
                received.add(pool.submit(() -> events(s.client(), s.subscription(), total, timeout)));
            }
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writerNo = w;
                writing.add(pool.submit(() -> {
                    for (int n = 0; n < updates; n++) {
                        write.run(writerNo, n);
                    }
                }));
            }
            for (Future<?> f : writing) {
                f.get(timeout.toMinutes(), TimeUnit.MINUTES);
            }
            List<List<Map<String, Object>>> out = new ArrayList<>();
            for (Future<List<Map<String, Object>>> f : received) {
                out.add(f.get(timeout.toMinutes(), TimeUnit.MINUTES));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Checks that each writer's updates arrived complete and in its order; {@code writeOf} finds
     * the {@code {writer, n}} map in an envelope.
     */
    public static void assertEveryWriterInOrder(List<Map<String, Object>> got, int writers, int updates,
                                                Function<Map<String, Object>, Map<?, ?>> writeOf) {
        Map<Object, Integer> nextOfWriter = new HashMap<>();
        for (Map<String, Object> e : got) {
            Map<?, ?> data = writeOf.apply(e);
            int expected = nextOfWriter.getOrDefault(data.get("writer"), 0);
            assertThat(data.get("n")).as("writer %s", data.get("writer")).isEqualTo(expected);
            nextOfWriter.put(data.get("writer"), expected + 1);
        }
        assertThat(nextOfWriter).hasSize(writers).allSatisfy((w, count) -> assertThat(count).isEqualTo(updates));
    }
}
