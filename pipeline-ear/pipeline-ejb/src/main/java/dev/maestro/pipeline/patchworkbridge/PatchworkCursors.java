package dev.maestro.pipeline.patchworkbridge;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.maestro.store.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * The {@code patchwork_cursors} collection: per configured project, the date of the newest
 * {@code series-completed} event whose series is recorded. The next poll asks from that date
 * (Patchwork's {@code since} includes it), so an event of the same second is read again and
 * dropped by the series record's unique key rather than missed.
 */
@ApplicationScoped
public class PatchworkCursors {
    static final String COLLECTION = "patchwork_cursors";

    @Inject
    MongoConnection mongo;

    public Optional<String> since(String project) {
        return Optional.ofNullable(cursors().find(Filters.eq("_id", project)).first()).map(d -> d.getString("since"));
    }

    /** Moves the cursor to {@code date}, never back (Patchwork's dates sort as text). */
    public void advance(String project, String date, long eventId) {
        cursors().updateOne(Filters.eq("_id", project), Updates.combine(Updates.max("since", date),
                Updates.set("last_event", eventId), Updates.set("updated", new Date())), new UpdateOptions().upsert(true));
    }

    private MongoCollection<Document> cursors() {
        return mongo.database().getCollection(COLLECTION);
    }
}
