package dev.maestro.event;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 * entry was written (that happens only when Redis refuses). Run periodically by one instance; per
 * channel it takes the numbers taken since its previous run and at least {@link #SETTLE} ago
 * ({@link CheckedSequences}), reads the stream's entries of that time, and looks up in the history
 * only the numbers the stream lacks. So its cost follows the events written since, not the
 * history: every read of the history is an exact {@code (channel, sequence_id)} lookup, which
 * even the embedded MongoDB-wire server answers from the index (it would answer a range of
 * timestamps by reading the whole history).
 *
 * <p>An event counts as orphaned only when the stream has entries of the same channel on both
 * sides of it (a lower and a higher sequence): a stream that Redis lost, emptied and began again
 * has no entry below the events written before, and those are the consumer groups' catch-up's
 * (from the event history), not this. That catch-up starts at the group's checkpoint, which the
 * resource adapter keeps at or below what this repair has checked, so an orphan is never behind a
 * checkpoint before this repair has looked at it. A number the stream lacks and the history does
 * not hold was never stored (its writer failed first): there is nothing to add.
 */
public final class OrphanedEvents {
    private static final Logger LOG = Logger.getLogger(OrphanedEvents.class.getName());
    /**
     * How long ago a number must have been taken before its absence from the stream means its
     * writer is gone. The consumer groups' checkpoints already take a number taken 2 s ago as
     * streamed (see the resource adapter's {@code GroupProgress}); an orphan must be found soon
     * after, before a Redis that loses its data takes the orphan's neighbours with it (should it,
     * the orphan is still after the checkpoints: see {@link CheckedSequences}). A writer slower
     * than this gets its event streamed twice, which consumers take as a redelivery.
     */
    static final Duration SETTLE = Duration.ofSeconds(3);
    /** Redis numbers stream entries by its own clock: how far it may be behind this one. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    /** Numbers looked at per channel in one run at most; a longer backlog is taken over several runs. */
    private static final int MAX_EVENTS = 5000;
    private static final int PAGE = 1000;
    /** Stream entries read per channel in one run at most: ten times the numbers looked at. */
    private static final int MAX_PAGES = MAX_EVENTS / PAGE * 10;
    /** This repair's marks: how far it has checked each channel ({@link CheckedSequences}). */
    static final String MARKS = "stream_audit";

    private final EventHistory history;
    private final MongoCollection<Document> outbox;
    private final CheckedSequences checked;
    private final JedisPool redis;
    private final Clock clock;

    public OrphanedEvents(MongoDatabase db, JedisPool redis, Clock clock) {
        this.history = new EventHistory(db);
        this.outbox = db.getCollection(EventLog.OUTBOX);
        this.checked = new CheckedSequences(db.getCollection(EventLog.COUNTERS), db.getCollection(MARKS));
        this.redis = redis;
        this.clock = clock;
    }

    /** Streams the orphaned events among the numbers taken since the previous run; returns how many. */
    public int restream() {
        return restream(SETTLE);
    }

    int restream(Duration settle) {
        Instant now = clock.instant();
        Map<String, CheckedSequences.Mark> marks = checked.marks();
        List<CheckedSequences.LastTaken> lastTaken = checked.lastTaken();
        int added = 0;
        try (Jedis jedis = redis.getResource()) {
            for (CheckedSequences.LastTaken taken : lastTaken) {
                CheckedSequences.Mark stored = marks.get(taken.channel());
                CheckedSequences.Mark before = stored != null ? stored : CheckedSequences.Mark.firstSight(taken, MAX_EVENTS, now);
                CheckedSequences.Mark after = before.next(taken, now, now.minus(settle), MAX_EVENTS);
                if (after.through() > before.through()) {
                    added += restreamChannel(jedis, taken.channel(), before, after.through());
                }
                // A quiet channel's mark stays as it is: no write for it every 2 s.
                if (!after.equals(stored)) {
                    checked.save(after);
                }
            }
        } catch (JedisConnectionException e) {
            // Redis is away: the same numbers are looked at again once it is back (the marks stay).
            LOG.fine(() -> "Orphaned events not looked for, Redis is unavailable: " + e.getMessage());
        }
        return added;
    }

    /** Adds to the stream the stored events numbered after {@code mark.through()} up to {@code upTo} that it lacks. */
    private int restreamChannel(Jedis jedis, String channel, CheckedSequences.Mark mark, long upTo) {
        Set<Long> missing = new TreeSet<>();
        for (long n = mark.through() + 1; n <= upTo; n++) {
            missing.add(n);
        }
        String stream = StoredEvent.streamOf(channel);
        String start = mark.throughAt() == null ? "-" : mark.throughAt().minus(CLOCK_SKEW).toEpochMilli() + "-0";
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        String from = start;
        for (int page = 0; page < MAX_PAGES; page++) {
            List<StreamEntry> entries = jedis.xrange(stream, from, "+", PAGE);
            for (StreamEntry entry : entries) {
                long sequence = sequenceOf(entry);
                missing.remove(sequence);
                lowest = Math.min(lowest, sequence);
                highest = Math.max(highest, sequence);
            }
            if (entries.size() < PAGE) {
                break;
            }
            from = "(" + entries.get(entries.size() - 1).getID();
        }
        if (missing.isEmpty()) {
            return 0;
        }
        if (lowest >= missing.iterator().next() && !"-".equals(start)) {
            // A quiet channel's lower neighbour may have been streamed before the entries read.
            for (StreamEntry before : jedis.xrevrange(stream, "(" + start, "-", 1)) {
                lowest = Math.min(lowest, sequenceOf(before));
            }
        }
        int added = 0;
        for (long sequence : missing) {
            if (sequence > lowest && sequence < highest && restreamStored(jedis, channel, sequence)) {
                added++;
            }
        }
        return added;
    }

    /** Adds the stored event to its stream unless it was never stored or waits in the outbox. */
    private boolean restreamStored(Jedis jedis, String channel, long sequence) {
        Optional<StoredEvent> stored = history.at(channel, sequence);
        if (stored.isEmpty() || outbox.find(new Document("_id", new ObjectId(stored.get().id()))).first() != null) {
            return false;
        }
        RedisNotifications.addToStream(jedis, channel, stored.get().streamFields());
        LOG.warning("Event " + channel + "#" + sequence + " was stored but never reached its stream (its writer died"
                + " in between, or took longer than " + SETTLE.toSeconds() + " s): added it now");
        return true;
    }

    private static long sequenceOf(StreamEntry entry) {
        return Long.parseLong(entry.getFields().getOrDefault("sequence_id", "-1"));
    }
}
