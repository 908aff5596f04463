package dev.maestro.store.migration;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * The lock that lets one instance at a time migrate: a document with a fixed {@code _id} in
 * {@code migration_lock}, created by the holder (the primary key refuses a second one) and valid
 * until {@code expires_at}, so that the lock of an instance that died while migrating is taken
 * over once it expires. MongoDB transactions are not used: mongo-java-server has none.
 */
final class MigrationLease {
    static final String COLLECTION = "migration_lock";
    private static final String ID = "migrate";
    private static final Duration POLL = Duration.ofMillis(200);

    private final MongoCollection<Document> locks;
    private final String holder;
    private final Duration validity;
    private final Clock clock;

    MigrationLease(MongoDatabase db, String holder, Duration validity, Clock clock) {
        this.locks = db.getCollection(COLLECTION);
        this.holder = holder;
        this.validity = validity;
        this.clock = clock;
    }

    /** Takes the lock, waiting at most {@code wait} for another holder to release it or for its lease to expire. */
    void acquire(Duration wait) throws InterruptedException {
        Instant deadline = clock.instant().plus(wait);
        while (!tryAcquire()) {
            if (clock.instant().isAfter(deadline)) {
                Document other = locks.find(Filters.eq("_id", ID)).first();
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
        locks.updateOne(Filters.and(Filters.eq("_id", ID), Filters.eq("holder", holder)),
                Updates.set("expires_at", Date.from(clock.instant().plus(validity))));
    }

    void release() {
        locks.deleteOne(Filters.and(Filters.eq("_id", ID), Filters.eq("holder", holder)));
    }

    private boolean tryAcquire() {
        Instant now = clock.instant();
        Date expires = Date.from(now.plus(validity));
        try {
            locks.insertOne(new Document("_id", ID).append("holder", holder).append("acquired_at", Date.from(now))
                    .append("expires_at", expires));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        // Held: take it over only if its lease has run out (its holder died while migrating).
        return locks.updateOne(Filters.and(Filters.eq("_id", ID), Filters.lt("expires_at", Date.from(now))),
                Updates.combine(Updates.set("holder", holder), Updates.set("acquired_at", Date.from(now)),
                        Updates.set("expires_at", expires))).getModifiedCount() == 1;
    }
}
