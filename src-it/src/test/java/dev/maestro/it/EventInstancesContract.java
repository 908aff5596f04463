package dev.maestro.it;

import static dev.maestro.it.support.Listening.assertContiguousFromOne;
import static dev.maestro.it.support.Listening.envelope;
import static dev.maestro.it.support.Listening.events;
import static dev.maestro.it.support.Listening.isKeepAlive;
import static dev.maestro.it.support.Listening.sequence;
import static dev.maestro.it.support.Listening.subscribe;
import static dev.maestro.it.support.Writes.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.testsupport.SecondServer;
import dev.maestro.it.support.TestUsers;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions are not tied to one server: a second API process (sharing MongoDB and Redis)
 * serves them, they survive that process being killed and restarted, and one it closes for
 * inactivity answers 404 saying so. One test, so that the second server boots only twice.
 */
public interface EventInstancesContract extends ApiContract {
    /** The second server closes subscriptions idle this long, to show the 404 without a long wait. */
    int SECOND_IDLE_SECONDS = 15;
    Duration RESUME_TIMEOUT = Duration.ofMinutes(6);
    Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);

    @Test
    default void subscriptionsLiveInTheDatabaseSoAnyServerServesThemAcrossRestarts() throws Exception {
        TestUsers.TestUser bob = TestUsers.create(api(), "bob");
        ApiClient onA = api().as(bob.token());
        try (SecondServer second = ApiContract.secondServer("-DMAESTRO_SUBSCRIPTION_IDLE_SECONDS=" + SECOND_IDLE_SECONDS)) {
            ApiClient onB = second.client().as(bob.token());
            // Nobody listens on this one: it is closed meanwhile (checked below).
            int idle = subscribe(onB, TestUsers.unique("idle"), "");

            // Subscribe on one server, write through both, listen on the other.
            String ch = TestUsers.unique("shared");
            int sub = subscribe(onA, ch, "");
            for (int n = 0; n < 20; n++) {
                update(n % 2 == 0 ? onA : onB, ch, 0, n);
            }
            assertContiguousFromOne(events(onB, sub, 20, DELIVERY_TIMEOUT));

            // The subscription nobody listened on is closed, and says so.
            awaitClosed(idle);
            ApiResponse gone = onA.get("/latest/listen/" + idle);
            assertThat(gone.status()).isEqualTo(404);
            assertThat((String) gone.detail()).startsWith("Subscription id not found: " + idle)
                    .contains("without /listen").contains("subscribe again");

            // A durable subscriber of the second server, which is killed and restarted mid-stream.
            String durable = TestUsers.unique("durable");
            String sid = TestUsers.unique("sid");
            int total = 120;
            int first = subscribe(onB, durable, "subscriber_id=" + sid);
            List<Long> received = new CopyOnWriteArrayList<>();
            ExecutorService consumer = Executors.newSingleThreadExecutor();
            try {
                Future<?> consuming = consumer.submit(() -> consumeDurably(onB, durable, sid, first, total, received));
                for (int n = 0; n < 40; n++) {
                    update(onA, durable, 0, n);
                }
                awaitReceived(received, 30);
                second.kill();
                for (int n = 40; n < 80; n++) {
                    update(onA, durable, 0, n);
                }
                second.restart();
                for (int n = 80; n < total; n++) {
                    update(onA, durable, 0, n);
                }
                consuming.get(RESUME_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
            } finally {
                consumer.shutdownNow();
            }
            assertThat(received.get(0)).isEqualTo(1L);
            assertThat(received.get(received.size() - 1)).isEqualTo((long) total);
            int duplicates = 0;
            for (int i = 1; i < received.size(); i++) {
                long step = received.get(i) - received.get(i - 1);
                assertThat(step).as("no gap and no reordering at %d: %s", i, received).isBetween(0L, 1L);
                duplicates += step == 0 ? 1 : 0;
            }
            assertThat(duplicates).as("only the unconfirmed event comes again").isLessThanOrEqualTo(1);
        }
    }

    /**
     * A durable subscriber as a KernelCI service would run: listen in a loop and, after any
     * failure (server gone, subscription closed), subscribe again with the same subscriber id.
     */
    private static void consumeDurably(ApiClient client, String channel, String sid, int firstSub, int total,
                                       List<Long> received) {
        Instant deadline = Instant.now().plus(RESUME_TIMEOUT);
        int sub = firstSub;
        while (received.isEmpty() || received.get(received.size() - 1) < total) {
            assertThat(Instant.now()).as("all events received in time: %s", received).isBefore(deadline);
            ApiResponse r;
            try {
                r = client.get("/latest/listen/" + sub);
            } catch (UncheckedIOException serverGone) {
                sub = resubscribe(client, channel, sid, deadline);
                continue;
            }
            if (r.status() == 404) {
                sub = resubscribe(client, channel, sid, deadline);
                continue;
            }
            assertThat(r.status()).as("listen: %s", r).isEqualTo(200);
            Map<String, Object> envelope = envelope(r);
            if (!isKeepAlive(envelope)) {
                received.add(sequence(envelope));
            }
        }
    }

    /** Subscribes again once the server answers (while it boots, Payara Micro answers 404 pages). */
    private static int resubscribe(ApiClient client, String channel, String sid, Instant deadline) {
        while (true) {
            assertThat(Instant.now()).as("server back in time").isBefore(deadline);
            try {
                ApiResponse r = client.post("/latest/subscribe/" + channel + "?subscriber_id=" + sid, null);
                if (r.status() == 200) {
                    return ((Number) r.map().get("id")).intValue();
                }
            } catch (UncheckedIOException stillDown) {
                // not listening yet
            }
            pause();
        }
    }

    private void awaitClosed(int subscription) {
        Instant deadline = Instant.now().plusSeconds(SECOND_IDLE_SECONDS * 6L);
        while (admin().get("/latest/stats/subscriptions").list().stream()
                .anyMatch(s -> ((Number) ((Map<?, ?>) s).get("id")).intValue() == subscription)) {
            assertThat(Instant.now()).as("idle subscription closed in time").isBefore(deadline);
            pause();
        }
    }

    private static void awaitReceived(List<Long> received, int count) {
        Instant deadline = Instant.now().plus(DELIVERY_TIMEOUT);
        while (received.size() < count) {
            assertThat(Instant.now()).as("%d events received in time", count).isBefore(deadline);
            pause();
        }
    }

    /** The interval of the polling loops above (each bounded by a deadline). */
    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
