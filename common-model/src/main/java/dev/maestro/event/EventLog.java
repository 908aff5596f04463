package dev.maestro.event;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.maestro.store.Counters;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
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
    private static final int MAX_ATTEMPTS = 20;
    static final String HISTORY = "eventhistory";
    /** One document per channel: {@code {_id: channel, seq: last sequence taken, updated: when}}. */
    static final String COUNTERS = "eventcounters";

    private final MongoCollection<Document> history;
    private final MongoCollection<Document> counters;
    private final JedisPool redis;
    private final Envelopes envelopes;

    public EventLog(MongoDatabase db, JedisPool redis, CloudEventSettings settings) {
        this.history = db.getCollection(HISTORY);
        this.counters = db.getCollection(COUNTERS);
        this.redis = redis;
        this.envelopes = new Envelopes(settings);
    }

    /** Indexes for reading by channel and sequence, and expiry after the retention period. */
    public void createIndexes(Duration retention) {
        history.createIndex(Indexes.ascending("channel", "sequence_id"), new IndexOptions().unique(true));
        history.createIndex(Indexes.ascending("timestamp"),
                new IndexOptions().expireAfter(retention.toSeconds(), TimeUnit.SECONDS).name("timestamp_ttl"));
        history.createIndex(Indexes.ascending("data.kind", "timestamp"), new IndexOptions().name("kind_timestamp"));
    }

    /**
     * Appends one event. {@code attributes} are extra envelope attributes (e.g. {@code type}),
     * checked with {@link EventAttributes} when they come from a client; {@code owner}, when not
     * null, becomes the {@code owner} extension.
     */
    public StoredEvent append(String channel, String owner, Object data, Map<String, String> attributes) {
        for (int attempt = 1; ; attempt++) {
            try {
                return appendOnce(channel, owner, data, attributes);
            } catch (MongoServerException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                // Two first writers of a channel may both try to create its counter; the unique
                // index refuses one, which takes the next number.
                LOG.fine(() -> "Sequence of " + channel + " taken twice; taking the next number");
            }
        }
    }

    private StoredEvent appendOnce(String channel, String owner, Object data, Map<String, String> attributes) {
        long sequence = nextSequence(channel);
        Instant now = Instant.now();
        String envelope = envelopes.event(now, owner, data, attributes, sequence);
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

    /**
     * Takes the channel's next number. {@code updated} tells readers when a number was last
     * taken, so that a missing sequence can be told apart from one still being written.
     */
    private long nextSequence(String channel) {
        Document before = counters.findOneAndUpdate(new Document("_id", channel),
                Updates.combine(Updates.inc("seq", 1L), Updates.set("updated", new Date())),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return Counters.next(before);
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
