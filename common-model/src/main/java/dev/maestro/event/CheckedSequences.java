package dev.maestro.event;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * How far the stream repair has checked each channel, by sequence: one document per channel in
 * {@code stream_audit}, {@code {_id: "checked/<channel>", channel, through, taken, taken_at}}.
 * Every event numbered up to {@code through} is in its stream, waits in the outbox, or was added
 * by the repair. The pipeline's resource adapter keeps its consumer groups' checkpoints at or
 * below it: an orphan the repair has yet to find is then still after the checkpoint when a Redis
 * that lost its data makes the group catch up from the history.
 *
 * <p>The repair checks events by their timestamp, the checkpoints count by sequence; a number is
 * known to be checked by when it was taken. Each run notes a channel's last number and the time
 * ({@code taken}, {@code taken_at}); once the repair has checked every event stored until
 * {@link #TIMESTAMP_LAG} after that time, the noted number becomes {@code through}. A channel
 * whose last number was taken before that already counts as checked through it.
 */
final class CheckedSequences {
    /** Between a writer taking its number and timestamping its event (the same method, no I/O between). */
    static final Duration TIMESTAMP_LAG = Duration.ofSeconds(1);
    private static final String PREFIX = "checked/";

    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> marks;
    private final Clock clock;

    CheckedSequences(MongoCollection<Document> counters, MongoCollection<Document> marks, Clock clock) {
        this.counters = counters;
        this.marks = marks;
        this.clock = clock;
    }

    static String idOf(String channel) {
        return PREFIX + channel;
    }

    /** Called after the repair has checked every event stored until {@code checkedUntil}. */
    void advance(Instant checkedUntil) {
        Map<String, Document> noted = new HashMap<>();
        marks.find(Filters.regex("_id", "^" + PREFIX)).forEach(d -> noted.put(d.getString("channel"), d));
        List<Document> lastTaken = counters.find().into(new ArrayList<>());
        // Read after the counters: every number they show was taken before this.
        Date now = Date.from(clock.instant());
        Instant takenBefore = checkedUntil.minus(TIMESTAMP_LAG);
        for (Document counter : lastTaken) {
            if (counter.get("_id") instanceof String channel && counter.get("seq") instanceof Number seq) {
                advance(channel, seq.longValue(), counter.getDate("updated"), noted.get(channel), takenBefore, now);
            }
        }
    }

    private void advance(String channel, long seq, Date updated, Document mark, Instant takenBefore, Date now) {
        Date notedAt = mark == null ? null : mark.getDate("taken_at");
        Bson through;
        if (updated != null && !updated.toInstant().isAfter(takenBefore)) {
            // Nothing taken on the channel since: all of it is checked.
            if (mark != null && mark.get("through") instanceof Number t && t.longValue() >= seq) {
                return;
            }
            through = Updates.max("through", seq);
        } else if (notedAt != null && !notedAt.toInstant().isAfter(takenBefore)) {
            through = Updates.max("through", ((Number) mark.get("taken")).longValue());
        } else if (notedAt != null) {
            // The noted number is not checked yet: keep it, rather than note a newer one that would wait longer.
            return;
        } else {
            through = null;
        }
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("channel", channel), Updates.set("taken", seq),
                Updates.set("taken_at", now)));
        if (through != null) {
            updates.add(through);
        }
        marks.updateOne(Filters.eq("_id", idOf(channel)), Updates.combine(updates), new UpdateOptions().upsert(true));
    }
}
