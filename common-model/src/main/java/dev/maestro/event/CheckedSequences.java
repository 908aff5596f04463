package dev.maestro.event;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * How far the stream repair has checked each channel, by sequence: one document per channel in
 * {@code stream_audit}, {@code {_id: "checked/<channel>", channel, through, through_at, notes}}.
 * Every event numbered up to {@code through} is in its stream, waits in the outbox, was added by
 * the repair, or was never stored. The pipeline's resource adapter keeps its consumer groups'
 * checkpoints at or below it: an orphan the repair has yet to find is then still after the
 * checkpoint when a Redis that lost its data makes the group catch up from the history.
 *
 * <p>The repair checks a number once it was taken {@code settle} ago. The channel's counter says
 * which number was taken last and when; each run also notes the last number with the run's time,
 * so that a busy channel, whose counter moves on at every run, still has numbers known to be that
 * old. Every number above {@code through} was taken after {@code through_at}, which tells the
 * repair where in the stream to start reading.
 */
final class CheckedSequences {
    private static final String PREFIX = "checked/";
    /** Notes kept per channel: the settle time spans two or three runs. */
    private static final int MAX_NOTES = 10;

    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> marks;

    CheckedSequences(MongoCollection<Document> counters, MongoCollection<Document> marks) {
        this.counters = counters;
        this.marks = marks;
    }

    static String idOf(String channel) {
        return PREFIX + channel;
    }

    /** A channel's last taken number and when it was taken (null when the counter does not say). */
    record LastTaken(String channel, long seq, Instant updated) {
    }

    /** A number seen as the channel's last at a run's time. */
    record Note(long seq, Instant at) {
    }

    /**
     * A channel's mark: numbers up to {@code through} are checked; those above were taken after
     * {@code throughAt} (null: not known, the whole stream is read).
     */
    record Mark(String channel, long through, Instant throughAt, List<Note> notes) {
        /**
         * The mark of a channel the repair has not seen: a short history is checked from its
         * start; a long one (a database from before the repair, or adopted) from now on.
         */
        static Mark firstSight(LastTaken taken, int maxEvents, Instant now) {
            return taken.seq() <= maxEvents ? new Mark(taken.channel(), 0, null, List.of())
                    : new Mark(taken.channel(), taken.seq(), now, List.of());
        }

        /**
         * The mark after a run at {@code now} that may check every number taken by
         * {@code settled}, at most {@code maxEvents} of them; it never moves back.
         */
        Mark next(LastTaken taken, Instant now, Instant settled, int maxEvents) {
            long upTo = through;
            Instant upToAt = throughAt;
            if (taken.updated() != null && !taken.updated().isAfter(settled) && taken.seq() > upTo) {
                // Nothing taken since: later numbers come after the counters were read, after now.
                upTo = taken.seq();
                upToAt = now;
            } else {
                for (Note note : notes) {
                    if (!note.at().isAfter(settled) && note.seq() > upTo) {
                        upTo = note.seq();
                        upToAt = note.at();
                    }
                }
            }
            if (upTo - through > maxEvents) {
                upTo = through + maxEvents;
                upToAt = throughAt;
            }
            long checked = upTo;
            List<Note> kept = new ArrayList<>(notes.stream().filter(n -> n.seq() > checked).toList());
            if (taken.seq() > checked && (kept.isEmpty() || kept.get(kept.size() - 1).seq() < taken.seq())) {
                kept.add(new Note(taken.seq(), now));
            }
            List<Note> latest = kept.subList(Math.max(0, kept.size() - MAX_NOTES), kept.size());
            return new Mark(channel, checked, upToAt, List.copyOf(latest));
        }
    }

    /** Every channel's last taken number; read after the run's time, so every number shown was taken before it. */
    List<LastTaken> lastTaken() {
        List<LastTaken> taken = new ArrayList<>();
        for (Document counter : counters.find()) {
            if (counter.get("_id") instanceof String channel && counter.get("seq") instanceof Number seq) {
                Date updated = counter.getDate("updated");
                taken.add(new LastTaken(channel, seq.longValue(), updated == null ? null : updated.toInstant()));
            }
        }
        return taken;
    }

    /** The marks by channel; a mark without {@code through} (written by an earlier version) counts as none. */
    Map<String, Mark> marks() {
        Map<String, Mark> byChannel = new HashMap<>();
        marks.find(Filters.regex("_id", "^" + PREFIX)).forEach(d -> {
            if (d.get("through") instanceof Number through) {
                Date at = d.getDate("through_at");
                List<Note> notes = d.getList("notes", Document.class, List.of()).stream()
                        .map(n -> new Note(((Number) n.get("seq")).longValue(), n.getDate("at").toInstant())).toList();
                byChannel.put(d.getString("channel"), new Mark(d.getString("channel"), through.longValue(),
                        at == null ? null : at.toInstant(), notes));
            }
        });
        return byChannel;
    }

    void save(Mark mark) {
        Document doc = new Document("_id", idOf(mark.channel())).append("channel", mark.channel()).append("through", mark.through())
                .append("through_at", mark.throughAt() == null ? null : Date.from(mark.throughAt()))
                .append("notes", mark.notes().stream().map(n -> new Document("seq", n.seq()).append("at", Date.from(n.at()))).toList());
        marks.replaceOne(Filters.eq("_id", idOf(mark.channel())), doc, new ReplaceOptions().upsert(true));
    }
}
