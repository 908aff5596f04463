package dev.maestro.event.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Non-durable subscriptions as this instance last read or moved them, and when: a {@code /listen}
 * that comes within {@link #FRESH} of that starts from here instead of reading the subscription,
 * which was one of its two MongoDB round trips under load. A stale entry (the subscription moved
 * or closed by another instance) costs correctness nothing: claiming an event is a compare-and-set
 * on the stored position, which fails for a moved or closed subscription, and a listener that
 * waits reads the subscription again at the poll interval. It can only delay the 404 of a
 * subscription closed elsewhere by up to a poll interval. Durable subscriptions are not kept: what
 * a {@code /listen} confirms is saved under their subscriber id, and must come from the stored
 * position.
 */
final class SeenSubscriptions {
    static final Duration FRESH = Duration.ofSeconds(1);

    private record Known(Subscription subscription, Instant at) {
    }

    private final ConcurrentHashMap<Integer, Known> known = new ConcurrentHashMap<>();
    private final Clock clock;

    SeenSubscriptions(Clock clock) {
        this.clock = clock;
    }

    /** The subscription as last known, if that was less than {@link #FRESH} ago. */
    Optional<Subscription> fresh(int id) {
        Known k = known.get(id);
        return k != null && k.at().plus(FRESH).isAfter(clock.instant()) ? Optional.of(k.subscription()) : Optional.empty();
    }

    /** Remembers a live subscription as just read or written; a durable one is forgotten instead. */
    Subscription saw(Subscription s) {
        if (s.durable() || !s.live()) {
            known.remove(s.id());
        } else {
            known.put(s.id(), new Known(s, clock.instant()));
        }
        return s;
    }

    void forget(int id) {
        known.remove(id);
    }

    /** Drops what is no longer fresh, so that subscriptions no one listens to any more are not kept forever. */
    void prune() {
        Instant staleBefore = clock.instant().minus(FRESH);
        known.values().removeIf(k -> k.at().isBefore(staleBefore));
    }
}
