package dev.maestro.event.subscription;

import dev.maestro.event.Envelopes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPubSub;

/**
 * Wakes waiting listeners of a channel when Redis says something was published on it. One
 * pattern subscription per process, on its own thread, reconnecting after a Redis outage; every
 * reconnection wakes all waiters, since notifications sent meanwhile were lost. A wake-up is only
 * a hint to read the history now: waiters also read it at their poll interval, so a lost
 * notification delays an event but never loses it.
 */
final class ChannelWatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChannelWatcher.class.getName());
    private static final long RECONNECT_MILLIS = 500;
    /** Channels whose notified sequence is kept; others are simply not known ({@link #notifiedUpTo} 0). */
    private static final int MAX_NOTIFIED_CHANNELS = 1024;

    private final JedisPool redis;
    private final Thread thread;
    private final ConcurrentHashMap<String, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> notified = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile JedisPubSub current;
    private volatile boolean outage;

    ChannelWatcher(JedisPool redis, ThreadFactory threads) {
        this.redis = redis;
        this.thread = threads.newThread(this::run);
        this.thread.setName("maestro-channel-watcher");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** A future completed at the next notification on the channel; {@link #forget} it if unused. */
    CompletableFuture<Void> nextPublish(String channel) {
        CompletableFuture<Void> wake = new CompletableFuture<>();
        waiting.compute(channel, (k, set) -> {
            Set<CompletableFuture<Void>> s = set == null ? new HashSet<>() : set;
            s.add(wake);
            return s;
        });
        return wake;
    }

    /**
     * The highest sequence a notification on the channel carried (0 when none was seen): an event
     * with that number has been stored. Only a hint, like the wake-ups: notifications can be lost.
     */
    long notifiedUpTo(String channel) {
        return notified.getOrDefault(channel, 0L);
    }

    void forget(String channel, CompletableFuture<Void> wake) {
        waiting.computeIfPresent(channel, (k, set) -> {
            set.remove(wake);
            return set.isEmpty() ? null : set;
        });
    }

    private void wake(String channel) {
        Set<CompletableFuture<Void>> set = waiting.remove(channel);
        if (set != null) {
            set.forEach(f -> f.complete(null));
        }
    }

    /** Keeps the sequence a stored event's envelope carries; other messages carry none. */
    private void noteSequence(String channel, String message) {
        if (notified.size() < MAX_NOTIFIED_CHANNELS || notified.containsKey(channel)) {
            Envelopes.sequenceOf(message).ifPresent(sequence -> notified.merge(channel, sequence, Math::max));
        }
    }

    private void wakeAll() {
        List.copyOf(waiting.keySet()).forEach(this::wake);
    }

    private void run() {
        while (closed.getCount() > 0) {
            JedisPubSub pubsub = new JedisPubSub() {
                @Override
                public void onPSubscribe(String pattern, int subscribedChannels) {
                    if (outage) {
                        LOG.info("Redis notifications are back");
                        outage = false;
                    }
                    wakeAll();
                }

                @Override
                public void onPMessage(String pattern, String channel, String message) {
                    noteSequence(channel, message);
                    wake(channel);
                }
            };
            current = pubsub;
            try (Jedis jedis = redis.getResource()) {
                jedis.psubscribe(pubsub, "*");
            } catch (RuntimeException e) {
                if (!outage && closed.getCount() > 0) {
                    LOG.warning("Redis notifications unavailable, listeners poll the event history until it is back: "
                            + e.getMessage());
                    outage = true;
                }
            }
            try {
                closed.await(RECONNECT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed.countDown();
        JedisPubSub pubsub = current;
        if (pubsub != null && pubsub.isSubscribed()) {
            try {
                pubsub.punsubscribe();
            } catch (RuntimeException e) {
                LOG.fine(() -> "Redis notifications already gone at close: " + e.getMessage());
            }
        }
        thread.interrupt();
    }
}
