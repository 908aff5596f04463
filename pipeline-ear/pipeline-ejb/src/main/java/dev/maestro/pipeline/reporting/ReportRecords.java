package dev.maestro.pipeline.reporting;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.maestro.pipeline.results.ReportMail;
import dev.maestro.store.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code reports} collection: one record per checkout, written once when its summary is
 * complete ({@code _id} = the checkout's id, so a second writer gets a duplicate key and
 * stops), holding the summary, its mail as rendered then ({@code mail.subject}, {@code text},
 * {@code html}, {@code to}) and the mail's delivery: {@code mail.state} {@code none} (no
 * report entry covers the checkout), {@code pending} (due at {@code mail.next_attempt}),
 * {@code sending} (claimed by one instance, by compare-and-set) or {@code sent}, with
 * {@code attempts} and {@code last_error}.
 */
@ApplicationScoped
public class ReportRecords {
    static final String COLLECTION = "reports";
    /**
     * A claim older than this is taken as its instance's death in the middle of a delivery and
     * the mail is tried again. Only a crash between the SMTP server's acceptance and the record
     * of it can then send a report twice.
     */
    static final Duration STALE_CLAIM = Duration.ofMinutes(15);

    @Inject
    MongoConnection mongo;

    /** Records a complete summary; false when it was recorded before (by this instance or another). */
    public boolean create(String checkoutId, Map<String, Object> summary, List<String> to, Optional<ReportMail> content) {
        Document mail = new Document("state", to.isEmpty() || content.isEmpty() ? "none" : "pending").append("to", to)
                .append("attempts", 0).append("next_attempt", new Date());
        content.ifPresent(c -> mail.append("subject", c.subject()).append("text", c.text()).append("html", c.html()));
        try {
            reports().insertOne(new Document("_id", checkoutId).append("summary", new Document(summary))
                    .append("created", new Date()).append("mail", mail));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Document> find(String checkoutId) {
        return Optional.ofNullable(reports().find(Filters.eq("_id", checkoutId)).first());
    }

    /** Claims one report whose mail is due (or whose sender died), for {@code instance}; empty when none is. */
    public Optional<Document> claimDue(String instance, Instant now) {
        return Optional.ofNullable(reports().findOneAndUpdate(
                Filters.or(Filters.and(Filters.eq("mail.state", "pending"), Filters.lte("mail.next_attempt", Date.from(now))),
                        Filters.and(Filters.eq("mail.state", "sending"), Filters.lt("mail.claimed_at", Date.from(now.minus(STALE_CLAIM))))),
                Updates.combine(Updates.set("mail.state", "sending"), Updates.set("mail.claimed_by", instance),
                        Updates.set("mail.claimed_at", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    public void sent(String checkoutId, String instance) {
        reports().updateOne(claimedBy(checkoutId, instance),
                Updates.combine(Updates.set("mail.state", "sent"), Updates.set("mail.sent_at", new Date()), Updates.inc("mail.attempts", 1)));
    }

    public void failed(String checkoutId, String instance, String error, Instant nextAttempt) {
        reports().updateOne(claimedBy(checkoutId, instance),
                Updates.combine(Updates.set("mail.state", "pending"), Updates.set("mail.last_error", error),
                        Updates.set("mail.next_attempt", Date.from(nextAttempt)), Updates.inc("mail.attempts", 1)));
    }

    private static Bson claimedBy(String checkoutId, String instance) {
        return Filters.and(Filters.eq("_id", checkoutId), Filters.eq("mail.state", "sending"), Filters.eq("mail.claimed_by", instance));
    }

    private MongoCollection<Document> reports() {
        return mongo.database().getCollection(COLLECTION);
    }
}
