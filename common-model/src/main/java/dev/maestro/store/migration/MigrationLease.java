package dev.maestro.store.migration;

import com.mongodb.client.MongoDatabase;
import dev.maestro.store.Lease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;

/**
 * The lock that lets one instance at a time migrate: the {@link Lease} {@code migrate} in
 * {@code migration_lock}, waited for while another instance holds it.
 */
final class MigrationLease {
    static final String COLLECTION = "migration_lock";
    private static final Duration POLL = Duration.ofMillis(200);

    private final Lease lease;
    private final Clock clock;

    MigrationLease(MongoDatabase db, String holder, Duration validity, Clock clock) {
        this.lease = new Lease(db, COLLECTION, "migrate", holder, validity, clock);
        this.clock = clock;
    }

    /** Takes the lock, waiting at most {@code wait} for another holder to release it or for its lease to expire. */
    void acquire(Duration wait) throws InterruptedException {
        Instant deadline = clock.instant().plus(wait);
        while (!lease.tryAcquire()) {
            if (clock.instant().isAfter(deadline)) {
                Document other = lease.current().orElse(null);
                throw new MigrationException("Another Maestro EE instance ("
                        + (other == null ? "unknown" : other.getString("holder")) + ") has been migrating the database for more than "
                        + wait.toSeconds() + " s; its lock expires at " + (other == null ? "?" : other.getDate("expires_at").toInstant())
                        + ". Start again once it has finished, or remove the lock document from " + COLLECTION + " if it died.");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Extends the lease before a long step, so that it is not taken over while still in use. */
    void renew() {
        lease.renew();
    }

    void release() {
        lease.release();
    }
}
