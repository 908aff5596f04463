package dev.maestro.event;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.types.ObjectId;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Adds to their stream the stored events that never reached it because their writer died between
 * storing and streaming them (a killed API instance): the event is in the history, so
 * {@code /listen} has it, but no consumer group of the pipeline would ever see it, and no outbox
 * entry was written (that happens only when Redis refuses). Run periodically by one instance; it
 * looks at the events stored since its previous run and at least {@link #SETTLE} old, and compares
 * them with the stream's entries of that time.
 *
 * <p>An event counts as orphaned only when the stream has entries of the same channel on both
 * sides of it (a lower and a higher sequence): a stream that Redis lost, emptied and began again
 * has no entry below the events written before, and those are the consumer groups' catch-up's
 * (from the event history), not this. That catch-up starts at the group's checkpoint, which the
 * resource adapter keeps at or below what this repair has checked ({@link CheckedSequences}), so
 * an orphan is never behind a checkpoint before this repair has looked at it.
 */
public final class OrphanedEvents {
    private static final Logger LOG = Logger.getLogger(OrphanedEvents.class.getName());
    /**
     * How old an event must be before its absence from the stream means its writer is gone. The
     * consumer groups' checkpoints already take a number taken 2 s ago as streamed (see the
     * resource adapter's {@code GroupProgress}); an orphan must be found soon after, before a
     * Redis that loses its data takes the orphan's neighbours with it (should it, the orphan is
     * still after the checkpoints: see {@link CheckedSequences}). A writer slower than this gets
     * its event streamed twice, which consumers take as a redelivery.
     */
    static final Duration SETTLE = Duration.ofSeconds(3);
    /** Redis numbers stream entries by its own clock: how far it may be behind this one. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    /** Looked at in one run at most; a longer backlog is taken over several runs. */
    private static final int MAX_EVENTS = 5000;
    private static final int PAGE = 1000;
    /** Stream entries read per channel in one run at most: ten times the events looked at. */
    private static final int MAX_PAGES = MAX_EVENTS / PAGE * 10;
    private static final String MARK_ID = "orphaned-events";
    /** This repair's marks: how far it has looked, by time, and by sequence per channel ({@link CheckedSequences}). */
    static final String MARKS = "stream_audit";

    private final MongoCollection<Document> history;
    private final MongoCollection<Document> outbox;
    private final MongoCollection<Document> marks;
    private final CheckedSequences checked;
    private final JedisPool redis;
    private final Clock clock;

    public OrphanedEvents(MongoDatabase db, JedisPool redis, Clock clock) {
        this.history = db.getCollection(EventLog.HISTORY);
        this.outbox = db.getCollection(EventLog.OUTBOX);
        this.marks = db.getCollection(MARKS);
        this.checked = new CheckedSequences(db.getCollection(EventLog.COUNTERS), marks, clock);
        this.redis = redis;
        this.clock = clock;
    }

    /** Streams the orphaned events stored since the previous run; returns how many. */
    public int restream() {
        return restream(SETTLE);
    }

    int restream(Duration settle) {
        Instant until = clock.instant().minus(settle);
        Document mark = marks.find(Filters.eq("_id", MARK_ID)).first();
        Instant from = mark == null ? until.minus(Duration.ofMinutes(1)) : mark.getDate("through").toInstant();
        if (!until.isAfter(from)) {
            return 0;
        }
        List<Document> stored = history.find(Filters.and(Filters.gt("timestamp", Date.from(from)), Filters.lte("timestamp", Date.from(until))))
                .projection(Projections.include("channel", "sequence_id", "envelope", "timestamp"))
                .sort(Sorts.ascending("timestamp")).limit(MAX_EVENTS).into(new ArrayList<>());
        Instant through = stored.size() == MAX_EVENTS ? stored.get(stored.size() - 1).getDate("timestamp").toInstant() : until;
        Set<ObjectId> waiting = new HashSet<>();
        outbox.find(Filters.in("_id", stored.stream().map(d -> d.getObjectId("_id")).toList()))
                .projection(Projections.include("_id")).forEach(d -> waiting.add(d.getObjectId("_id")));
        Map<String, Map<Long, Document>> byChannel = new LinkedHashMap<>();
        for (Document d : stored) {
            if (!waiting.contains(d.getObjectId("_id"))) {
                byChannel.computeIfAbsent(d.getString("channel"), c -> new LinkedHashMap<>())
                        .put(((Number) d.get("sequence_id")).longValue(), d);
            }
        }
        int added = 0;
        try (Jedis jedis = redis.getResource()) {
            for (Map.Entry<String, Map<Long, Document>> channel : byChannel.entrySet()) {
                added += restreamChannel(jedis, channel.getKey(), channel.getValue(), from.minus(CLOCK_SKEW));
            }
        } catch (JedisConnectionException e) {
            // Redis is away: the same events are looked at again once it is back (the mark stays).
            LOG.fine(() -> "Orphaned events not looked for, Redis is unavailable: " + e.getMessage());
            return added;
        }
        marks.replaceOne(Filters.eq("_id", MARK_ID), new Document("_id", MARK_ID).append("through", Date.from(through)),
                new ReplaceOptions().upsert(true));
        checked.advance(through);
        return added;
    }

    private int restreamChannel(Jedis jedis, String channel, Map<Long, Document> events, Instant scanFrom) {
        Set<Long> missing = new HashSet<>(events.keySet());
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        String stream = StoredEvent.streamOf(channel);
        String start = scanFrom.toEpochMilli() + "-0";
        for (int page = 0; page < MAX_PAGES; page++) {
            List<StreamEntry> entries = jedis.xrange(stream, start, "+", PAGE);
            for (StreamEntry entry : entries) {
                long sequence = Long.parseLong(entry.getFields().getOrDefault("sequence_id", "-1"));
                missing.remove(sequence);
                lowest = Math.min(lowest, sequence);
                highest = Math.max(highest, sequence);
            }
            if (entries.size() < PAGE) {
                break;
            }
            start = "(" + entries.get(entries.size() - 1).getID();
        }
        int added = 0;
        for (long sequence : missing) {
            if (sequence > lowest && sequence < highest) {
                Document d = events.get(sequence);
                EventLog.addToStream(jedis, channel, StoredEvent.streamFields(channel, sequence, d.getString("envelope")));
                LOG.warning("Event " + channel + "#" + sequence + " was stored but never reached its stream (its writer died"
                        + " in between, or took longer than " + SETTLE.toSeconds() + " s): added it now");
                added++;
            }
        }
        return added;
    }
}
