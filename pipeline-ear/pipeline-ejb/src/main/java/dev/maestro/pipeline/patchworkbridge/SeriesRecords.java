package dev.maestro.pipeline.patchworkbridge;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.maestro.pipeline.patchwork.PatchworkCheck;
import dev.maestro.pipeline.patchwork.SeriesPatch;
import dev.maestro.pipeline.patchwork.Submitter;
import dev.maestro.store.IdLookup;
import dev.maestro.store.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code patchwork_series} collection: one record per series and project ({@code _id} =
 * {@code <project>/<key>}, the key {@code series:<id>} or a webhook delivery's digest, so a series
 * seen twice — polled again after a restart, delivered twice — gives a duplicate key and nothing
 * new). A record moves {@code new} → ({@code submitting}) → {@code testing} (its patchset node in
 * {@code patchset}) → {@code reporting} (its {@code checks} decided, each with {@code posted}) →
 * ({@code posting}) → {@code reported}; {@code submitting} and {@code posting} are claims by one
 * instance, by compare-and-set, and a claim older than {@link #STALE_CLAIM} is taken as its
 * instance's death and taken over.
 */
@ApplicationScoped
public class SeriesRecords {
    static final String COLLECTION = "patchwork_series";
    static final Duration STALE_CLAIM = Duration.ofMinutes(15);

    @Inject
    MongoConnection mongo;

    /** Records a series to test; false when it was recorded before. */
    public boolean add(String project, String key, String source, String name, Optional<URI> webUrl, Optional<URI> mbox,
                       Submitter submitter, List<SeriesPatch> patches) {
        List<Document> patchDocs = patches.stream().map(p -> new Document("id", p.id()).append("name", p.name())
                .append("web_url", p.webUrl() == null ? null : p.webUrl().toString()).append("mbox", p.mbox().toString())).toList();
        Document record = new Document("_id", project + "/" + key).append("project", project).append("key", key)
                .append("source", source).append("name", name).append("web_url", webUrl.map(URI::toString).orElse(null))
                .append("mbox", mbox.map(URI::toString).orElse(null))
                .append("submitter", new Document("name", submitter.name()).append("email", submitter.email()))
                .append("patches", patchDocs).append("state", "new").append("created", new Date())
                .append("attempts", 0).append("next_attempt", new Date());
        try {
            series().insertOne(record);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public boolean exists(String project, String key) {
        return IdLookup.exists(series(), project + "/" + key);
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(series().find(Filters.eq("_id", id)).first());
    }

    /** The project's newest records, newest first. */
    public List<Document> newestInProject(String project, int limit) {
        return series().find(Filters.eq("project", project)).sort(Sorts.descending("created")).limit(limit).into(new ArrayList<>());
    }

    /** Claims one record that is {@code due} in state {@code from} (or stuck in {@code claimed} by a dead instance). */
    public Optional<Document> claim(String from, String claimed, String instance, Instant now) {
        return Optional.ofNullable(series().findOneAndUpdate(
                Filters.or(Filters.and(Filters.eq("state", from), Filters.lte("next_attempt", Date.from(now))),
                        Filters.and(Filters.eq("state", claimed), Filters.lt("claimed_at", Date.from(now.minus(STALE_CLAIM))))),
                Updates.combine(Updates.set("state", claimed), Updates.set("claimed_by", instance),
                        Updates.set("claimed_at", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /** The records waiting for their patchset's summary. */
    public List<Document> testing(int limit) {
        return series().find(Filters.eq("state", "testing")).limit(limit).into(new ArrayList<>());
    }

    public void submitted(String id, String instance, String patchsetId, String base) {
        series().updateOne(claimedBy(id, "submitting", instance), Updates.combine(Updates.set("state", "testing"),
                Updates.set("patchset", patchsetId), Updates.set("base_checkout", base), Updates.inc("attempts", 1)));
    }

    /** Gives a claimed record back for another attempt at {@code next}. */
    public void retryLater(String id, String claimed, String back, String instance, String error, Instant next) {
        series().updateOne(claimedBy(id, claimed, instance), Updates.combine(Updates.set("state", back),
                Updates.set("last_error", error), Updates.set("next_attempt", Date.from(next)), Updates.inc("attempts", 1)));
    }

    /**
     * Decides the checks of a record, once: from {@code testing} (its patchset's summary is in) or
     * from {@code submitting} (it could not even be submitted).
     *
     * @param post false when the project does not report checks: the record is then {@code reported} at once
     */
    public boolean decide(String id, String from, List<PatchworkCheck> checks, List<Long> patchIds, boolean post) {
        List<Document> docs = new ArrayList<>();
        for (long patch : patchIds) {
            for (PatchworkCheck c : checks) {
                docs.add(new Document("patch", patch).append("state", c.state()).append("context", c.context())
                        .append("description", c.description()).append("target_url", c.targetUrl()).append("posted", false));
            }
        }
        return series().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", from)),
                Updates.combine(Updates.set("state", post ? "reporting" : "reported"), Updates.set("checks", docs),
                        Updates.set("attempts", 0), Updates.set("next_attempt", new Date()))).getModifiedCount() == 1;
    }

    /** Check {@code index} has been posted (recorded right after Patchwork's 201, so it is not posted again). */
    public void posted(String id, String instance, int index) {
        series().updateOne(claimedBy(id, "posting", instance), Updates.set("checks." + index + ".posted", true));
    }

    public void reported(String id, String instance) {
        series().updateOne(claimedBy(id, "posting", instance), Updates.combine(Updates.set("state", "reported"),
                Updates.set("reported_at", new Date())));
    }

    /** The Patchwork ids of a record's patches, in order. */
    public static List<Long> patchIds(Document record) {
        return record.getList("patches", Document.class).stream().map(p -> ((Number) p.get("id")).longValue()).toList();
    }

    private static Bson claimedBy(String id, String state, String instance) {
        return Filters.and(Filters.eq("_id", id), Filters.eq("state", state), Filters.eq("claimed_by", instance));
    }

    private MongoCollection<Document> series() {
        return mongo.database().getCollection(COLLECTION);
    }
}
