package dev.maestro.pipeline.ra.stream;

import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.history.Checkpoint;
import dev.maestro.pipeline.ra.history.EventHistorySource;
import dev.maestro.pipeline.ra.history.HistoryEvent;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;
import redis.clients.jedis.resps.StreamPendingEntry;
import redis.clients.jedis.resps.StreamPendingSummary;

/**
 * A consumer group's progress kept in MongoDB by {@code sequence_id}, so that the group never
 * depends on Redis keeping its data. Every couple of seconds the group's checkpoint is moved to
 * the highest sequence below every entry of its stream it has not acknowledged (pending, or not
 * yet delivered), and never past what the stream repair has checked (an event whose writer died
 * before streaming it is in no stream until the repair adds it). When this consumer (re)creates the group (a new step, or a Redis that came back
 * empty), it first delivers, straight from the event history, every event after the checkpoint
 * up to the channel's last sequence; the group then carries on from the stream. Events added to
 * the stream around the re-creation may come twice (at least once, as everywhere else); events
 * gone from the history meanwhile (expired, or never written) are logged as a gap with its size.
 *
 * <p>Each life of the group in Redis has an incarnation id, kept in Redis beside the group and in
 * the checkpoint: only an instance that sees the checkpoint's incarnation in Redis may move it,
 * so an instance still looking at a Redis that lost its data cannot move it past what the new
 * group has yet to catch up.
 */
final class GroupProgress {
    private static final Logger LOG = Logger.getLogger(GroupProgress.class.getName());
    private static final long CHECKPOINT_INTERVAL_MILLIS = 2000;
    /** Entries looked at to place the checkpoint; a group further behind keeps its checkpoint until it catches up. */
    private static final int SCAN_LIMIT = 2000;

    private final ConsumerSettings settings;
    private final EventHistorySource history;
    private final ConsumerCounters counters;
    private final DeadLetters deadLetters;
    private final DeliveryTarget target;
    private final String channel;
    private long nextCheckpointAt;
    /**
     * The channel's last sequence at the previous tick: every write numbered up to it has had
     * time to reach the stream. Unknown (negative) until the first tick has read it.
     */
    private long settledSequence = -1;

    GroupProgress(ConsumerSettings settings, EventHistorySource history, ConsumerCounters counters, DeadLetters deadLetters,
                  DeliveryTarget target) {
        this.settings = settings;
        this.history = history;
        this.counters = counters;
        this.deadLetters = deadLetters;
        this.target = target;
        this.channel = EventStreams.channelOf(settings.stream());
    }

    private String incarnationKey() {
        return "maestro:groups:" + settings.stream() + ":" + settings.group() + ":incarnation";
    }

    /**
     * Called by the consumer that created the group, before it reads from it: delivers what the
     * group missed since its checkpoint, then records the new incarnation's checkpoint.
     * {@code running} says whether to go on (a stopping consumer leaves the rest: its checkpoint
     * is unchanged, so the next creation catches up again).
     */
    void groupCreated(Jedis jedis, BooleanSupplier running) {
        if (!history.enabled()) {
            return;
        }
        String incarnation = UUID.randomUUID().toString();
        jedis.set(incarnationKey(), incarnation);
        Optional<Checkpoint> before = history.checkpoint(settings.group(), channel);
        long upTo = history.lastSequence(channel);
        if (before.isEmpty()) {
            LOG.info("Group " + settings.group() + " on " + settings.stream() + " has no checkpoint (a new step): it starts after "
                    + channel + "#" + upTo);
        } else if (!catchUp(jedis, before.get().through(), upTo, running)) {
            return;
        }
        history.resetCheckpoint(settings.group(), channel, new Checkpoint(upTo, incarnation));
    }

    private boolean catchUp(Jedis jedis, long after, long upTo, BooleanSupplier running) {
        if (upTo <= after) {
            return true;
        }
        LOG.warning("Group " + settings.group() + " was (re)created on " + settings.stream() + " (Redis lost it, or it is new there):"
                + " delivering " + channel + "#" + (after + 1) + ".." + upTo + " from the event history");
        long[] delivered = {0};
        boolean[] stopped = {false};
        long found = history.eachEvent(channel, after, upTo, event -> {
            if (stopped[0] || !running.getAsBoolean()) {
                stopped[0] = true;
                return;
            }
            deliverFromHistory(jedis, event);
            delivered[0]++;
        });
        if (stopped[0]) {
            return false;
        }
        counters.caughtUp.addAndGet(delivered[0]);
        long gap = upTo - after - found;
        if (gap > 0) {
            counters.historyGap.addAndGet(gap);
            LOG.warning("Gap of " + gap + " events for group " + settings.group() + ": " + channel + "#" + (after + 1) + ".." + upTo
                    + " holds only " + found + " stored events (the others expired from the history or were never written)");
        }
        LOG.info("Group " + settings.group() + " caught up from the event history: " + found + " events, up to " + channel + "#" + upTo);
        return true;
    }

