package dev.maestro.pipeline.ra.stream;

import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.history.EventHistorySource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.function.ToLongFunction;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * Feeds one stream to one delivery target through one consumer group, at least once.
 *
 * <p>Each round: (1) take over entries that another consumer of the group left unacknowledged
 * for longer than the claim idle time ({@code XAUTOCLAIM}: that consumer is presumed dead);
 * (2) deliver again this consumer's own entries whose delivery failed, once the retry delay has
 * passed ({@code XPENDING … IDLE}, then {@code XCLAIM}, which counts the delivery); (3) read new
 * entries ({@code XREADGROUP … >}, blocking a while). An entry is acknowledged ({@code XACK})
 * only after the target returns; after {@code maxDeliveries} deliveries without acknowledgement
 * it goes to the dead-letter stream. Redis counts deliveries, so the count survives crashes.
 * While entries are being delivered a heartbeat keeps them claimed, so a live consumer never
 * loses them, however long a delivery takes.
 *
 * <p>Any Redis error (a restart, a lost connection, a group that vanished with a Redis that kept
 * no data) closes the connection; the consumer reconnects every second, creating the group again
 * if needed, until it is stopped. The consumer that (re)creates a group first delivers what the
 * group missed since its checkpoint in MongoDB, from the event history ({@link GroupProgress}).
 */
public final class StreamConsumer implements Runnable {
    private static final Logger LOG = Logger.getLogger(StreamConsumer.class.getName());
    private static final long RECONNECT_DELAY_MILLIS = 1000;

    private final RedisAddress redis;
    private final ConsumerSettings settings;
    private final DeliveryTarget target;
    private final ConsumerCounters counters;
    private final DeadLetters deadLetters;
    private final GroupProgress progress;
    private final Timer heartbeats;
    private final Set<StreamEntryID> held = ConcurrentHashMap.newKeySet();
    private final Object pause = new Object();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean running = true;
    private StreamEntryID claimCursor = StreamEntryID.MINIMUM_ID;
    /** This consumer created the group and has not yet caught it up from the event history. */
    private volatile boolean created;

    /**
     * {@code heartbeats} runs the keep-alive of held entries (the server's timer, from the
     * bootstrap context); {@code history} keeps the group's checkpoint and feeds its catch-up.
     */
    public StreamConsumer(RedisAddress redis, ConsumerSettings settings, DeliveryTarget target, ConsumerCounters counters,
                          Timer heartbeats, EventHistorySource history) {
        this.redis = redis;
        this.settings = settings;
        this.target = target;
        this.counters = counters;
        this.heartbeats = heartbeats;
        this.deadLetters = new DeadLetters(settings, counters);
        this.progress = new GroupProgress(settings, history, counters, deadLetters, target);
    }

    /**
     * Creates the group now if Redis answers, so that events added right after activation are
     * not missed by a group starting at {@code $}; otherwise {@link #run()} creates it later.
     */
    public void createGroupIfReachable() {
        try (Jedis jedis = connect()) {
            ensureGroup(jedis);
        } catch (JedisException e) {
            LOG.info("Redis at " + redis + " is not reachable yet; the group " + settings.group() + " is created when it is: " + e.getMessage());
        }
    }

    @Override
    public void run() {
        LOG.info("Consuming " + settings);
        boolean disconnected = false;
        try {
            while (running) {
                try (Jedis jedis = connect()) {
                    ensureGroup(jedis);
                    if (created) {
                        progress.groupCreated(jedis, () -> running);
                        created = false;
                    }
                    if (disconnected) {
                        counters.reconnects.incrementAndGet();
                        LOG.info("Reconnected to Redis at " + redis + " for " + settings.stream() + " group " + settings.group());
                        disconnected = false;
                    }
                    while (running) {
                        round(jedis);
                    }
                } catch (RuntimeException e) {
                    if (running && !disconnected) {
                        LOG.warning("Lost Redis at " + redis + " for " + settings.stream() + " group " + settings.group()
                                + "; reconnecting every " + RECONNECT_DELAY_MILLIS + " ms: " + e);
                        disconnected = true;
                    }
                    pause(RECONNECT_DELAY_MILLIS);
                }
            }
        } finally {
            finished.countDown();
            LOG.info("Stopped consuming " + settings.stream() + " as " + settings.group() + "/" + settings.consumer());
        }
    }

    /** Asks the consumer to stop and waits (bounded) until its current delivery and read are over. */
    public void stop() {
        requestStop();
        awaitStopped();
    }

    /** Asks the consumer to stop after its current delivery and read; returns at once. */
    public void requestStop() {
        synchronized (pause) {
            running = false;
            pause.notifyAll();
        }
    }

