package dev.maestro.node;

import static dev.maestro.node.TestNodes.checkoutBody;
import static dev.maestro.node.TestNodes.user;

import com.mongodb.client.model.Filters;
import dev.maestro.event.CloudEventSettings;
import dev.maestro.event.EventLog;
import dev.maestro.node.input.NodeReader;
import dev.maestro.testing.LocalBackends;
import dev.maestro.user.GroupStore;
import dev.maestro.user.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A {@link NodeService} on a real MongoDB-wire server and a real Redis, fresh for each test class. */
abstract class NodeServiceFixture {
    static final User ALICE = user("alice");
    static final User BOB = user("bob");
    static final User ADMIN = user("admin", true);

    static LocalBackends backends;
    static NodeStore store;
    static GroupStore groups;
    static NodeService service;

    @BeforeAll
    static void start() {
        backends = new LocalBackends();
        store = new NodeStore(backends.mongo().database(), new NodeCache(backends.redis()));
        NodeStore.createIndexes(backends.mongo().database());
        groups = new GroupStore(backends.mongo().database());
        groups.createIndexes();
        EventLog events = new EventLog(backends.mongo().database(), backends.redis(), CloudEventSettings.KERNELCI);
        events.createIndexes(Duration.ofDays(1));
        service = new NodeService(store, groups, events);
    }

    @AfterAll
    static void stop() throws Exception {
        backends.close();
    }

    static Node createCheckout(User owner, String name) {
        return service.create(owner, NodeReader.read(checkoutBody(name)), EventMode.PUBLISH);
    }

    /** The stored {@code node} events about this node, oldest first. */
    static List<Document> eventsOf(ObjectId id) {
        return backends.mongo().database().getCollection("eventhistory")
                .find(Filters.and(Filters.eq("channel", "node"), Filters.eq("data.id", id.toHexString())))
                .sort(new Document("sequence_id", 1)).into(new ArrayList<>());
    }

    static long countNamed(String name) {
        return backends.mongo().database().getCollection("node").countDocuments(Filters.eq("name", name));
    }
}
