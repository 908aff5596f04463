package dev.maestro.store;

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
import java.util.Optional;
import org.bson.Document;

/**
 * A lease held by one instance at a time: a document with a fixed {@code _id} in a collection,
 * created by the holder (the primary key refuses a second one) and valid until
 * {@code expires_at}, so that the lease of an instance that died is taken over once it expires.
 * MongoDB transactions are not used: mongo-java-server has none.
 */
public final class Lease {
    private final MongoCollection<Document> leases;
    private final String id;
    private final String holder;
    private final Duration validity;
    private final Clock clock;

    public Lease(MongoDatabase db, String collection, String id, String holder, Duration validity, Clock clock) {
        this.leases = db.getCollection(collection);
        this.id = id;
        this.holder = holder;
        this.validity = validity;
        this.clock = clock;
    }

    /** Takes the lease if nobody holds it or its holder's lease has run out; false while another holds it. */
    public boolean tryAcquire() {
        Instant now = clock.instant();
        Date expires = Date.from(now.plus(validity));
        try {
            leases.insertOne(new Document("_id", id).append("holder", holder).append("acquired_at", Date.from(now))
                    .append("expires_at", expires));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return leases.updateOne(Filters.and(Filters.eq("_id", id), Filters.lt("expires_at", Date.from(now))),
                Updates.combine(Updates.set("holder", holder), Updates.set("acquired_at", Date.from(now)),
                        Updates.set("expires_at", expires))).getModifiedCount() == 1;
    }

    /**
     * For periodic work that one instance does at a time: renews the lease if this holder has
     * it, else tries to take it. True when this holder may do the work until the lease's validity
     * has passed.
     */
    public boolean holdOrTake() {
        return renew() || tryAcquire();
    }

    /** Extends this holder's lease; false if it does not hold it (any more). */
    public boolean renew() {
        return leases.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("holder", holder)),
                Updates.set("expires_at", Date.from(clock.instant().plus(validity)))).getMatchedCount() == 1;
    }

    public void release() {
        leases.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("holder", holder)));
    }

    /** The current holder and the lease's expiry, if anyone holds it: for messages to operators. */
    public Optional<Document> current() {
        return Optional.ofNullable(leases.find(Filters.eq("_id", id)).first());
    }
}
