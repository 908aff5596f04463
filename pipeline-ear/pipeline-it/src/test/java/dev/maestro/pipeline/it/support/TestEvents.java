package dev.maestro.pipeline.it.support;

import dev.maestro.event.CloudEventSettings;
import dev.maestro.event.EventHistory;
import dev.maestro.event.EventLog;
import dev.maestro.event.StoredEvent;
import dev.maestro.json.Json;
import dev.maestro.store.MongoConnection;
import dev.maestro.store.RedisConnection;
import dev.maestro.testsupport.SuiteBackends;
import com.mongodb.client.model.Filters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Publishes events the way the API does (common-model's event log: {@code eventhistory}, then
 * Redis) and reads the streams' state: pending entries per consumer, dead letters.
 */
public final class TestEvents implements AutoCloseable {
    private final MongoConnection mongo;
    private final RedisConnection redis;
    private final EventLog log;

    public TestEvents() {
        mongo = new MongoConnection(SuiteBackends.mongoUri());
        redis = new RedisConnection("127.0.0.1", SuiteBackends.redisPort());
        log = new EventLog(mongo.database(), redis.pool(), CloudEventSettings.KERNELCI);
    }

    /** Appends an event whose CloudEvent id is a fresh one; returns that id. */
    public String publish(String channel, Map<String, Object> data) {
        String id = channel + "-" + UUID.randomUUID();
        log.append(channel, "admin", data, Map.of("id", id));
        return id;
    }

    public StoredEvent publishNode(Map<String, Object> data) {
        return log.append("node", "admin", data, Map.of());
    }

    /** The channel's last sequence number taken. */
    public long lastSequence(String channel) {
        return new EventHistory(mongo.database()).lastSequence(channel);
    }

    /** Where the adapter's checkpoint of a consumer group on a channel stands (0 when it has none). */
    public long checkpoint(String channel, String group) {
        Document doc = mongo.database().getCollection("step_checkpoints")
                .find(Filters.and(Filters.eq("channel", channel), Filters.eq("group", group))).first();
        return doc == null ? 0 : ((Number) doc.get("through")).longValue();
    }

    public long pending(String channel, String group) {
        try (Jedis j = redis.pool().getResource()) {
            return j.xpending(StoredEvent.streamOf(channel), group).getTotal();
        }
    }

    /** Pending entries of one consumer of a group, as the CloudEvent ids they carry. */
    public List<String> pendingEventIds(String channel, String group, String consumer) {
        String stream = StoredEvent.streamOf(channel);
        try (Jedis j = redis.pool().getResource()) {
            Map<String, Long> byConsumer = j.xpending(stream, group).getConsumerMessageCount();
            if (byConsumer == null || !byConsumer.containsKey(consumer)) {
                return List.of();
            }
            return j.xpending(stream, group, XPendingParams.xPendingParams(
                            StreamEntryID.MINIMUM_ID, StreamEntryID.MAXIMUM_ID, 1000).consumer(consumer)).stream()
                    .map(p -> eventIdOf(j.xrange(stream, p.getID(), p.getID(), 1).get(0)))
                    .collect(Collectors.toList());
        }
    }

    /** The dead-letter entries of a channel's stream, as their fields. */
    public List<Map<String, String>> deadLetters(String channel) {
        try (Jedis j = redis.pool().getResource()) {
            return j.xrange(StoredEvent.streamOf(channel) + ":dead", (StreamEntryID) null, null).stream()
                    .map(StreamEntry::getFields).toList();
        }
    }

    private static String eventIdOf(StreamEntry entry) {
        return String.valueOf(Json.readMap(entry.getFields().get("event")).get("id"));
    }

    @Override
    public void close() {
        redis.close();
        mongo.close();
    }
}
