package dev.maestro.it;

import static dev.maestro.it.support.Listening.events;
import static dev.maestro.it.support.Listening.sequence;
import static dev.maestro.it.support.Listening.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.it.support.ApiClient;
import dev.maestro.it.support.ApiResponse;
import dev.maestro.it.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Node updates from concurrent writers reach every subscriber of the {@code node} channel, all
 * of them and in sequence order: the owner without {@code promisc}, two others with it.
 */
public interface NodeEventDeliveryContract extends ApiContract {
    Duration NODE_DELIVERY_TIMEOUT = Duration.ofMinutes(4);

    @Test
    default void eightWritersPatchingNodesReachThreeSubscribersCompleteAndOrdered() throws Exception {
        int writers = 8;
        int updates = 250;
        int total = writers * updates;
        TestUsers.TestUser owner = TestUsers.create(api(), "node-writer");
        ApiClient writer = api().as(owner.token());
        List<String> nodeIds = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            ApiResponse created = writer.post("/latest/node", Map.of("kind", "node", "name", TestUsers.unique("busy-node"),
                    "path", List.of("busy"), "data", Map.of("writer", w, "n", -1)));
            assertThat(created.status()).as("create: %s", created).isEqualTo(200);
            nodeIds.add((String) created.map().get("id"));
        }
        List<ApiClient> subscribers = List.of(writer, api().as(TestUsers.create(api(), "node-watcher").token()),
                api().as(TestUsers.create(api(), "node-watcher").token()));
        List<Integer> subs = List.of(subscribe(subscribers.get(0), "node", ""), subscribe(subscribers.get(1), "node", "promisc=true"),
                subscribe(subscribers.get(2), "node", "promisc=true"));
        ExecutorService pool = Executors.newFixedThreadPool(writers + subscribers.size());
        try {
            List<Future<List<Map<String, Object>>>> received = new ArrayList<>();
            for (int i = 0; i < subscribers.size(); i++) {
                ApiClient client = subscribers.get(i);
                int sub = subs.get(i);
                received.add(pool.submit(() -> events(client, sub, total, NODE_DELIVERY_TIMEOUT)));
            }
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writerNo = w;
                writing.add(pool.submit(() -> {
                    for (int n = 0; n < updates; n++) {
                        ApiResponse r = writer.patch("/latest/node/" + nodeIds.get(writerNo), Map.of("data", Map.of("writer", writerNo, "n", n)));
                        assertThat(r.status()).as("patch: %s", r).isEqualTo(200);
                    }
                }));
            }
            for (Future<?> f : writing) {
                f.get(NODE_DELIVERY_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
            }
            for (Future<List<Map<String, Object>>> f : received) {
                List<Map<String, Object>> got = f.get(NODE_DELIVERY_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
                Map<Object, Integer> nextOfWriter = new HashMap<>();
                long previous = 0;
                for (Map<String, Object> e : got) {
                    assertThat(sequence(e)).isGreaterThan(previous);
                    previous = sequence(e);
                    Map<?, ?> payload = (Map<?, ?>) e.get("data");
                    assertThat(payload.get("op")).isEqualTo("updated");
                    Map<?, ?> data = (Map<?, ?>) payload.get("data");
                    int expected = nextOfWriter.getOrDefault(data.get("writer"), 0);
                    assertThat(data.get("n")).as("writer %s", data.get("writer")).isEqualTo(expected);
                    nextOfWriter.put(data.get("writer"), expected + 1);
                }
                assertThat(nextOfWriter).hasSize(writers).allSatisfy((w, count) -> assertThat(count).isEqualTo(updates));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
