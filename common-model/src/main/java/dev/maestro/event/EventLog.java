package dev.maestro.event;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndDeleteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.maestro.store.CombinedInserts;
import dev.maestro.store.Counters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Appends events: first to MongoDB's {@code eventhistory} (the record, with the channel's next
 * {@code sequence_id}), then to Redis (PUBLISH on the channel, XADD to its stream). A Redis
 * failure is logged and swallowed: listeners catch up from the history by sequence, and the
 * event is put in the outbox ({@code event_outbox}) so that {@link #restream} adds it to its
 * stream once Redis is back. The outbox holds only such events, so the repair that reads it
 * every few seconds costs nothing while Redis is well, however long the history.
 *
 * <p>Concurrent writers share their commands: their sequence numbers are taken in one increment
 * ({@link SequenceCombiner}), their events stored in one insert ({@link CombinedInserts}) and
 * told to Redis in one pipeline ({@link RedisNotifications}). Each writer still takes these steps
 * in this order and returns only once its own event is stored and Redis told (or the event put
 * in the outbox).
 */
public class EventLog {
    private static final Logger LOG = Logger.getLogger(EventLog.class.getName());
    private static final int MAX_ATTEMPTS = 20;
    static final String HISTORY = "eventhistory";
    /** One document per channel: {@code {_id: channel, seq: last sequence taken, updated: when}}. */
    static final String COUNTERS = "eventcounters";
    /** Stored events that could not be added to their Redis stream yet, by the history's {@code _id}. */
    static final String OUTBOX = "event_outbox";
    /** The mark that stood for the outbox before it existed; a migration moves marked events. */
    private static final String UNSTREAMED = "unstreamed";
    /** The counter's field for changes whose event was suppressed (see {@link #countUnpublished}). */
    private static final String UNPUBLISHED = "unpublished";

    private final MongoCollection<Document> history;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> outbox;
    private final CombinedInserts newEvents;
    private final JedisPool redis;
    private final RedisNotifications notifications;
    private final Envelopes envelopes;
    private final List<Consumer<StoredEvent>> appendListeners = new CopyOnWriteArrayList<>();
    private final SequenceCombiner sequences = new SequenceCombiner(this::takeSequences);

    public EventLog(MongoDatabase db, JedisPool redis, CloudEventSettings settings) {
        this.history = db.getCollection(HISTORY);
        this.counters = db.getCollection(COUNTERS);
        this.outbox = db.getCollection(OUTBOX);
        this.newEvents = new CombinedInserts(history);
        this.redis = redis;
        this.notifications = new RedisNotifications(redis);
        this.envelopes = new Envelopes(settings);
    }

    /** Indexes for reading by channel and sequence, and expiry after the retention period. */
    public void createIndexes(Duration retention) {
        createIndexes(history, retention);
    }

    /** As {@link #createIndexes(Duration)}, without Redis: for the database migrations. */
    public static void createIndexes(MongoDatabase db, Duration retention) {
        createIndexes(db.getCollection(HISTORY), retention);
    }

    private static void createIndexes(MongoCollection<Document> history, Duration retention) {
        history.createIndex(Indexes.ascending("channel", "sequence_id"), new IndexOptions().unique(true));
        history.createIndex(Indexes.ascending("timestamp"),
                new IndexOptions().expireAfter(retention.toSeconds(), TimeUnit.SECONDS).name("timestamp_ttl"));
        history.createIndex(Indexes.ascending("data.kind", "timestamp"), new IndexOptions().name("kind_timestamp"));
    }

    /**
     * Moves events marked {@code unstreamed} (how an earlier version recorded them) to the outbox
     * and drops the mark's index: for the database migrations. Returns how many moved.
     */
    public static int moveMarksToOutbox(MongoDatabase db) {
        MongoCollection<Document> history = db.getCollection(HISTORY);
        MongoCollection<Document> outbox = db.getCollection(OUTBOX);
        int[] moved = {0};
        history.find(Filters.eq(UNSTREAMED, true)).forEach(doc -> {
            outbox.replaceOne(Filters.eq("_id", doc.getObjectId("_id")), outboxEntry(doc), new ReplaceOptions().upsert(true));
            history.updateOne(Filters.eq("_id", doc.getObjectId("_id")), Updates.unset(UNSTREAMED));
            moved[0]++;
        });
        for (Document index : history.listIndexes()) {
            if (UNSTREAMED.equals(index.getString("name"))) {
                history.dropIndex(UNSTREAMED);
            }
        }
        return moved[0];
    }

    /**
     * Makes each channel's counter continue after the highest {@code sequence_id} stored on it,
     * never moving a counter back: events that KernelCI's API stored (it numbered them from a
     * Redis counter, which this code does not use) keep their numbers and new ones follow them.
     * Returns the channels whose counter moved.
     */
    public static List<String> continueSequencesAfterHistory(MongoDatabase db) {
        MongoCollection<Document> counters = db.getCollection(COUNTERS);
        List<String> moved = new ArrayList<>();
        db.getCollection(HISTORY).aggregate(List.of(Aggregates.group("$channel", Accumulators.max("last", "$sequence_id"))))
                .forEach(d -> {
                    if (d.get("_id") instanceof String channel && d.get("last") instanceof Number last) {
                        Document before = counters.findOneAndUpdate(Filters.eq("_id", channel),
                                Updates.combine(Updates.max("seq", last.longValue()), Updates.set("updated", new Date())),
                                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
                        if (before == null || ((Number) before.get("seq")).longValue() < last.longValue()) {
                            moved.add(channel);
                        }
                    }
                });
        return moved;
    }

    /**
     * Calls {@code listener} with every event stored from now on, once it is stored and before
     * Redis is notified, e.g. to count them; it runs on the writer's thread, so it must be quick.
     */
    public void onAppend(Consumer<StoredEvent> listener) {
        appendListeners.add(listener);
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
        long sequence = sequences.next(channel);
        Instant now = Instant.now();
        String envelope = envelopes.event(now, owner, data, attributes, sequence);
        ObjectId id = new ObjectId();
        // With the events of concurrent writers, in one insert: each writer still returns only
        // once its own event is stored.
        newEvents.insert(new Document("_id", id)
                .append("timestamp", Date.from(now))
                .append("sequence_id", sequence)
                .append("channel", channel)
                .append("owner", owner)
                .append("data", data)
                .append("envelope", envelope));
        StoredEvent event = new StoredEvent(id.toHexString(), channel, sequence, now, owner, data, envelope);
        // Before Redis wakes the listeners: one of them may be keeping the event for them.
        appendListeners.forEach(l -> l.accept(event));
        notifyRedis(event);
        return event;
    }

    /**
     * Increments the channel's counter by {@code count} for that many writers (see
     * {@link SequenceCombiner}); returns the first number. {@code updated} tells readers when a
     * number was last taken, so that a missing sequence can be told apart from one still being written.
     */
    private long takeSequences(String channel, int count) {
        Document before = counters.findOneAndUpdate(new Document("_id", channel),
                Updates.combine(Updates.inc("seq", (long) count), Updates.set("updated", new Date())),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return Counters.next(before);
    }

    /**
     * Counts {@code changes} whose events were suppressed ({@code ?noevent}) on the channel's
     * counter, as {@code unpublished}, so that {@link #changeCount} moves with every change,
     * published or not. A counter created here starts with no sequence taken ({@code seq} 0).
     */
    public void countUnpublished(String channel, int changes) {
        Bson count = Updates.combine(Updates.inc(UNPUBLISHED, (long) changes), Updates.setOnInsert("seq", 0L));
        try {
            counters.updateOne(Filters.eq("_id", channel), count, new UpdateOptions().upsert(true));
        } catch (MongoServerException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Another writer created the counter meanwhile: it exists now.
            counters.updateOne(Filters.eq("_id", channel), count);
        }
    }

    /**
     * The channel's sequence numbers taken plus its unpublished changes: it grows with every change
     * counted on the channel, and a change is counted after it is stored and before its writer
     * returns, so a value read after a change returned is above any value read before it.
     */
    public long changeCount(String channel) {
        Document counter = counters.find(Filters.eq("_id", channel)).first();
        if (counter == null) {
            return 0;
        }
        long unpublished = counter.get(UNPUBLISHED) instanceof Number n ? n.longValue() : 0;
        return ((Number) counter.get("seq")).longValue() + unpublished;
    }

    private void notifyRedis(StoredEvent event) {
        try {
            notifications.send(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Event " + event.channel() + "#" + event.sequence()
                    + " is stored but Redis was not notified; it is added to its stream once Redis is back: " + e.getMessage());
            toOutbox(new Document("_id", new ObjectId(event.id())).append("timestamp", Date.from(event.timestamp()))
                    .append("sequence_id", event.sequence()).append("channel", event.channel()).append("envelope", event.envelope()));
        }
    }

    /**
     * Adds events that could not reach their stream (Redis was down) to it, oldest first, at most
     * {@code max}; returns how many. Each is claimed by atomically taking it out of the outbox, so
     * instances repairing at the same time never add one twice; an event that still cannot be
     * added goes back and waits for the next call.
     */
    public int restream(int max) {
        int added = 0;
        while (added < max) {
            Document doc = outbox.findOneAndDelete(new Document(),
                    new FindOneAndDeleteOptions().sort(Sorts.ascending("timestamp", "sequence_id")));
            if (doc == null) {
                break;
            }
            Map<String, String> fields = StoredEvent.streamFields(doc.getString("channel"), ((Number) doc.get("sequence_id")).longValue(),
                    doc.getString("envelope"));
            try (Jedis jedis = redis.getResource()) {
                RedisNotifications.addToStream(jedis, doc.getString("channel"), fields);
                added++;
            } catch (RuntimeException e) {
                toOutbox(doc);
                LOG.warning("Redis is still unavailable; " + doc.getString("channel") + "#" + fields.get("sequence_id")
                        + " stays in the outbox for its stream: " + e.getMessage());
                break;
            }
        }
        if (added > 0) {
            int count = added;
            LOG.info(() -> "Added " + count + " stored events to their streams after a Redis outage");
        }
        return added;
    }

    private static Document outboxEntry(Document stored) {
        return new Document("_id", stored.getObjectId("_id")).append("timestamp", stored.get("timestamp"))
                .append("sequence_id", stored.get("sequence_id")).append("channel", stored.getString("channel"))
                .append("envelope", stored.getString("envelope"));
    }

    private void toOutbox(Document entry) {
        try {
            outbox.replaceOne(Filters.eq("_id", entry.getObjectId("_id")), entry, new ReplaceOptions().upsert(true));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Event " + entry.getObjectId("_id") + " is stored but neither streamed nor put in the outbox", e);
        }
    }
}
