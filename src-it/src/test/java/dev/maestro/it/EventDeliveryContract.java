package dev.maestro.it;

import static dev.maestro.it.support.Listening.assertContiguousFromOne;
import static dev.maestro.it.support.Listening.events;
import static dev.maestro.it.support.Listening.subscribe;
import static dev.maestro.it.support.Writes.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.it.support.ConcurrentWriters;
import dev.maestro.it.support.TestUsers;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.SuiteBackends;
import java.time.Duration;
import java.util.ArrayList;
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
                    SuiteBackends.stopRedis();
                    redisDown = true;
                }
                if (n == 100) {
                    SuiteBackends.startRedis();
                    redisDown = false;
                }
                update(bob, ch, 0, n);
            }
            List<Map<String, Object>> got = received.get(DELIVERY_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
            assertContiguousFromOne(got);
            assertThat(got).extracting(e -> (Object) ((Map<?, ?>) e.get("data")).get("n")).containsExactlyElementsOf(range(total));
        } finally {
            if (redisDown) {
                SuiteBackends.startRedis();
            }
            listener.shutdownNow();
        }
    }

    @Test
    default void eightConcurrentWritersAndThreeSubscribersEveryoneGetsAllEventsInOrder() throws Exception {
        int writers = 8;
        int updates = 250;
        TestUsers.TestUser owner = TestUsers.create(api(), "writer");
        ApiClient writer = api().as(owner.token());
        String ch = TestUsers.unique("busy");
        List<ApiClient> subscribers = List.of(writer, api().as(TestUsers.create(api(), "watcher").token()),
                api().as(TestUsers.create(api(), "watcher").token()));
        List<Integer> subs = List.of(subscribe(subscribers.get(0), ch, ""), subscribe(subscribers.get(1), ch, "promisc=true"),
                subscribe(subscribers.get(2), ch, "promisc=true"));
        List<ConcurrentWriters.Subscriber> listening = new ArrayList<>();
        for (int i = 0; i < subscribers.size(); i++) {
            listening.add(new ConcurrentWriters.Subscriber(subscribers.get(i), subs.get(i)));
        }
        for (List<Map<String, Object>> got : ConcurrentWriters.run(writers, updates, (w, n) -> update(writer, ch, w, n),
                listening, DELIVERY_TIMEOUT)) {
            assertContiguousFromOne(got);
            ConcurrentWriters.assertEveryWriterInOrder(got, writers, updates, e -> (Map<?, ?>) e.get("data"));
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