    /** As a stream entry would be: filtered, delivered with retries, dead-lettered after the last one. */
    private void deliverFromHistory(Jedis jedis, HistoryEvent event) {
        Envelope envelope = Envelope.parse(event.envelope());
        if (!settings.filter().matches(envelope)) {
            counters.filtered.incrementAndGet();
            return;
        }
        String entryId = "history:" + event.sequence();
        for (int attempt = 1; ; attempt++) {
            counters.deliveries.incrementAndGet();
            try {
                target.deliver(new EventDelivery(settings.stream(), settings.group(), entryId, channel, event.sequence(), envelope.id(),
                        event.envelope(), attempt));
                counters.acknowledged.incrementAndGet();
                return;
            } catch (Exception e) {
                counters.failures.incrementAndGet();
                String error = StreamConsumer.describe(e);
                LOG.warning("Delivery from the history failed: event " + envelope.id() + " (" + channel + "#" + event.sequence()
                        + ") to group " + settings.group() + ", delivery " + attempt + " of at most " + settings.maxDeliveries() + ": " + error);
                if (attempt >= settings.maxDeliveries()) {
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("channel", channel);
                    fields.put("sequence_id", Long.toString(event.sequence()));
                    fields.put("event", event.envelope());
                    deadLetters.send(jedis, fields, entryId, attempt, error);
                    return;
                }
                counters.redeliveries.incrementAndGet();
                sleep(settings.retryDelayMillis());
            }
        }
    }

    /** Moves the checkpoint at most every couple of seconds; any instance of the group may. */
    void maybeCheckpoint(Jedis jedis, long nowMillis) {
        if (!history.enabled() || nowMillis < nextCheckpointAt) {
            return;
        }
        nextCheckpointAt = nowMillis + CHECKPOINT_INTERVAL_MILLIS;
        // A writer takes its number before it adds its event to the stream: numbers taken since
        // the previous tick may belong to events on their way there, which the checkpoint must not pass.
        long settled = settledSequence;
        settledSequence = history.lastSequence(channel);
        if (settled < 0) {
            return;
        }
        String incarnation = jedis.get(incarnationKey());
        if (incarnation == null) {
            adoptUncheckpointedGroup(jedis, settled);
            return;
        }
        // An event whose writer died before streaming it reaches the stream only through the stream
        // repair: the checkpoint does not pass what the repair has not checked yet, so that a Redis
        // losing its data before the repair found such an event leaves it to the catch-up.
        long checked = history.streamCheckedThrough(channel);
        if (checked == EventHistorySource.NOT_CHECKED) {
            return;
        }
        // Events stored while Redis was away reach the stream later, after newer ones: the checkpoint
        // stays below the oldest of them until the stream repair has added it.
        long unstreamed = history.oldestUnstreamed(channel).orElse(Long.MAX_VALUE);
        long bound = Math.min(Math.min(settled, checked), unstreamed - 1);
        acknowledgedThrough(jedis, settled).ifPresent(through -> history.advanceCheckpoint(settings.group(), channel,
                new Checkpoint(Math.min(through, bound), incarnation)));
    }

    /**
     * A group created before checkpoints existed (or whose creator died before naming its
     * incarnation) gets one here, if it has no checkpoint yet; a group with a checkpoint but no
     * incarnation in Redis is being (re)created, and only its creator moves it.
     */
    private void adoptUncheckpointedGroup(Jedis jedis, long settled) {
        if (history.checkpoint(settings.group(), channel).isPresent()) {
            return;
        }
        String incarnation = UUID.randomUUID().toString();
        if ("OK".equals(jedis.set(incarnationKey(), incarnation, SetParams.setParams().nx()))) {
            long through = Math.min(acknowledgedThrough(jedis, settled).orElse(0L), settled);
            history.resetCheckpoint(settings.group(), channel, new Checkpoint(through, incarnation));
            LOG.info("Group " + settings.group() + " on " + settings.stream() + " is checkpointed from now on, at " + channel + "#" + through);
        }
    }

    /**
     * The highest sequence below every entry of the stream the group has not acknowledged; when
     * it has acknowledged them all, {@code settled} (every event numbered up to it has reached the
     * stream by now, or waits in the outbox, which the caller accounts for). Not the last entry's
     * sequence: the stream repair appends older events after newer ones. Empty when that cannot
     * be told cheaply.
     */
    OptionalLong acknowledgedThrough(Jedis jedis, long settled) {
        List<StreamGroupInfo> groups = jedis.xinfoGroups(settings.stream());
        Optional<StreamEntryID> lastDelivered = groups.stream().filter(g -> settings.group().equals(g.getName()))
                .map(StreamGroupInfo::getLastDeliveredId).findFirst();
        if (lastDelivered.isEmpty()) {
            return OptionalLong.empty();
        }
        StreamPendingSummary summary = jedis.xpending(settings.stream(), settings.group());
        Set<StreamEntryID> pending = new HashSet<>();
        String from = "(" + lastDelivered.get();
        if (summary.getTotal() > 0) {
            if (summary.getTotal() > SCAN_LIMIT) {
                return OptionalLong.empty();
            }
            jedis.xpending(settings.stream(), settings.group(), XPendingParams.xPendingParams(StreamEntryID.MINIMUM_ID,
                    StreamEntryID.MAXIMUM_ID, SCAN_LIMIT)).stream().map(StreamPendingEntry::getID).forEach(pending::add);
            from = summary.getMinId().toString();
        }
        List<StreamEntry> entries = jedis.xrange(settings.stream(), from, "+", SCAN_LIMIT);
        if (entries.size() >= SCAN_LIMIT) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (StreamEntry entry : entries) {
            if (entry.getID().compareTo(lastDelivered.get()) > 0 || pending.contains(entry.getID())) {
                lowest = Math.min(lowest, StreamConsumer.sequenceOf(entry.getFields()));
            }
        }
        if (lowest != Long.MAX_VALUE) {
            return lowest > 0 ? OptionalLong.of(lowest - 1) : OptionalLong.empty();
        }
        return OptionalLong.of(settled);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
