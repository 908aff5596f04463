package dev.maestro.it;

import static dev.maestro.it.support.Listening.sequence;
import static dev.maestro.it.support.Listening.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.it.support.ConcurrentWriters;
import dev.maestro.it.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        List<ConcurrentWriters.Subscriber> listening = new ArrayList<>();
        for (int i = 0; i < subscribers.size(); i++) {
            listening.add(new ConcurrentWriters.Subscriber(subscribers.get(i), subs.get(i)));
        }
        ConcurrentWriters.Write patch = (w, n) -> {
            ApiResponse r = writer.patch("/latest/node/" + nodeIds.get(w), Map.of("data", Map.of("writer", w, "n", n)));
            assertThat(r.status()).as("patch: %s", r).isEqualTo(200);
        };
        for (List<Map<String, Object>> got : ConcurrentWriters.run(writers, updates, patch, listening, NODE_DELIVERY_TIMEOUT)) {
            long previous = 0;
            for (Map<String, Object> e : got) {
                assertThat(sequence(e)).isGreaterThan(previous);
                previous = sequence(e);
                assertThat(((Map<?, ?>) e.get("data")).get("op")).isEqualTo("updated");
            }
            ConcurrentWriters.assertEveryWriterInOrder(got, writers, updates, e -> (Map<?, ?>) ((Map<?, ?>) e.get("data")).get("data"));
        }
    }
}
