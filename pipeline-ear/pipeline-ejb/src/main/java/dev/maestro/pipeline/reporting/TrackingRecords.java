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
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Regression tracking's bookkeeping, so that it happens once across redeliveries and
 * instances: {@code regressionclaims} gives each failing run the one id its regression will
 * have (whoever asks first chooses it, everyone gets the same), and {@code regressiontracked}
 * records the runs already tracked, which the checkout summary waits for.
 */
@ApplicationScoped
public class TrackingRecords {
    static final String CLAIMS = "regressionclaims";
    static final String TRACKED = "regressiontracked";

    @Inject
    MongoConnection mongo;

    /** The id of the regression that the failing run {@code failNodeId} opens, the same for every caller. */
    public ObjectId regressionIdFor(String failNodeId) {
        MongoCollection<Document> claims = mongo.database().getCollection(CLAIMS);
        FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        try {
            return claims.findOneAndUpdate(Filters.eq("_id", failNodeId),
                    Updates.setOnInsert("regression", new ObjectId()), upsert).getObjectId("regression");
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Two first askers at once: the other one's insert won; read its choice.
            return claims.find(Filters.eq("_id", failNodeId)).first().getObjectId("regression");
        }
    }

    public void markTracked(String nodeId) {
        mongo.database().getCollection(TRACKED).updateOne(Filters.eq("_id", nodeId),
                Updates.setOnInsert("at", new Date()), new UpdateOptions().upsert(true));
    }

    /** Those of {@code nodeIds} already tracked. */
    public Set<String> tracked(Collection<String> nodeIds) {
        Set<String> found = new HashSet<>();
        if (!nodeIds.isEmpty()) {
            mongo.database().getCollection(TRACKED).find(Filters.in("_id", nodeIds)).forEach(d -> found.add(d.getString("_id")));
        }
        return found;
    }
}
