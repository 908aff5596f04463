package dev.maestro.pipeline.ra.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.history.EventHistorySource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.embedded.RedisServer;

/** The consumer against a real Redis (with an append-only file, so that a restart keeps the streams). */
class StreamConsumerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path redisDir;
    private static int port;
    private static RedisServer redis;

    private static final Timer HEARTBEATS = new Timer("heartbeats", true);

    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<StreamConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<EventDelivery> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startRedis() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("dir " + redisDir).setting("appendonly yes").setting("appendfsync always").build();
        redis.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        redis.stop();
    }

    @AfterEach
    void stopConsumers() throws InterruptedException {
        consumers.forEach(StreamConsumer::stop);
        for (Thread t : threads) {
            t.join(10_000);
        }
    }

    private static Jedis jedis() {
        return new Jedis("127.0.0.1", port);
    }

    private static ConsumerSettings settings(String channel, String group, String filter, long claimIdleMillis, int maxDeliveries) {
        return settings(channel, group, "me", filter, claimIdleMillis, maxDeliveries);
    }

    private static ConsumerSettings settings(String channel, String group, String consumer, String filter, long claimIdleMillis,
                                             int maxDeliveries) {
        return new ConsumerSettings(EventStreams.streamOf(channel), group, consumer, EventFilter.parse(filter), 10, 200,
                claimIdleMillis, 100, maxDeliveries, "$", 1000);
    }

    private ConsumerCounters start(ConsumerSettings s, DeliveryTarget target) {
        ConsumerCounters counters = new ConsumerCounters(s.stream(), s.group(), s.consumer());
        StreamConsumer consumer = new StreamConsumer(new RedisAddress("127.0.0.1", port), s, target, counters, HEARTBEATS,
                EventHistorySource.NONE);
        consumer.createGroupIfReachable();
        Thread t = new Thread(consumer, "consumer-" + s.group());
        t.start();
        consumers.add(consumer);
        threads.add(t);
        return counters;
    }

    private static StreamEntryID publish(String channel, String eventId, String dataJson) {
        try (Jedis j = jedis()) {
            return j.xadd(EventStreams.streamOf(channel), StreamEntryID.NEW_ENTRY, Map.of("channel", channel, "sequence_id", "7",
                    "event", "{\"id\":\"" + eventId + "\",\"data\":" + dataJson + "}"));
        }
    }

    private static long pending(ConsumerSettings s) {
        try (Jedis j = jedis()) {
            return j.xpending(s.stream(), s.group()).getTotal();
        }
    }

    /** Polls every 20 ms until the condition holds; fails after {@link #WAIT}. */
    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private Set<String> receivedIds() {
        return received.stream().map(EventDelivery::eventId).collect(Collectors.toSet());
    }

    @Test
    void deliversEachEventWithItsFieldsAndAcknowledgesIt() {
        ConsumerSettings s = settings("plain", "g", null, 60_000, 3);
        ConsumerCounters counters = start(s, received::add);
        StreamEntryID id = publish("plain", "e1", "{\"kind\":\"test\"}");
        publish("plain", "e2", "{}");
        await("two deliveries", () -> received.size() == 2 && pending(s) == 0);
        assertThat(received.get(0)).isEqualTo(new EventDelivery(s.stream(), "g", id.toString(), "plain", 7, "e1",
                "{\"id\":\"e1\",\"data\":{\"kind\":\"test\"}}", 1));
        assertThat(counters.snapshot()).containsEntry("deliveries", 2L).containsEntry("acknowledged", 2L).containsEntry("redeliveries", 0L);
    }

    @Test
    void aFailedDeliveryIsRetriedUntilItSucceeds() {
        ConsumerSettings s = settings("flaky", "g", null, 60_000, 3);
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        ConsumerCounters counters = start(s, d -> {
            if (failedOnce.add(d.eventId())) {
                throw new IllegalStateException("first delivery of " + d.eventId());
            }
            received.add(d);
        });
        for (int i = 0; i < 5; i++) {
            publish("flaky", "f" + i, "{}");
        }
        await("all five redelivered", () -> received.size() == 5 && pending(s) == 0);
        assertThat(received).allSatisfy(d -> assertThat(d.deliveryCount()).isEqualTo(2));
        assertThat(counters.snapshot()).containsEntry("failures", 5L).containsEntry("redeliveries", 5L).containsEntry("acknowledged", 5L);
    }

    @Test
    void aPoisonEventEndsInTheDeadLetterStreamAfterMaxDeliveries() {
        ConsumerSettings s = settings("poison", "g", null, 60_000, 3);
        List<Long> attempts = new CopyOnWriteArrayList<>();
        ConsumerCounters counters = start(s, d -> {
            attempts.add(d.deliveryCount());
            throw new IllegalArgumentException("cannot handle " + d.eventId());
        });
        StreamEntryID id = publish("poison", "p1", "{}");
        await("dead letter", () -> {
            try (Jedis j = jedis()) {
                return j.xlen(s.deadLetterStream()) == 1;
            }
        });
        assertThat(attempts).containsExactly(1L, 2L, 3L);
        assertThat(pending(s)).isZero();
        try (Jedis j = jedis()) {
            Map<String, String> dead = j.xrange(s.deadLetterStream(), (StreamEntryID) null, null).get(0).getFields();
            assertThat(dead).containsEntry("entry_id", id.toString()).containsEntry("group", "g").containsEntry("deliveries", "3")
                    .containsEntry("channel", "poison").containsKey("event");
            assertThat(dead.get("error")).isEqualTo("java.lang.IllegalArgumentException: cannot handle p1");
        }
        assertThat(counters.snapshot()).containsEntry("dead_letters", 1L).containsEntry("acknowledged", 0L);
    }

    @Test
    void entriesLeftByAStoppedConsumerAreReclaimedAfterTheIdleTime() {
        ConsumerSettings s = settings("orphans", "g", null, 500, 3);
        try (Jedis j = jedis()) {
            j.xgroupCreate(s.stream(), s.group(), StreamEntryID.XGROUP_LAST_ENTRY, true);
            publish("orphans", "o1", "{}");
            publish("orphans", "o2", "{}");
            List<Map.Entry<String, List<StreamEntry>>> taken = j.xreadGroup("g", "dead-instance",
                    XReadGroupParams.xReadGroupParams().count(10), Map.of(s.stream(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            assertThat(taken.get(0).getValue()).hasSize(2);
        }
        ConsumerCounters counters = start(s, received::add);
        await("both reclaimed and acknowledged", () -> received.size() == 2 && pending(s) == 0);
        assertThat(receivedIds()).containsExactlyInAnyOrder("o1", "o2");
        assertThat(received).allSatisfy(d -> assertThat(d.deliveryCount()).isEqualTo(2));
        assertThat(counters.snapshot()).containsEntry("reclaimed", 2L);
    }

    @Test
    void aLongDeliveryKeepsItsEntriesFromTheOtherConsumersOfTheGroup() {
        ConsumerSettings slow = settings("slow", "g", "slow", null, 300, 3);
        ConsumerSettings other = settings("slow", "g", "other", null, 300, 3);
        try (Jedis j = jedis()) {
            j.xgroupCreate(slow.stream(), slow.group(), StreamEntryID.XGROUP_LAST_ENTRY, true);
        }
        // Both entries are there before the slow consumer reads, so that it takes them in one batch.
        publish("slow", "s1", "{}");
        publish("slow", "s2", "{}");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        start(slow, d -> {
            inside.countDown();
            assertThat(finish.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            received.add(d);
        });
        await("the slow delivery to start", () -> inside.getCount() == 0);
        List<EventDelivery> others = new CopyOnWriteArrayList<>();
        ConsumerCounters otherCounters = start(other, others::add);
        // Five claim idle times: without the heartbeat the other consumer would have taken s1 and s2.
        Instant until = Instant.now().plusMillis(5 * 300);
        while (Instant.now().isBefore(until)) {
            assertThat(others).as("deliveries to the other consumer").isEmpty();
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        finish.countDown();
        await("both events handled by the slow consumer", () -> received.size() == 2 && pending(slow) == 0);
        assertThat(others).isEmpty();
        assertThat(otherCounters.snapshot()).containsEntry("reclaimed", 0L);
    }

    @Test
    void eventsOutsideTheFilterAreAcknowledgedWithoutDelivery() {
        ConsumerSettings s = settings("filtered", "g", "kind=checkout", 60_000, 3);
        ConsumerCounters counters = start(s, received::add);
        publish("filtered", "skip", "{\"kind\":\"test\"}");
        publish("filtered", "take", "{\"kind\":\"checkout\"}");
        await("the checkout event", () -> received.size() == 1 && pending(s) == 0);
        assertThat(receivedIds()).containsExactly("take");
        assertThat(counters.snapshot()).containsEntry("filtered", 1L);
    }

    @Test
    void aRedisRestartLosesNothingAndTheConsumerReconnects() throws IOException {
        ConsumerSettings s = settings("restart", "g", null, 60_000, 3);
        ConsumerCounters counters = start(s, received::add);
        publish("restart", "before", "{}");
        await("the first event", () -> received.size() == 1);
        redis.stop();
        redis.start();
        publish("restart", "after", "{}");
        await("the event after the restart", () -> received.size() == 2 && pending(s) == 0);
        assertThat(receivedIds()).containsExactlyInAnyOrder("before", "after");
        assertThat(counters.snapshot()).containsEntry("reconnects", 1L);
    }
}
