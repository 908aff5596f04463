package dev.maestro.store.migration;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.maestro.store.ScaleOutCollections;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The pipeline's consumer-group checkpoints were first kept under the group's name alone, so the
 * scheduler's group, which follows both the {@code node} and the {@code retry} channel, had one
 * checkpoint for two streams. They are now keyed {@code <channel>/<group>} (the stream resource
 * adapter's {@code MongoEventHistory.checkpointId}); this moves the old ones there.
 */
final class StepCheckpoints {
    private StepCheckpoints() {
    }

    /** Re-keys every checkpoint stored under a bare group name; returns how many. */
    static int keyByChannel(MongoDatabase db) {
        MongoCollection<Document> checkpoints = db.getCollection(ScaleOutCollections.STEP_CHECKPOINTS);
        List<Document> old = new ArrayList<>();
        checkpoints.find(Filters.not(Filters.regex("_id", "/"))).into(old);
        for (Document d : old) {
            String group = d.getString("_id");
            String channel = d.getString("channel");
            if (channel != null) {
                checkpoints.insertOne(new Document(d).append("_id", channel + "/" + group).append("group", group));
            }
            checkpoints.deleteOne(Filters.eq("_id", group));
        }
        return old.size();
    }
}
