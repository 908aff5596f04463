package dev.maestro.event;

import static dev.maestro.testing.QueuedWriters.answer;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import dev.maestro.json.Json;
import dev.maestro.store.MongoConnection;
import dev.maestro.testing.InsertCommands;
import dev.maestro.testing.LocalBackends;
import dev.maestro.testing.ManyWriters;
import dev.maestro.testing.QueuedWriters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

class EventLogTest {
    private static LocalBackends backends;
    private static EventLog log;

    @BeforeAll
    static void start() {
        backends = new LocalBackends();
        log = new EventLog(backends.mongo().database(), backends.redis(), CloudEventSettings.KERNELCI);
        log.createIndexes(Duration.ofDays(7));
    }

    @AfterAll
    static void stop() throws Exception {
        backends.close();
    }

    @Test
    void sequencesIncreasePerChannelAndStartAtOne() {
        StoredEvent a1 = log.append("seq-a", "bob", Map.of("n", 1), Map.of());
        StoredEvent a2 = log.append("seq-a", "bob", Map.of("n", 2), Map.of());
        StoredEvent b1 = log.append("seq-b", "bob", Map.of("n", 1), Map.of());
        assertThat(a1.sequence()).isEqualTo(1);
        assertThat(a2.sequence()).isEqualTo(2);
        assertThat(b1.sequence()).isEqualTo(1);
    }

    @Test
    void theChangeCountGrowsWithEveryEventAndEveryUnpublishedChange() {
        assertThat(log.changeCount("changes")).isZero();
        log.countUnpublished("changes", 1);
        assertThat(log.changeCount("changes")).isEqualTo(1);
        assertThat(new EventHistory(backends.mongo().database()).lastSequence("changes")).isZero();

        StoredEvent first = log.append("changes", "bob", Map.of("n", 1), Map.of());
        log.countUnpublished("changes", 1);

        assertThat(first.sequence()).isEqualTo(1);
        assertThat(log.changeCount("changes")).isEqualTo(3);
    }

