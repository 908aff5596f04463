package dev.maestro.it.support;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.maestro.store.MongoConnection;
import dev.maestro.testsupport.SuiteBackends;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Reads the event log of the server under test straight from its MongoDB ({@code eventhistory}
 * in database {@code kernelci}): events are stored before the write's HTTP answer, so no waiting.
 */
public final class EventHistory {
    private static MongoConnection mongo;

    private EventHistory() {
    }

    /** The {@code data} of every {@code node} event about this node, oldest first. */
    public static List<Document> nodeEvents(String nodeId) {
        return db().getCollection("eventhistory")
                .find(Filters.and(Filters.eq("channel", "node"), Filters.eq("data.id", nodeId)))
                .sort(Sorts.ascending("sequence_id"))
                .map(d -> d.get("data", Document.class))
                .into(new ArrayList<>());
    }

    private static synchronized com.mongodb.client.MongoDatabase db() {
        if (mongo == null) {
            mongo = new MongoConnection(SuiteBackends.mongoUri());
        }
        return mongo.database();
    }
}
