package dev.maestro.event;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.maestro.json.Json;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.types.ObjectId;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.params.XAddParams;

/**
 * Appends events: first to MongoDB's {@code eventhistory} (the record, with the channel's next
 * {@code sequence_id}), then to Redis (PUBLISH on the channel, XADD to its stream). A Redis
 * failure is logged and swallowed: readers catch up from the history by sequence, so nothing is
 * lost.
 */
public class EventLog {
    private static final Logger LOG = Logger.getLogger(EventLog.class.getName());
    static final long STREAM_MAX_LENGTH = 100_000;

    private final MongoCollection<Document> history;
    private final MongoCollection<Document> counters;
    private final JedisPool redis;
    private final CloudEventSettings settings;

    public EventLog(MongoDatabase db, JedisPool redis, CloudEventSettings settings) {
        this.history = db.getCollection("eventhistory");
        this.counters = db.getCollection("eventcounters");
        this.redis = redis;
        this.settings = settings;
    }

    /** Indexes for reading by channel and sequence, and expiry after the retention period. */
    public void createIndexes(Duration retention) {
        history.createIndex(Indexes.ascending("channel", "sequence_id"), new IndexOptions().unique(true));
        history.createIndex(Indexes.ascending("timestamp"),
                new IndexOptions().expireAfter(retention.toSeconds(), TimeUnit.SECONDS).name("timestamp_ttl"));
        history.createIndex(Indexes.ascending("data.kind", "timestamp"), new IndexOptions().name("kind_timestamp"));
    }

    /**
     * Appends one event. {@code attributes} are extra envelope attributes (e.g. {@code type});
     * {@code owner}, when not null, becomes the {@code owner} extension.
     */
    public StoredEvent append(String channel, String owner, Object data, Map<String, String> attributes) {
        long sequence = nextSequence(channel);
        Instant now = Instant.now();
        String envelope = envelope(sequence, now, owner, data, attributes);
        ObjectId id = new ObjectId();
        history.insertOne(new Document("_id", id)
                .append("timestamp", Date.from(now))
                .append("sequence_id", sequence)
                .append("channel", channel)
                .append("owner", owner)
                .append("data", data)
                .append("envelope", envelope));
        StoredEvent event = new StoredEvent(id.toHexString(), channel, sequence, now, owner, data, envelope);
        notifyRedis(event);
        return event;
    }

    private long nextSequence(String channel) {
        Document counter = counters.findOneAndUpdate(new Document("_id", channel), Updates.inc("seq", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get("seq")).longValue();
    }

    private String envelope(long sequence, Instant time, String owner, Object data, Map<String, String> attributes) {
        CloudEventBuilder b = CloudEventBuilder.v1()
                .withId(attributes.getOrDefault("id", UUID.randomUUID().toString()))
                .withSource(URI.create(attributes.getOrDefault("source", settings.source())))
                .withType(attributes.getOrDefault("type", settings.type()))
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(Json.write(data).getBytes(StandardCharsets.UTF_8));
        attributes.forEach((k, v) -> {
            if (!k.equals("id") && !k.equals("source") && !k.equals("type")) {
                b.withExtension(k, v);
            }
        });
        if (owner != null && !owner.isEmpty()) {
            b.withExtension("owner", owner);
        }
        CloudEvent event = b.build();
        Map<String, Object> json = Json.readMap(new String(new JsonFormat().serialize(event), StandardCharsets.UTF_8));
        Map<String, Object> withSequence = new LinkedHashMap<>(json);
        withSequence.put("_sequence_id", sequence);
        return Json.write(withSequence);
    }

    private void notifyRedis(StoredEvent event) {
        try (Jedis jedis = redis.getResource()) {
            jedis.publish(event.channel(), event.envelope());
            jedis.xadd(StoredEvent.streamOf(event.channel()), XAddParams.xAddParams().maxLen(STREAM_MAX_LENGTH).approximateTrimming(),
                    event.streamFields());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Event " + event.channel() + "#" + event.sequence()
                    + " is stored but Redis was not notified; readers catch up from the history: " + e.getMessage());
        }
    }
}
