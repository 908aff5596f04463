package dev.maestro.pipeline.reporting;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.maestro.store.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code summariesdue} collection: the done checkouts whose summary must be looked at
 * again because a result under them settled, one record per checkout however many results
 * settled meanwhile ({@code marks} counts them). A burst of results under a done checkout then
 * costs one summary computation per pass instead of one per result (each reads the checkout's
 * whole subtree), and none is lost: a pass claims a record ({@code held_until}, by compare-and-set,
 * so one instance looks at a checkout at a time) and deletes it only if no result marked it
 * again meanwhile. A re-marked record rests until the next pass; a claim whose instance died
 * lapses after {@link #LEASE}.
 */
@ApplicationScoped
public class SummaryDueRecords {
    static final String COLLECTION = "summariesdue";
    /** Far longer than one summary takes (well under a second for thousands of results). */
    static final Duration LEASE = Duration.ofMinutes(1);
    /** How long a record marked again during its pass waits before it is claimed again. */
    static final Duration REST = Duration.ofSeconds(1);

    @Inject
    MongoConnection mongo;

    /** A claimed checkout, with the number of marks it had when claimed. */
    public record Claim(String checkoutId, int marks) {
    }

    /** Records that {@code checkoutId}'s summary is due: one small upsert. */
    public void mark(String checkoutId) {
        Bson filter = Filters.eq("_id", checkoutId);
        Bson update = Updates.inc("marks", 1);
        try {
            due().updateOne(filter, update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Two first marks at once: the other one inserted the record; count this one in it.
            due().updateOne(filter, update);
        }
    }

    /** Claims one due checkout that no instance holds, for {@code instance}; empty when none is. */
    public Optional<Claim> claim(String instance, Instant now) {
        Document claimed = due().findOneAndUpdate(
                Filters.or(Filters.exists("held_until", false), Filters.lte("held_until", Date.from(now))),
                Updates.combine(Updates.set("held_by", instance), Updates.set("held_until", Date.from(now.plus(LEASE)))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(d -> new Claim(d.getString("_id"), d.getInteger("marks", 0)));
    }

    /**
     * Ends {@code instance}'s claim after its pass: the record goes if nothing marked it since the
     * claim (true), else it rests for {@link #REST} and is claimed again after that (false).
     */
    public boolean finish(Claim claim, String instance, Instant now) {
        Bson held = Filters.and(Filters.eq("_id", claim.checkoutId()), Filters.eq("held_by", instance));
        if (due().deleteOne(Filters.and(held, Filters.eq("marks", claim.marks()))).getDeletedCount() == 1) {
            return true;
        }
        due().updateOne(held, Updates.set("held_until", Date.from(now.plus(REST))));
        return false;
    }

    private MongoCollection<Document> due() {
        return mongo.database().getCollection(COLLECTION);
    }
}
