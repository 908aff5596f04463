package dev.maestro.event.subscription;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import dev.maestro.store.Counters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Subscriptions in MongoDB, shared by every API instance:
 * <ul>
 * <li>{@code subscriptions}: {@code {_id: int, channel, user, promiscuous, subscriber_id, acked,
 * delivered, missed_events, created, last_poll}}, plus {@code closed_reason, closed_at} once
 * closed (kept for a while so that {@code /listen} can say why);</li>
 * <li>{@code subscriber_state}: the durable cursors, KernelCI's shape, one per subscriber id and
 * channel: {@code {subscriber_id, channel, user, promiscuous, last_event_id, created_at,
 * last_poll}};</li>
 * <li>{@code counters}: {@code {_id: "subscription_id", seq}}, the integer ids.</li>
 * </ul>
 * Position updates are compare-and-set on {@code delivered}, so two concurrent {@code /listen}s on
 * one subscription never hand out the same event twice.
 */
public class SubscriptionStore {
    private static final String ID_COUNTER = "subscription_id";
    private static final int MAX_ATTEMPTS = 20;

    private final MongoCollection<Document> subscriptions;
    private final MongoCollection<Document> cursors;
    private final MongoCollection<Document> counters;

    public SubscriptionStore(MongoDatabase db) {
        this.subscriptions = db.getCollection("subscriptions");
        this.cursors = db.getCollection("subscriber_state");
        this.counters = db.getCollection("counters");
    }

    /** Closed subscriptions are forgotten after {@code keepClosed}; after that {@code /listen} says only "not found". */
    public void createIndexes(Duration keepClosed) {
        subscriptions.createIndex(Indexes.ascending("closed_at"),
                new IndexOptions().expireAfter(keepClosed.toSeconds(), TimeUnit.SECONDS).name("closed_at_ttl"));
        subscriptions.createIndex(Indexes.ascending("last_poll"));
        subscriptions.createIndex(Indexes.ascending("subscriber_id", "channel"));
        cursors.createIndex(Indexes.ascending("subscriber_id", "channel"), new IndexOptions().unique(true));
    }

    /**
     * Stores a new subscription under the next integer id. An id handed out twice (two first
     * uses of the counter both creating it) is caught by the primary key and replaced by the next
     * one.
     */
    Subscription insertNew(IntFunction<Subscription> withId) {
        for (int attempt = 1; ; attempt++) {
            try {
                Subscription s = withId.apply(nextId());
                insert(s);
                return s;
            } catch (MongoServerException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private int nextId() {
        return (int) Counters.next(counters.findOneAndUpdate(Filters.eq("_id", ID_COUNTER), Updates.inc("seq", 1),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE)));
    }

    private void insert(Subscription s) {
        subscriptions.insertOne(new Document("_id", s.id())
                .append("channel", s.channel())
                .append("user", s.user())
                .append("promiscuous", s.promiscuous())
                .append("subscriber_id", s.subscriberId())
                .append("acked", s.acked())
                .append("delivered", s.delivered())
                .append("missed_events", s.missedEvents())
                .append("created", Date.from(s.created()))
                .append("last_poll", Date.from(s.lastPoll())));
    }

    Optional<Subscription> find(int id) {
        return Optional.ofNullable(subscriptions.find(Filters.eq("_id", id)).first()).map(SubscriptionStore::fromDocument);
    }

    List<Subscription> live() {
        List<Subscription> out = new ArrayList<>();
        subscriptions.find(Filters.eq("closed_reason", null)).sort(Indexes.ascending("_id"))
                .forEach(d -> out.add(fromDocument(d)));
        return out;
    }

    /**
     * Moves a live subscription's position from {@code from} to {@code to}, and records as
     * {@link #acknowledge} does that everything up to {@code confirmed} is done and that the
     * subscriber is alive; false (recording nothing) if someone else moved it first.
     */
    boolean advance(int id, long from, long to, long confirmed, Instant now) {
        return subscriptions.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("delivered", from),
                Filters.eq("closed_reason", null)), Updates.combine(Updates.set("delivered", to),
                Updates.max("acked", confirmed), Updates.set("last_poll", Date.from(now)))).getModifiedCount() == 1;
    }

