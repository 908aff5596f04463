package dev.maestro.it;

import static dev.maestro.it.support.Listening.assertContiguousFromOne;
import static dev.maestro.it.support.Listening.events;
import static dev.maestro.it.support.Listening.subscribe;
import static dev.maestro.it.support.Writes.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.it.support.ApiClient;
import dev.maestro.it.support.TestBackends;
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
 * Events are never lost: not while a subscriber is away, not during a Redis outage, not under
 * concurrent writers; and each subscriber receives a channel's events in sequence order.
 */
public interface EventDeliveryContract extends ApiContract {
    Duration DELIVERY_TIMEOUT = Duration.ofMinutes(5);

    @Test
    default void aSubscriberThatStopsListeningReceivesAllEventsInOrderWhenItComesBack() {
        ApiClient bob = api().as(TestUsers.create(api(), "bob").token());
        String ch = TestUsers.unique("away");
        int sub = subscribe(bob, ch, "");
        for (int n = 0; n < 500; n++) {
            update(bob, ch, 0, n);
        }
        List<Map<String, Object>> got = events(bob, sub, 500, DELIVERY_TIMEOUT);
        assertContiguousFromOne(got);
        for (int n = 0; n < 500; n++) {
            assertThat(got.get(n).get("data")).isEqualTo(Map.of("writer", 0, "n", n));
        }
    }

    @Test
    default void aRedisOutageMidStreamLosesNothingForADurableSubscriber() throws Exception {
        ApiClient bob = api().as(TestUsers.create(api(), "bob").token());
        String ch = TestUsers.unique("outage");
        int sub = subscribe(bob, ch, "subscriber_id=" + TestUsers.unique("sid"));
        int total = 150;
        ExecutorService listener = Executors.newSingleThreadExecutor();
        boolean redisDown = false;
        try {
            Future<List<Map<String, Object>>> received = listener.submit(() -> events(bob, sub, total, DELIVERY_TIMEOUT));
            for (int n = 0; n < total; n++) {
                if (n == 50) {
                    TestBackends.stopRedis();
                    redisDown = true;
                }
                if (n == 100) {
                    TestBackends.startRedis();
                    redisDown = false;
                }
                update(bob, ch, 0, n);
            }
            List<Map<String, Object>> got = received.get(DELIVERY_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
            assertContiguousFromOne(got);
            assertThat(got).extracting(e -> (Object) ((Map<?, ?>) e.get("data")).get("n")).containsExactlyElementsOf(range(total));
        } finally {
            if (redisDown) {
                TestBackends.startRedis();
            }
            listener.shutdownNow();
        }
    }

    @Test
    default void eightConcurrentWritersAndThreeSubscribersEveryoneGetsAllEventsInOrder() throws Exception {
        int writers = 8;
        int updates = 250;
        int total = writers * updates;
        TestUsers.TestUser owner = TestUsers.create(api(), "writer");
        ApiClient writer = api().as(owner.token());
        String ch = TestUsers.unique("busy");
        List<ApiClient> subscribers = List.of(writer, api().as(TestUsers.create(api(), "watcher").token()),
                api().as(TestUsers.create(api(), "watcher").token()));
        List<Integer> subs = List.of(subscribe(subscribers.get(0), ch, ""), subscribe(subscribers.get(1), ch, "promisc=true"),
                subscribe(subscribers.get(2), ch, "promisc=true"));
        ExecutorService pool = Executors.newFixedThreadPool(writers + subscribers.size());
        try {
            List<Future<List<Map<String, Object>>>> received = new ArrayList<>();
            for (int i = 0; i < subscribers.size(); i++) {
                ApiClient client = subscribers.get(i);
                int sub = subs.get(i);
                received.add(pool.submit(() -> events(client, sub, total, DELIVERY_TIMEOUT)));
            }
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writerNo = w;
                writing.add(pool.submit(() -> {
                    for (int n = 0; n < updates; n++) {
                        update(writer, ch, writerNo, n);
                    }
                }));
            }
            for (Future<?> f : writing) {
                f.get(DELIVERY_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
            }
            for (Future<List<Map<String, Object>>> f : received) {
                List<Map<String, Object>> got = f.get(DELIVERY_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
                assertContiguousFromOne(got);
                Map<Object, Integer> nextOfWriter = new HashMap<>();
                for (Map<String, Object> e : got) {
                    Map<?, ?> data = (Map<?, ?>) e.get("data");
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

    private static List<Object> range(int n) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }
}
