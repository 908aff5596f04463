package dev.maestro.event.subscription;

import dev.maestro.error.ForbiddenException;
import dev.maestro.error.NotFoundException;
import dev.maestro.event.Envelopes;
import dev.maestro.event.EventHistory;
import dev.maestro.event.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.JedisPool;

/**
 * Subscribe, listen, unsubscribe. A subscription is a position in its channel's history, stored
 * in MongoDB; {@code /listen} delivers the next visible event after it, in sequence order,
 * waiting (without holding a request thread) until one is stored, and answers a keep-alive
 * after {@link ListenSettings#keepAlive()}.
 *
 * <p>Acknowledgement is KernelCI's: a {@code /listen} confirms the event the previous one
 * delivered. A durable subscription saves the confirmed position under its subscriber id, and a
 * new subscription with that id resumes right after it, so a subscriber that crashed, or whose
 * API server restarted, gets again at most the one event it had not confirmed.
 *
 * <p>Subscriptions without {@code /listen} for {@link ListenSettings#idleTimeout()} are closed;
 * their {@code /listen} then answers 404 saying so. The service owns a few threads (from the
 * given factory) for waiting listeners, the Redis watcher and that clean-up.
 */
public class SubscriptionService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SubscriptionService.class.getName());
    /** Events read by one range query, when looking past a gap. */
    private static final int SCAN_BATCH = 50;
    /** Events passed over (not visible to the subscriber) before the position is saved. */
    private static final int SCAN_LIMIT = 200;
    private static final int THREADS = 4;
    private static final Duration MIN_WAIT = Duration.ofMillis(5);

    private final SubscriptionStore store;
    private final EventHistory history;
    private final Envelopes envelopes;
    private final ListenSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final ChannelWatcher watcher;
    private final SeenSubscriptions seen;

    public SubscriptionService(SubscriptionStore store, EventHistory history, Envelopes envelopes, JedisPool redis,
                               ListenSettings settings, ThreadFactory threads, Clock clock) {
        this.store = store;
        this.history = history;
        this.envelopes = envelopes;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = Executors.newScheduledThreadPool(THREADS, threads);
        this.watcher = new ChannelWatcher(redis, threads);
        this.seen = new SeenSubscriptions(clock);
    }

    /** Starts the Redis watcher and the periodic closing of idle subscriptions. */
    public void start() {
        watcher.start();
        long period = Math.max(1, Math.min(60, settings.idleTimeout().toSeconds() / 3));
        scheduler.scheduleWithFixedDelay(this::closeIdleLogged, period, period, TimeUnit.SECONDS);
    }

    /**
     * Subscribes {@code user} to a channel from now on, or, with a {@code subscriberId} seen
     * before on this channel, from right after its last confirmed event. A subscriber id belongs
     * to the user who first used it; a new subscription with it closes the older ones.
     */
    public Subscription subscribe(String channel, String user, boolean promiscuous, String subscriberId) {
        Instant now = clock.instant();
        long start = history.lastSequence(channel);
        long missed = 0;
        if (subscriberId != null) {
            SubscriptionStore.DurableCursor cursor = store.cursor(subscriberId, channel, user, promiscuous, start, now);
            if (!cursor.user().equals(user)) {
                throw new ForbiddenException("Subscriber id '" + subscriberId + "' belongs to another user");
            }
            if (!cursor.isNew()) {
                start = cursor.lastEventId();
                missed = history.missingAfter(channel, start, now, settings.gapWait());
                if (missed > 0) {
                    LOG.warning("Subscriber '" + subscriberId + "' resumes " + channel + " after #" + start + ", but "
                            + missed + " events after it are no longer in the history (retention passed)");
                }
            }
        }
        return open(channel, user, promiscuous, subscriberId, start, missed, now);
    }

    private Subscription open(String channel, String user, boolean promiscuous, String subscriberId, long start, long missed,
                              Instant now) {
        Subscription s = store.insertNew(id -> new Subscription(id, channel, user, promiscuous, subscriberId, start, start,
                missed, now, now, null));
        if (subscriberId != null) {
            store.closeOthers(subscriberId, channel, s.id(), "replaced by subscription " + s.id() + " of subscriber_id '"
                    + subscriberId + "'", now);
        }
        return s;
    }

    public void unsubscribe(int id, String user) {
        owned(id, user);
        seen.forget(id);
        store.close(id, "unsubscribed", clock.instant());
    }

    /**
     * The next event for the subscription as a listen message, or a keep-alive when none came
     * within the keep-alive period. Confirms the previously delivered event: a durable cursor at
     * once, the subscription together with the next position it claims (or before it waits).
     */
    public CompletionStage<ListenMessage> listen(int id, String user) {
        Subscription s = seen.fresh(id).filter(k -> k.user().equals(user)).orElseGet(() -> owned(id, user));
        Instant now = clock.instant();
        // The subscription itself records the confirmation with the position it claims next, or
        // before it waits: one MongoDB round trip less per event for a subscriber catching up.
        if (s.durable() && s.delivered() > s.acked()) {
            store.saveCursor(s.subscriberId(), s.channel(), s.delivered(), now);
        }
        Instant deadline = settings.keepAlive().isZero() ? null : now.plus(settings.keepAlive());
        CompletableFuture<ListenMessage> result = new CompletableFuture<>();
        attempt(id, s, false, s.delivered(), deadline, result);
        return result;
    }

    /** Live subscriptions of all API instances. */
    public List<Map<String, Object>> stats() {
        return store.live().stream().map(Subscription::toStatsJson).toList();
    }

    /** Closes subscriptions idle for longer than the idle timeout; returns how many. */
    public long closeIdle() {
        seen.prune();
        Instant now = clock.instant();
        return store.closeIdle(now.minus(settings.idleTimeout()), "closed after " + settings.idleTimeout().toSeconds()
                + " s without /listen; subscribe again, with the same subscriber_id to resume", now);
    }

    @Override
    public void close() {
        watcher.close();
        scheduler.shutdownNow();
    }

    /**
     * A future completed at the next publication on {@code channel}: for other readers of the
     * history that wait for news (the dashboard's live pages). Only a hint, as for listeners: a
     * notification lost with Redis is not an event lost, so waiters also read at their own
     * interval. {@link #forgetWake} it when done waiting.
     */
    public CompletableFuture<Void> nextPublish(String channel) {
        return watcher.nextPublish(channel);
    }

    public void forgetWake(String channel, CompletableFuture<Void> wake) {
        watcher.forget(channel, wake);
    }

    /**
     * One try: deliver the next event if there is one, answer the keep-alive if the deadline
     * passed, else wait for a notification on the channel, the poll interval or the end of a gap,
     * and try again on the service's threads. The wake-up is registered before reading, so a
     * publication between the read and the wait is not missed.
     *
     * <p>{@code known} is the subscription as last read or moved by this {@code /listen}. A stale
     * position is harmless: claiming an event is a compare-and-set on it, which fails for a moved
     * or closed subscription (then read again). So a try woken by a publication reads only the
     * history; one woken by the poll interval reads the subscription again ({@code reread}), to
     * notice a closed one. {@code confirmed} is the position this {@code /listen} confirms,
     * recorded with the event it claims or with its keep-alive, not before it waits (under load
     * that write came once per event and subscriber).
     */
    private void attempt(int id, Subscription known, boolean reread, long confirmed, Instant deadline,
                         CompletableFuture<ListenMessage> result) {
        String channel = known.channel();
        CompletableFuture<Void> wake = watcher.nextPublish(channel);
        try {
            Subscription read = reread ? live(id) : known;
            HistoryScan scan = next(read, confirmed);
            if (scan.event() != null) {
                result.complete(new ListenMessage(channel, scan.event().envelope()));
                return;
            }
            // Where the scan left the position, past events this subscriber may not see.
            Subscription s = read.withDelivered(scan.position());
            Instant now = clock.instant();
            if (deadline != null && !now.isBefore(deadline)) {
                confirm(s, confirmed, now);
                result.complete(new ListenMessage(channel, envelopes.keepAlive()));
                return;
            }
            if (reread && s.lastPoll().plus(settings.idleTimeout().dividedBy(3)).isBefore(now)) {
                // A long wait (keep-alives off, or longer than the idle timeout) must not look idle.
                store.touch(id, now);
            }
            long waitMillis = waitFor(now, deadline, scan.retryAt()).toMillis();
            CompletableFuture<Void> w = wake;
            ScheduledFuture<?> timer = scheduler.schedule(() -> w.complete(null), waitMillis, TimeUnit.MILLISECONDS);
            w.thenRunAsync(() -> {
                boolean polled = timer.isDone();
                timer.cancel(false);
                watcher.forget(channel, w);
                attempt(id, s, polled, confirmed, deadline, result);
            }, scheduler);
            wake = null;
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        } finally {
            if (wake != null) {
                watcher.forget(channel, wake);
            }
        }
    }

    /** Records the confirmation and that the subscriber is alive, when answering without an event. */
    private void confirm(Subscription s, long confirmed, Instant now) {
        if (confirmed > s.acked()) {
            store.acknowledge(s.id(), confirmed, now);
            seen.saw(s.claimed(s.delivered(), confirmed));
        } else {
            store.touch(s.id(), now);
        }
    }

    private Duration waitFor(Instant now, Instant deadline, Instant retryAt) {
        Duration wait = settings.pollInterval();
        if (deadline != null) {
            wait = min(wait, Duration.between(now, deadline));
        }
        if (retryAt != null) {
            wait = min(wait, Duration.between(now, retryAt));
        }
        return wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
    }

    /**
     * Finds the next visible event and claims it by moving the subscription's position; events
     * the subscriber may not see are passed over. Returns the scan with the claimed event, or
     * without one (nothing new, or blocked by a gap).
     */
    private HistoryScan next(Subscription subscription, long confirmed) {
        Subscription s = subscription;
        while (true) {
            long from = s.delivered();
            HistoryScan scan = scan(s, from);
            if (scan.position() == from) {
                return scan;
            }
            if (!store.advance(s.id(), from, scan.position(), confirmed, clock.instant())) {
                s = live(s.id());
                continue;
            }
            seen.saw(s.claimed(scan.position(), confirmed));
            for (HistoryScan.Gap gap : scan.skipped()) {
                LOG.warning("Subscription " + s.id() + " skips " + s.channel() + " #" + gap.first()
                        + (gap.last() > gap.first() ? "-" + gap.last() : "") + ": not in the history "
                        + settings.gapWait().toMillis() + " ms after later events (writer failed or retention passed)");
            }
            if (scan.event() != null || scan.retryAt() != null) {
                return scan;
            }
            s = s.withDelivered(scan.position());
        }
    }

    /** Reads on from {@code from} until a visible event, a gap to wait for, the end, or {@link #SCAN_LIMIT} events. */
    private HistoryScan scan(Subscription s, long from) {
        long position = from;
        List<HistoryScan.Gap> skipped = new ArrayList<>();
        for (int read = 0; read < SCAN_LIMIT; ) {
            List<StoredEvent> batch = following(s.channel(), position);
            if (batch.isEmpty()) {
                break;
            }
            HistoryScan part = HistoryScan.of(position, batch, s::visible, clock.instant(), settings.gapWait());
            skipped.addAll(part.skipped());
            position = part.position();
            if (part.event() != null || part.retryAt() != null) {
                return new HistoryScan(part.event(), position, part.retryAt(), skipped);
            }
            read += batch.size();
        }
        return new HistoryScan(null, position, null, skipped);
    }

    /**
     * The stored events right after {@code position}: the next one alone when it is stored (kept
     * in memory, or one exact index lookup), else a range read to look past a gap, which is needed
     * only when later sequences have been taken. Unless a notification already told of a later
     * event, the channel's counter is read first: for a listener keeping up, that one read says
     * there is nothing new yet (it was two, the event's lookup then the counter).
     */
    private List<StoredEvent> following(String channel, long position) {
        Optional<StoredEvent> kept = history.kept(channel, position + 1);
        if (kept.isPresent()) {
            return List.of(kept.get());
        }
        boolean announced = watcher.notifiedUpTo(channel) > position;
        if (!announced && history.lastSequence(channel) <= position) {
            return List.of();
        }
        Optional<StoredEvent> next = history.at(channel, position + 1);
        if (next.isPresent()) {
            return List.of(next.get());
        }
        // Rare: the next number is taken but not stored yet, or a gap; the counter tells which.
        if (history.lastSequence(channel) <= position + 1) {
            return List.of();
        }
        return history.after(channel, position, SCAN_BATCH);
    }

    /** The caller's subscription: 404 when unknown or closed (saying why), 403 when someone else's. */
    private Subscription owned(int id, String user) {
        Subscription s = stored(id);
        if (!s.user().equals(user)) {
            throw new ForbiddenException("Subscription " + id + " is not owned by " + user);
        }
        if (!s.live()) {
            throw notFound(id, s.closedReason());
        }
        return s;
    }

    private Subscription live(int id) {
        Subscription s = stored(id);
        if (!s.live()) {
            throw notFound(id, s.closedReason());
        }
        return s;
    }

    /** The subscription as stored, remembered as seen. */
    private Subscription stored(int id) {
        Optional<Subscription> s = store.find(id);
        if (s.isEmpty()) {
            seen.forget(id);
            throw notFound(id, null);
        }
        return seen.saw(s.get());
    }

    private static NotFoundException notFound(int id, String closedReason) {
        return new NotFoundException("Subscription id not found: " + id + (closedReason == null ? "" : " (" + closedReason + ")"));
    }

    private void closeIdleLogged() {
        try {
            long closed = closeIdle();
            if (closed > 0) {
                LOG.info("Closed " + closed + " subscriptions idle for more than " + settings.idleTimeout().toSeconds() + " s");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Closing idle subscriptions failed; retrying at the next period", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