    /** Waits until the consumer has stopped, at most one read block and five seconds. */
    public void awaitStopped() {
        try {
            if (!finished.await(settings.blockMillis() + 5000L, TimeUnit.MILLISECONDS)) {
                LOG.warning("Consumer " + settings.group() + "/" + settings.consumer() + " still busy; leaving it to finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Jedis connect() {
        return new Jedis(redis.host(), redis.port(), DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(2000)
                .socketTimeoutMillis(settings.blockMillis() + 5000)
                .clientName("maestro:" + settings.group() + ":" + settings.consumer())
                .build());
    }

    private void ensureGroup(Jedis jedis) {
        try {
            jedis.xgroupCreate(settings.stream(), settings.group(), settings.startId(), true);
            created = true;
            LOG.info("Created consumer group " + settings.group() + " on " + settings.stream() + " from " + settings.startFrom());
        } catch (JedisDataException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    private void round(Jedis jedis) {
        reclaimAbandoned(jedis);
        retryFailed(jedis);
        readNew(jedis);
        progress.maybeCheckpoint(jedis, System.currentTimeMillis());
    }

    private void reclaimAbandoned(Jedis jedis) {
        Map.Entry<StreamEntryID, List<StreamEntry>> claimed = jedis.xautoclaim(settings.stream(), settings.group(), settings.consumer(),
                settings.claimIdleMillis(), claimCursor, XAutoClaimParams.xAutoClaimParams().count(settings.batchSize()));
        claimCursor = claimed.getKey();
        List<StreamEntry> entries = claimed.getValue().stream().filter(e -> e != null).toList();
        if (entries.isEmpty()) {
            return;
        }
        counters.reclaimed.addAndGet(entries.size());
        LOG.info("Reclaimed " + entries.size() + " entries of " + settings.stream() + " for group " + settings.group()
                + " left unacknowledged for over " + settings.claimIdleMillis() + " ms by stopped consumers: "
                + entries.stream().map(e -> e.getID().toString()).collect(Collectors.joining(" ")));
        // XAUTOCLAIM has counted this delivery already.
        Map<StreamEntryID, Long> deliveries = jedis.xpending(settings.stream(), settings.group(),
                        XPendingParams.xPendingParams(entries.get(0).getID(), entries.get(entries.size() - 1).getID(), entries.size())
                                .consumer(settings.consumer()))
                .stream().collect(Collectors.toMap(StreamPendingEntry::getID, StreamPendingEntry::getDeliveredTimes));
        List<StreamEntry> deliverable = new ArrayList<>();
        for (StreamEntry entry : entries) {
            long count = deliveries.getOrDefault(entry.getID(), 2L);
            if (count > settings.maxDeliveries()) {
                deadLetters.send(jedis, entry, count - 1, "not acknowledged after " + (count - 1) + " deliveries");
            } else {
                deliverable.add(entry);
            }
        }
        deliverBatch(jedis, deliverable, entry -> deliveries.getOrDefault(entry.getID(), 2L));
    }

    private void retryFailed(Jedis jedis) {
        List<StreamPendingEntry> pending = jedis.xpending(settings.stream(), settings.group(),
                XPendingParams.xPendingParams(StreamEntryID.MINIMUM_ID, StreamEntryID.MAXIMUM_ID, settings.batchSize())
                        .idle(settings.retryDelayMillis()).consumer(settings.consumer()));
        Map<StreamEntryID, Long> retries = new LinkedHashMap<>();
        for (StreamPendingEntry p : pending) {
            if (p.getDeliveredTimes() < settings.maxDeliveries()) {
                retries.put(p.getID(), p.getDeliveredTimes());
                continue;
            }
            // Its last delivery never completed (the instance stopped or crashed during it).
            List<StreamEntry> entry = jedis.xrange(settings.stream(), p.getID(), p.getID(), 1);
            if (entry.isEmpty()) {
                jedis.xack(settings.stream(), settings.group(), p.getID());
            } else {
                deadLetters.send(jedis, entry.get(0), p.getDeliveredTimes(), "not acknowledged after " + p.getDeliveredTimes() + " deliveries");
            }
        }
        if (retries.isEmpty()) {
            return;
        }
        // XCLAIM to ourselves counts the new delivery; entries trimmed from the stream meanwhile come back empty.
        List<StreamEntry> claimed = jedis.xclaim(settings.stream(), settings.group(), settings.consumer(),
                settings.retryDelayMillis(), XClaimParams.xClaimParams(), retries.keySet().toArray(StreamEntryID[]::new));
        Set<StreamEntryID> found = new HashSet<>();
        List<StreamEntry> entries = new ArrayList<>();
        for (StreamEntry entry : claimed) {
            if (entry != null) {
                found.add(entry.getID());
                entries.add(entry);
            }
        }
        for (StreamEntryID gone : retries.keySet()) {
            if (!found.contains(gone)) {
                jedis.xack(settings.stream(), settings.group(), gone);
            }
        }
        deliverBatch(jedis, entries, entry -> retries.get(entry.getID()) + 1);
    }

    private void readNew(Jedis jedis) {
        List<Map.Entry<String, List<StreamEntry>>> read = jedis.xreadGroup(settings.group(), settings.consumer(),
                XReadGroupParams.xReadGroupParams().count(settings.batchSize()).block(settings.blockMillis()),
                Map.of(settings.stream(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        if (read != null) {
            for (Map.Entry<String, List<StreamEntry>> stream : read) {
                deliverBatch(jedis, stream.getValue(), entry -> 1L);
            }
        }
    }

    /**
     * Delivers entries one after the other. Meanwhile a heartbeat re-claims the entries not yet
     * finished every third of the claim idle time, so that a long delivery (a slow step, or a long
     * batch behind it) does not look abandoned to the other instances: only a consumer that has
     * stopped beating loses its entries.
     */
    private void deliverBatch(Jedis jedis, List<StreamEntry> entries, ToLongFunction<StreamEntry> deliveryCount) {
        if (entries.isEmpty()) {
            return;
        }
        entries.forEach(e -> held.add(e.getID()));
        TimerTask heartbeat = new TimerTask() {
            @Override
            public void run() {
                keepHeld();
            }
        };
        long period = Math.max(100, settings.claimIdleMillis() / 3);
        heartbeats.schedule(heartbeat, period, period);
        try {
            for (StreamEntry entry : entries) {
                if (!running) {
                    // Left pending: this consumer (same name) or another one delivers it later.
                    return;
                }
                deliver(jedis, entry, deliveryCount.applyAsLong(entry));
                held.remove(entry.getID());
            }
        } finally {
            heartbeat.cancel();
            held.clear();
        }
    }

    private void keepHeld() {
        StreamEntryID[] ids = held.toArray(StreamEntryID[]::new);
        if (ids.length == 0) {
            return;
        }
        try (Jedis jedis = connect()) {
            // JUSTID: resets the idle time without counting a delivery.
            jedis.xclaimJustId(settings.stream(), settings.group(), settings.consumer(), 0, XClaimParams.xClaimParams(), ids);
        } catch (RuntimeException e) {
            LOG.warning("Heartbeat for " + ids.length + " entries of " + settings.stream() + " in group " + settings.group()
                    + " failed; if it keeps failing another instance will deliver them too: " + e);
        }
    }

    private void deliver(Jedis jedis, StreamEntry entry, long deliveryCount) {
        Map<String, String> fields = entry.getFields();
        Envelope envelope = Envelope.parse(fields.get("event"));
        if (!settings.filter().matches(envelope)) {
            jedis.xack(settings.stream(), settings.group(), entry.getID());
            counters.filtered.incrementAndGet();
            return;
        }
        counters.deliveries.incrementAndGet();
        if (deliveryCount > 1) {
            counters.redeliveries.incrementAndGet();
        }
        EventDelivery delivery = new EventDelivery(settings.stream(), settings.group(), entry.getID().toString(),
                fields.get("channel"), sequenceOf(fields), envelope.id(), fields.get("event"), deliveryCount);
        try {
            target.deliver(delivery);
        } catch (Exception e) {
            counters.failures.incrementAndGet();
            String error = describe(e);
            LOG.log(Level.WARNING, "Delivery failed: event " + delivery.eventId() + " (" + settings.stream() + " entry " + entry.getID()
                    + ") to group " + settings.group() + ", delivery " + deliveryCount + " of at most " + settings.maxDeliveries() + ": " + error);
            if (deliveryCount >= settings.maxDeliveries()) {
                deadLetters.send(jedis, entry, deliveryCount, error);
            }
            return;
        }
        jedis.xack(settings.stream(), settings.group(), entry.getID());
        counters.acknowledged.incrementAndGet();
        if (deliveryCount > 1) {
            LOG.info("Redelivered event " + delivery.eventId() + " (" + settings.stream() + " entry " + entry.getID() + ") to group "
                    + settings.group() + " on delivery " + deliveryCount);
        }
    }

    static long sequenceOf(Map<String, String> fields) {
        String sequence = fields.get("sequence_id");
        try {
            return sequence == null ? 0 : Long.parseLong(sequence);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The innermost cause, which says what the bean threw rather than how the container wrapped it. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }

    private void pause(long millis) {
        synchronized (pause) {
            if (running) {
                try {
                    pause.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }
}
