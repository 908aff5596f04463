package dev.maestro.store.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.maestro.store.MongoConnection;
import dev.maestro.store.ScaleOutCollections;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Migration 6 on a real MongoDB-wire server: checkpoints under a bare group name move to {@code <channel>/<group>}. */
class StepCheckpointsTest {

    @Test
    void checkpointsUnderABareGroupNameAreKeyedByChannelAndGroup() {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoConnection mongo = new MongoConnection(server.bindAndGetConnectionString())) {
            MongoCollection<Document> checkpoints = mongo.database().getCollection(ScaleOutCollections.STEP_CHECKPOINTS);
            checkpoints.insertOne(new Document("_id", "scheduler").append("channel", "node").append("through", 42L)
                    .append("incarnation", "i-1"));
            checkpoints.insertOne(new Document("_id", "orphan").append("through", 3L));
            checkpoints.insertOne(new Document("_id", "retry/scheduler").append("group", "scheduler").append("channel", "retry")
                    .append("through", 7L).append("incarnation", "i-2"));

            assertThat(StepCheckpoints.keyByChannel(mongo.database())).isEqualTo(2);

            List<Document> after = checkpoints.find().into(new ArrayList<>());
            assertThat(after).extracting(d -> d.getString("_id")).containsExactlyInAnyOrder("node/scheduler", "retry/scheduler");
            Document moved = checkpoints.find(Filters.eq("_id", "node/scheduler")).first();
            assertThat(moved.getString("group")).isEqualTo("scheduler");
            assertThat(moved.getLong("through")).isEqualTo(42L);
            assertThat(moved.getString("incarnation")).isEqualTo("i-1");
            assertThat(StepCheckpoints.keyByChannel(mongo.database())).as("a second pass").isZero();
        } finally {
            server.shutdownNow();
        }
    }
}
