package dev.maestro.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.maestro.testing.FindFilters;
import dev.maestro.testing.LocalBackends;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

class OrphanedEventsTest {
    /** The repair's reads of the event history. */
    private static final FindFilters HISTORY_READS = new FindFilters(EventLog.HISTORY);
    private static LocalBackends backends;
    private static MongoClient repairClient;
    private static EventLog log;
    private static OrphanedEvents orphans;

    @BeforeAll
    static void start() {
        backends = new LocalBackends();
        log = new EventLog(backends.mongo().database(), backends.redis(), CloudEventSettings.KERNELCI);
        log.createIndexes(Duration.ofDays(7));
        repairClient = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(backends.mongoUri())).addCommandListener(HISTORY_READS).build());
        orphans = new OrphanedEvents(repairClient.getDatabase(backends.mongo().database().getName()), backends.redis(),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        repairClient.close();
        backends.close();
    }

    @Test
    void anEventStoredButNeverStreamedIsAddedToItsStreamOnce() {
        StoredEvent lost = threeEventsTheSecondMissingFromTheStream("orphan");

        assertThat(orphans.restream(Duration.ZERO)).isEqualTo(1);
        assertThat(sequencesInStream("orphan")).containsExactly(1L, 3L, 2L);
        assertThat(entries("orphan").get(2).getFields()).isEqualTo(lost.streamFields());
        assertThat(orphans.restream(Duration.ZERO)).as("each event is added once").isZero();
    }

    /**
     * The embedded MongoDB-wire server answers a range of timestamps by reading the whole
     * history; the repair, every 2 s, must cost what was written since, not what is kept.
     */
    @Test
    void theRepairReadsTheHistoryOnlyByExactLookupsOnItsIndex() {
        threeEventsTheSecondMissingFromTheStream("indexed");
        HISTORY_READS.clear();

        assertThat(orphans.restream(Duration.ZERO)).isEqualTo(1);
        assertThat(HISTORY_READS.keys()).as("only the number the stream lacks is looked up")
                .containsExactly(List.of("channel", "sequence_id"));
    }

    @Test
    void aStreamThatRedisLostAndBeganAgainIsNotRefilled() {
        log.append("emptied", "bob", Map.of("n", 1), Map.of());
        log.append("emptied", "bob", Map.of("n", 2), Map.of());
        try (Jedis jedis = backends.redis().getResource()) {
            jedis.del(StoredEvent.streamOf("emptied"));
        }
        log.append("emptied", "bob", Map.of("n", 3), Map.of());

        assertThat(orphans.restream(Duration.ZERO)).isZero();
        assertThat(sequencesInStream("emptied")).containsExactly(3L);
    }

    @Test
    void anEventWaitingInTheOutboxIsLeftToTheOutbox() {
        StoredEvent waiting = threeEventsTheSecondMissingFromTheStream("waiting");
        backends.mongo().database().getCollection(EventLog.OUTBOX).insertOne(new Document("_id", new ObjectId(waiting.id()))
                .append("channel", "waiting").append("sequence_id", waiting.sequence()).append("envelope", waiting.envelope()));

        assertThat(orphans.restream(Duration.ZERO)).isZero();
        assertThat(sequencesInStream("waiting")).containsExactly(1L, 3L);
    }

    /** Three events stored and streamed on the channel, then the second taken out of the stream; returns that one. */
    private static StoredEvent threeEventsTheSecondMissingFromTheStream(String channel) {
        log.append(channel, "bob", Map.of("n", 1), Map.of());
        StoredEvent second = log.append(channel, "bob", Map.of("n", 2), Map.of());
        log.append(channel, "bob", Map.of("n", 3), Map.of());
        forgetInStream(second);
        return second;
    }

    private static void forgetInStream(StoredEvent event) {
        try (Jedis jedis = backends.redis().getResource()) {
            StreamEntryID id = entries(event.channel()).stream()
                    .filter(e -> e.getFields().get("sequence_id").equals(Long.toString(event.sequence())))
                    .findFirst().orElseThrow().getID();
            jedis.xdel(StoredEvent.streamOf(event.channel()), id);
        }
    }

    private static List<StreamEntry> entries(String channel) {
        try (Jedis jedis = backends.redis().getResource()) {
            return jedis.xrange(StoredEvent.streamOf(channel), (StreamEntryID) null, (StreamEntryID) null);
        }
    }

    private static List<Long> sequencesInStream(String channel) {
        return entries(channel).stream().map(e -> Long.parseLong(e.getFields().get("sequence_id"))).toList();
    }
}
