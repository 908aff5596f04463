package dev.maestro.event;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.maestro.time.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Reads the event log: a channel's events in sequence order (what {@code /listen} delivers from),
 * the channel's last taken sequence, and filtered searches for {@code GET /events}.
 */
public class EventHistory {
    private final MongoCollection<Document> history;
    private final MongoCollection<Document> counters;
    private final RecentEvents recent = new RecentEvents();

    public EventHistory(MongoDatabase db) {
        this.history = db.getCollection(EventLog.HISTORY);
        this.counters = db.getCollection(EventLog.COUNTERS);
    }

    /** The last sequence taken on the channel (0 when none); later events are numbered above it. */
    public long lastSequence(String channel) {
        Document counter = counters.find(Filters.eq("_id", channel)).first();
        return counter == null ? 0 : ((Number) counter.get("seq")).longValue();
    }

    /**
     * The stored event with that sequence: from the {@link RecentEvents} of this instance, or
     * else an exact lookup on the (channel, sequence_id) index, which {@code /listen} makes for
     * every event it delivers that is not kept. The filter is a plain document
     * with exactly the index's keys, not an {@code $and}: the embedded MongoDB-wire server uses a
     * unique index only for that shape and otherwise reads the whole history.
     */
    public Optional<StoredEvent> at(String channel, long sequence) {
        Optional<StoredEvent> kept = recent.at(channel, sequence);
        if (kept.isPresent()) {
            return kept;
        }
        Optional<StoredEvent> stored = Optional.ofNullable(history.find(new Document("channel", channel)
                .append("sequence_id", sequence)).first()).map(EventHistory::toEvent);
        stored.ifPresent(recent::remember);
        return stored;
    }

    /** The event with that sequence if this instance keeps it in memory ({@link RecentEvents}); no database read. */
    public Optional<StoredEvent> kept(String channel, long sequence) {
        return recent.at(channel, sequence);
    }

    /**
     * Keeps {@code event}, just stored by this instance, for {@link #at}: wire it to
     * {@link EventLog#onAppend} where one process both writes and reads events.
     */
    public void remember(StoredEvent event) {
        recent.remember(event);
    }

    /** Up to {@code limit} stored events of the channel after {@code sequence}, in sequence order. */
    public List<StoredEvent> after(String channel, long sequence, int limit) {
        List<StoredEvent> events = new ArrayList<>();
        history.find(Filters.and(Filters.eq("channel", channel), Filters.gt("sequence_id", sequence)))
                .sort(Sorts.ascending("sequence_id"))
                .limit(limit)
                .forEach(d -> events.add(toEvent(d)));
        return events;
    }

    /**
     * How many events after {@code cursor} are gone from the history for good: they expired
     * (older than the retention period) or their writer failed. Sequences taken within
     * {@code settle} may still be being written and are not counted.
     */
    public long missingAfter(String channel, long cursor, Instant now, Duration settle) {
        Document oldest = history.find(Filters.eq("channel", channel))
                .sort(Sorts.ascending("sequence_id")).limit(1).first();
        if (oldest != null) {
            long first = ((Number) oldest.get("sequence_id")).longValue();
            boolean settled = oldest.getDate("timestamp").toInstant().plus(settle).isBefore(now);
            return settled && first > cursor + 1 ? first - cursor - 1 : 0;
        }
        Document counter = counters.find(Filters.eq("_id", channel)).first();
        if (counter == null) {
            return 0;
        }
        Date updated = counter.getDate("updated");
        boolean settled = updated == null || updated.toInstant().plus(settle).isBefore(now);
        return settled ? Math.max(0, ((Number) counter.get("seq")).longValue() - cursor) : 0;
    }

    /**
     * Events matching {@code filter}, as {@code GET /events} shows them: {@code id} for
     * {@code _id}, naive UTC timestamps, without the stored envelope. {@code limit} 0 means all.
     */
    public List<Map<String, Object>> find(Bson filter, Bson sort, int skip, int limit) {
        FindIterable<Document> found = history.find(filter).projection(Projections.exclude("envelope"))
                .sort(sort).skip(skip).limit(limit);
        List<Map<String, Object>> out = new ArrayList<>();
        found.forEach(d -> out.add(toJson(d)));
        return out;
    }

    private static StoredEvent toEvent(Document d) {
        return new StoredEvent(d.getObjectId("_id").toHexString(), d.getString("channel"),
                ((Number) d.get("sequence_id")).longValue(), d.getDate("timestamp").toInstant(),
                d.getString("owner"), d.get("data"), d.getString("envelope"));
    }

    private static Map<String, Object> toJson(Document d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", d.getObjectId("_id").toHexString());
        d.forEach((key, value) -> {
            if (!key.equals("_id")) {
                out.put(key, plain(value));
            }
        });
        return out;
    }

    /** BSON values as JSON shows them: dates as naive UTC text, ObjectIds as hex. */
    private static Object plain(Object value) {
        if (value instanceof Date date) {
            return Timestamps.format(date);
        }
        if (value instanceof ObjectId id) {
            return id.toHexString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(EventHistory::plain).toList();
        }
        return value;
    }
}