    /** Records that everything up to {@code sequence} is done, and that the subscriber is alive. */
    void acknowledge(int id, long sequence, Instant now) {
        subscriptions.updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.max("acked", sequence), Updates.set("last_poll", Date.from(now))));
    }

    void touch(int id, Instant now) {
        subscriptions.updateOne(Filters.eq("_id", id), Updates.set("last_poll", Date.from(now)));
    }

    void close(int id, String reason, Instant now) {
        subscriptions.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("closed_reason", null)), closing(reason, now));
    }

    /** Closes live subscriptions without {@code /listen} since {@code idleSince}; returns how many. */
    long closeIdle(Instant idleSince, String reason, Instant now) {
        return subscriptions.updateMany(Filters.and(Filters.eq("closed_reason", null),
                Filters.lt("last_poll", Date.from(idleSince))), closing(reason, now)).getModifiedCount();
    }

    /** Closes the other live subscriptions of a subscriber id on a channel: one consumer per cursor. */
    void closeOthers(String subscriberId, String channel, int keep, String reason, Instant now) {
        subscriptions.updateMany(Filters.and(Filters.eq("subscriber_id", subscriberId), Filters.eq("channel", channel),
                Filters.ne("_id", keep), Filters.eq("closed_reason", null)), closing(reason, now));
    }

    /**
     * The durable cursor of a subscriber id on a channel, created at {@code start} when it does
     * not exist yet (also when two first subscriptions race).
     */
    DurableCursor cursor(String subscriberId, String channel, String user, boolean promiscuous, long start, Instant now) {
        Bson key = Filters.and(Filters.eq("subscriber_id", subscriberId), Filters.eq("channel", channel));
        UpdateResult created = cursors.updateOne(key, Updates.combine(
                        Updates.setOnInsert("user", user),
                        Updates.setOnInsert("promiscuous", promiscuous),
                        Updates.setOnInsert("last_event_id", start),
                        Updates.setOnInsert("created_at", Date.from(now)),
                        Updates.setOnInsert("last_poll", Date.from(now))),
                new UpdateOptions().upsert(true));
        Document d = cursors.find(key).first();
        return new DurableCursor(d.getString("user"), ((Number) d.get("last_event_id")).longValue(),
                created.getUpsertedId() != null);
    }

    /** Moves a durable cursor forward (never back: an older subscription may acknowledge late). */
    void saveCursor(String subscriberId, String channel, long sequence, Instant now) {
        cursors.updateOne(Filters.and(Filters.eq("subscriber_id", subscriberId), Filters.eq("channel", channel)),
                Updates.combine(Updates.max("last_event_id", sequence), Updates.set("last_poll", Date.from(now))));
    }

    /** A durable cursor: whose it is, where it stands, and whether this call created it. */
    record DurableCursor(String user, long lastEventId, boolean isNew) {
    }

    private static Bson closing(String reason, Instant now) {
        return Updates.combine(Updates.set("closed_reason", reason), Updates.set("closed_at", Date.from(now)));
    }

    private static Subscription fromDocument(Document d) {
        return new Subscription(((Number) d.get("_id")).intValue(), d.getString("channel"), d.getString("user"),
                Boolean.TRUE.equals(d.getBoolean("promiscuous")), d.getString("subscriber_id"),
                ((Number) d.get("acked")).longValue(), ((Number) d.get("delivered")).longValue(),
                ((Number) d.get("missed_events")).longValue(), d.getDate("created").toInstant(),
                d.getDate("last_poll").toInstant(), d.getString("closed_reason"));
    }
}
