package dev.maestro.pipeline.ra.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.history.Checkpoint;
import dev.maestro.pipeline.ra.history.MongoEventHistory;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Timer;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.embedded.RedisServer;

/**
 * Consumer groups against a real Redis that keeps no data across a restart and a MongoDB-wire
 * server holding the event history (written here as common-model's EventLog writes it: number,
 * history document, then stream entry): a re-created group catches up from its checkpoint, a
 * new group starts from now, and events gone from the history are counted as a gap.
 */
class GroupCatchUpTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Timer HEARTBEATS = new Timer("heartbeats", true);

    private int port;
    private RedisServer redis;
    private MongoServer mongoServer;
    private MongoClient client;
    private MongoDatabase db;
    private MongoEventHistory history;
    private final List<StreamConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Long> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").setting("appendonly no").build();
        redis.start();
        mongoServer = new MongoServer(new MemoryBackend());
        String uri = mongoServer.bindAndGetConnectionString();
        client = MongoClients.create(uri);
        db = client.getDatabase("kernelci");
        history = new MongoEventHistory(uri);
    }

    @AfterEach
    void stop() throws Exception {
        consumers.forEach(StreamConsumer::stop);
        for (Thread t : threads) {
            t.join(10_000);
        }
        history.close();
        client.close();
        mongoServer.shutdownNow();
        redis.stop();
    }

    private ConsumerCounters consume(String channel, String group, DeliveryTarget target) {
        ConsumerSettings s = new ConsumerSettings(EventStreams.streamOf(channel), group, "me", EventFilter.parse(null), 10, 200,
                60_000, 100, 3, "$", 1000);
        ConsumerCounters counters = new ConsumerCounters(s.stream(), s.group(), s.consumer());
        StreamConsumer consumer = new StreamConsumer(new RedisAddress("127.0.0.1", port), s, target, counters, HEARTBEATS, history);
        consumer.createGroupIfReachable();
        Thread t = new Thread(consumer, "consumer-" + group);
        t.start();
        consumers.add(consumer);
        threads.add(t);
        return counters;
    }

    /** As EventLog.append: take the number, store the event, add it to the stream (skipped when {@code streamed} is false). */
    private long write(String channel, boolean streamed) {
        Document before = db.getCollection("eventcounters").findOneAndUpdate(Filters.eq("_id", channel), Updates.inc("seq", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        long seq = before == null ? 1 : ((Number) before.get("seq")).longValue() + 1;
        String envelope = "{\"id\":\"ev-" + seq + "\",\"data\":{\"n\":" + seq + "}}";
        db.getCollection("eventhistory").insertOne(new Document("channel", channel).append("sequence_id", seq)
                .append("timestamp", new Date()).append("envelope", envelope));
        if (streamed) {
            try (Jedis j = new Jedis("127.0.0.1", port)) {
                j.xadd(EventStreams.streamOf(channel), StreamEntryID.NEW_ENTRY,
                        Map.of("channel", channel, "sequence_id", Long.toString(seq), "event", envelope));
            }
        }
        return seq;
    }

    private Set<Long> receivedSet() {
        return new TreeSet<>(received);
    }

    private static Set<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    @Test
    void aGroupRecreatedOnARedisThatLostItsDataCatchesUpFromItsCheckpoint() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        ConsumerCounters counters = consume("c", "step", d -> {
            if (d.sequence() > 10) {
                gate.await();
            }
            received.add(d.sequence());
        });
        for (int i = 0; i < 10; i++) {
            write("c", true);
        }
        await("events 1..10", () -> receivedSet().containsAll(range(1, 10)));
        await("the checkpoint at 10", () -> history.checkpoint("step", "c").map(Checkpoint::through).orElse(0L) == 10);

        // 11 held in the step, 12..20 read with it, 21..30 not read yet: all in Redis only.
        for (int i = 0; i < 20; i++) {
            write("c", true);
        }
        redis.stop();
        redis.start();
        gate.countDown();
        for (int i = 0; i < 5; i++) {
            write("c", true);
        }

        await("every event, 1..35", () -> receivedSet().containsAll(range(1, 35)));
        // 11..30 at least; 31..35 too when written before the catch-up read the channel's last number.
        assertThat((Long) counters.snapshot().get("caught_up")).as("%s", counters.snapshot()).isBetween(20L, 25L);
        assertThat(counters.snapshot().get("history_gap")).isEqualTo(0L);
        await("the checkpoint past the catch-up", () -> history.checkpoint("step", "c").map(Checkpoint::through).orElse(0L) >= 30);
    }

    @Test
    void aNewGroupStartsFromNowAndIsCheckpointedFromThere() {
        for (int i = 0; i < 3; i++) {
            write("fresh", true);
        }
        consume("fresh", "new-step", (EventDelivery d) -> received.add(d.sequence()));
        await("the new group's checkpoint", () -> history.checkpoint("new-step", "fresh").isPresent());
        assertThat(history.checkpoint("new-step", "fresh").get().through()).isEqualTo(3);
        write("fresh", true);
        await("event 4", () -> received.contains(4L));
        assertThat(received).containsExactly(4L);
    }

    @Test
    void eventsGoneFromTheHistoryAreCountedAsAGap() {
        history.resetCheckpoint("gappy", "g", new Checkpoint(0, "a-lost-redis"));
        for (int i = 0; i < 5; i++) {
            write("g", false);
        }
        db.getCollection("eventhistory").deleteMany(Filters.and(Filters.eq("channel", "g"), Filters.in("sequence_id", 2L, 3L)));

        ConsumerCounters counters = consume("g", "gappy", d -> received.add(d.sequence()));
        await("the stored events", () -> receivedSet().equals(Set.of(1L, 4L, 5L)));
        await("the gap counted", () -> Long.valueOf(2).equals(counters.snapshot().get("history_gap")));
        await("the checkpoint past the gap", () -> history.checkpoint("gappy", "g").map(Checkpoint::through).orElse(0L) == 5);
    }

    /**
     * One group name on two channels (as the scheduler's on {@code node} and {@code retry}) has
     * one checkpoint per channel: a Redis that comes back empty makes each catch up from its own.
     */
    @Test
    void aGroupNameOnTwoChannelsKeepsACheckpointPerChannel() throws IOException {
        Set<Long> onX = new java.util.concurrent.ConcurrentSkipListSet<>();
        Set<Long> onY = new java.util.concurrent.ConcurrentSkipListSet<>();
        consume("x", "shared", d -> onX.add(d.sequence()));
        consume("y", "shared", d -> onY.add(d.sequence()));
        for (int i = 0; i < 3; i++) {
            write("x", true);
        }
        for (int i = 0; i < 10; i++) {
            write("y", true);
        }
        await("the checkpoints at x#3 and y#10", () -> history.checkpoint("shared", "x").map(Checkpoint::through).orElse(0L) == 3
                && history.checkpoint("shared", "y").map(Checkpoint::through).orElse(0L) == 10);

        // Written while Redis is away: stored only, so only the catch-up can deliver them.
        redis.stop();
        for (int i = 0; i < 4; i++) {
            write("x", false);
            write("y", false);
        }
        redis.start();
        await("x#1..7 and y#1..14", () -> onX.containsAll(range(1, 7)) && onY.containsAll(range(1, 14)));
    }

    /**
     * Events stored while Redis was away wait in the outbox and are appended to the stream later,
     * after newer ones: the checkpoint stays below them while they wait, and once they are handled
     * it moves on to the newest event, not to the last entry of the stream.
     */
    @Test
    void eventsWaitingInTheOutboxHoldTheCheckpointAndTheRepairsLateEntriesDoNot() {
        consume("r", "late", d -> received.add(d.sequence()));
        for (int i = 0; i < 3; i++) {
            write("r", true);
        }
        await("the checkpoint at r#3", () -> history.checkpoint("late", "r").map(Checkpoint::through).orElse(0L) == 3);
        List<Document> waiting = List.of(toOutbox(write("r", false)), toOutbox(write("r", false)));
        write("r", true);
        write("r", true);
        await("r#6 and r#7", () -> received.containsAll(List.of(6L, 7L)));
        Date handled = new Date();
        await("a checkpoint tick after r#7", () -> checkpointDocument("r/late").getDate("updated").after(handled));
        assertThat(history.checkpoint("late", "r").orElseThrow().through()).as("held below the outbox's r#4").isEqualTo(3);

        // The stream repair: each taken out of the outbox and appended to the stream.
        for (Document event : waiting) {
            db.getCollection("event_outbox").deleteOne(Filters.eq("_id", event.get("_id")));
            try (Jedis j = new Jedis("127.0.0.1", port)) {
                j.xadd(EventStreams.streamOf("r"), StreamEntryID.NEW_ENTRY, Map.of("channel", "r",
                        "sequence_id", event.get("sequence_id").toString(), "event", event.getString("envelope")));
            }
        }
        await("r#1..7", () -> receivedSet().containsAll(range(1, 7)));
        await("the checkpoint at r#7", () -> history.checkpoint("late", "r").map(Checkpoint::through).orElse(0L) == 7);
    }

    /**
     * An event whose writer died between storing and streaming it reaches the stream only through
     * the stream repair: until the repair has checked it, the checkpoint stays below it, so a Redis
     * that loses its data before the repair found it leaves it to the catch-up.
     */
    @Test
    void theCheckpointStaysBelowWhatTheStreamRepairHasNotCheckedSoARedisLosingItsDataLosesNoOrphan() throws Exception {
        consume("o", "careful", d -> received.add(d.sequence()));
        for (int i = 0; i < 3; i++) {
            write("o", true);
        }
        streamChecked("o", 3);
        await("the checkpoint at o#3", () -> history.checkpoint("careful", "o").map(Checkpoint::through).orElse(0L) == 3);
        long orphan = write("o", false);
        write("o", true);
        write("o", true);
        await("o#5 and o#6", () -> received.containsAll(List.of(5L, 6L)));
        Date delivered = new Date();
        await("a checkpoint tick after o#6", () -> checkpointDocument("o/careful").getDate("updated").after(delivered));
        // The next tick takes every number up to o#6 as settled.
        Date ticked = checkpointDocument("o/careful").getDate("updated");
        await("the tick after that", () -> checkpointDocument("o/careful").getDate("updated").after(ticked));
        assertThat(history.checkpoint("careful", "o").orElseThrow().through()).as("held at what the repair checked").isEqualTo(3);

        redis.stop();
        redis.start();
        await("the orphan o#4, from the catch-up", () -> received.contains(orphan));
        assertThat(receivedSet()).isEqualTo(range(1, 6));
    }

    /** As common-model's stream repair records how far it has checked a channel. */
    private void streamChecked(String channel, long through) {
        db.getCollection("stream_audit").replaceOne(Filters.eq("_id", "checked/" + channel),
                new Document("_id", "checked/" + channel).append("channel", channel).append("through", through),
                new ReplaceOptions().upsert(true));
    }

    /** As EventLog does when Redis refuses an event: the stored event goes to the outbox for the stream repair. */
    private Document toOutbox(long sequence) {
        Document stored = db.getCollection("eventhistory").find(Filters.and(Filters.eq("channel", "r"),
                Filters.eq("sequence_id", sequence))).first();
        Document entry = new Document("_id", stored.getObjectId("_id")).append("timestamp", stored.get("timestamp"))
                .append("sequence_id", sequence).append("channel", "r").append("envelope", stored.getString("envelope"));
        db.getCollection("event_outbox").insertOne(entry);
        return entry;
    }

    private Document checkpointDocument(String id) {
        Document d = db.getCollection("step_checkpoints").find(Filters.eq("_id", id)).first();
        return d == null ? new Document("updated", new Date(0)) : d;
    }
}