    @Test
    void concurrentWritersGetEverySequenceExactlyOnceAndStoreTheirEventsTogether() throws Exception {
        InsertCommands historyInserts = new InsertCommands(EventLog.HISTORY);
        try (MongoClient watched = backends.watchedClient(historyInserts)) {
            EventLog counted = new EventLog(watched.getDatabase(MongoConnection.DEFAULT_DATABASE), backends.redis(),
                    CloudEventSettings.KERNELCI);
            ManyWriters.run(8, 100, i -> counted.append("busy", "bob", Map.of("i", i), Map.of()));
        }
        List<Long> sequences = new ArrayList<>();
        backends.mongo().database().getCollection("eventhistory").find(new Document("channel", "busy"))
                .forEach(d -> sequences.add(((Number) d.get("sequence_id")).longValue()));
        assertThat(sequences).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 800).boxed().toList());
        assertThat(historyInserts.count()).as("inserts into the history").isLessThan(800);
    }

    /**
     * Concurrent writers' notifications share one pipeline: the first writer's is held as it takes
     * its Redis connection, three more queue behind it. One of them goes to a channel whose stream
     * key holds a string, so its XADD fails: that event alone goes to the outbox.
     */
    @Test
    void concurrentWritersTellRedisInOnePipelineAndAFailedCommandSendsOnlyItsEventToTheOutbox() throws Exception {
        QueuedWriters writers = new QueuedWriters();
        AtomicInteger connections = new AtomicInteger();
        try (Jedis jedis = backends.redis().getResource()) {
            jedis.set(StoredEvent.streamOf("not-a-stream"), "text");
        }
        try (JedisPool gated = new JedisPool("127.0.0.1", backends.redisPort()) {
            @Override
            public Jedis getResource() {
                connections.incrementAndGet();
                writers.gate();
                return super.getResource();
            }
        }) {
            EventLog piped = new EventLog(backends.mongo().database(), gated, CloudEventSettings.KERNELCI);
            CompletableFuture<StoredEvent> first = writers.first(() -> piped.append("piped", null, Map.of("n", 1), Map.of()));
            List<CompletableFuture<StoredEvent>> queued = writers.queue(List.<Callable<StoredEvent>>of(
                    () -> piped.append("piped", null, Map.of("n", 2), Map.of()),
                    () -> piped.append("not-a-stream", null, Map.of("n", 3), Map.of()),
                    () -> piped.append("piped", null, Map.of("n", 4), Map.of())));
            writers.open();
            answer(first);
            StoredEvent refused = answer(queued.get(1));
            List<StoredEvent> streamed = List.of(answer(queued.get(0)), answer(queued.get(2)));
            assertThat(connections).as("one pipeline for the first writer, one for the three queued").hasValue(2);
            assertThat(backends.mongo().database().getCollection(EventLog.OUTBOX).distinct("_id", ObjectId.class).into(new ArrayList<>()))
                    .containsExactly(new ObjectId(refused.id()));
            try (Jedis jedis = backends.redis().getResource()) {
                assertThat(jedis.xrange(StoredEvent.streamOf("piped"), (StreamEntryID) null, (StreamEntryID) null))
                        .extracting(e -> e.getFields().get("event")).hasSize(3).contains(streamed.get(0).envelope(), streamed.get(1).envelope());
                jedis.del(StoredEvent.streamOf("not-a-stream"));
            }
        }
        assertThat(log.restream(10)).as("the refused event, once its stream can take it").isEqualTo(1);
    }

    @Test
    void storesTheEventBeforeNotifyingAndAddsItToTheStream() {
        StoredEvent e = log.append("stored", "alice", Map.of("op", "created"), Map.of("type", "custom.type"));
        Document doc = backends.mongo().database().getCollection("eventhistory")
                .find(new Document("channel", "stored").append("sequence_id", e.sequence())).first();
        assertThat(doc).isNotNull();
        assertThat(doc.getString("owner")).isEqualTo("alice");
        try (Jedis jedis = backends.redis().getResource()) {
            List<StreamEntry> entries = jedis.xrange(StoredEvent.streamOf("stored"), (StreamEntryID) null, (StreamEntryID) null);
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).getFields()).containsEntry("sequence_id", "1");
        }
    }

    @Test
    void envelopeIsCloudEventsJsonWithOwnerAndSequence() {
        StoredEvent e = log.append("envelope", "carol", Map.of("op", "created", "id", "x"), Map.of());
        Map<String, Object> env = Json.readMap(e.envelope());
        assertThat(env).containsEntry("specversion", "1.0")
                .containsEntry("source", "https://api.kernelci.org/")
                .containsEntry("type", "api.kernelci.org")
                .containsEntry("owner", "carol")
                .containsEntry("_sequence_id", 1)
                .containsEntry("data", Map.of("op", "created", "id", "x"));
        assertThat(env).containsKeys("id", "time");
    }

    @Test
    void livePublishReachesSubscribers() throws Exception {
        CountDownLatch subscribed = new CountDownLatch(1);
        AtomicReference<String> received = new AtomicReference<>();
        CountDownLatch got = new CountDownLatch(1);
        JedisPubSub sub = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int count) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String channel, String message) {
                received.set(message);
                got.countDown();
            }
        };
        Thread t = new Thread(() -> {
            try (Jedis j = backends.redis().getResource()) {
                j.subscribe(sub, "live");
            }
        });
        t.start();
        assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();
        StoredEvent e = log.append("live", null, Map.of("k", "v"), Map.of());
        assertThat(got.await(10, TimeUnit.SECONDS)).isTrue();
        sub.unsubscribe();
        t.join(5000);
        assertThat(received.get()).isEqualTo(e.envelope());
        assertThat(Json.readMap(e.envelope())).doesNotContainKey("owner");
    }

    @Test
    void eventsMarkedByAnEarlierVersionMoveToTheOutboxAndReachTheirStream() {
        StoredEvent stored = log.append("marked", null, Map.of("k", 3), Map.of());
        MongoCollection<Document> history = backends.mongo().database().getCollection(EventLog.HISTORY);
        history.updateOne(new Document("_id", new ObjectId(stored.id())), new Document("$set", new Document("unstreamed", true)));
        try (Jedis jedis = backends.redis().getResource()) {
            jedis.del(StoredEvent.streamOf("marked"));
        }

        assertThat(EventLog.moveMarksToOutbox(backends.mongo().database())).isEqualTo(1);
        assertThat(history.countDocuments(new Document("unstreamed", true))).isZero();
        assertThat(log.restream(10)).isEqualTo(1);

        try (Jedis jedis = backends.redis().getResource()) {
            assertThat(jedis.xrange(StoredEvent.streamOf("marked"), (StreamEntryID) null, (StreamEntryID) null))
                    .extracting(e -> e.getFields().get("event")).containsExactly(stored.envelope());
        }
        assertThat(backends.mongo().database().getCollection(EventLog.OUTBOX).countDocuments()).isZero();
    }

    @Test
    void eventsStoredWhileRedisIsDownReachTheirStreamOnceItIsBack() throws Exception {
        backends.redisServer().stop();
        StoredEvent first;
        StoredEvent second;
        try {
            first = log.append("outage", "dave", Map.of("k", 1), Map.of());
            second = log.append("outage", "dave", Map.of("k", 2), Map.of());
            long stored = backends.mongo().database().getCollection("eventhistory").countDocuments(new Document("channel", "outage"));
            assertThat(stored).isEqualTo(2);
            assertThat(log.restream(10)).as("nothing can be added while Redis is down").isZero();
        } finally {
            backends.redisServer().start();
        }
        assertThat(log.restream(10)).isEqualTo(2);
        assertThat(log.restream(10)).as("each event is added once").isZero();
        assertThat(backends.mongo().database().getCollection(EventLog.OUTBOX).countDocuments()).as("the outbox is empty again").isZero();
        try (Jedis jedis = backends.redis().getResource()) {
            List<StreamEntry> entries = jedis.xrange(StoredEvent.streamOf("outage"), (StreamEntryID) null, (StreamEntryID) null);
            assertThat(entries).extracting(e -> e.getFields().get("sequence_id"))
                    .containsExactly(Long.toString(first.sequence()), Long.toString(second.sequence()));
            assertThat(entries.get(0).getFields().get("event")).isEqualTo(first.envelope());
        }
    }
}

