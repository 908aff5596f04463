package dev.maestro.pipeline.callback;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.maestro.store.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import org.bson.Document;

/**
 * The {@code lava_callbacks} collection: one record per job node whose callback was taken
 * ({@code _id} = the node id), so the first delivery wins on every instance at once (a second
 * insert is a duplicate key) and LAVA calling twice stores nothing twice.
 */
@ApplicationScoped
public class LavaCallbackClaims {
    static final String COLLECTION = "lava_callbacks";

    @Inject
    MongoConnection mongo;

    /** True for the first callback of the node; false when one was taken before. */
    public boolean claim(String nodeId, String lavaJobId) {
        try {
            claims().insertOne(new Document("_id", nodeId).append("lava_job_id", lavaJobId).append("received", new Date()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Gives the claim up after its results could not be stored, so that the callback may be sent again. */
    public void release(String nodeId) {
        claims().deleteOne(Filters.eq("_id", nodeId));
    }

    private MongoCollection<Document> claims() {
        return mongo.database().getCollection(COLLECTION);
    }
}
