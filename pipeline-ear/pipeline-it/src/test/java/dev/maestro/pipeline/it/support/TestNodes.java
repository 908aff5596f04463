package dev.maestro.pipeline.it.support;

import dev.maestro.event.CloudEventSettings;
import dev.maestro.event.EventLog;
import dev.maestro.node.EventMode;
import dev.maestro.node.Node;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeService;
import dev.maestro.node.NodeState;
import dev.maestro.node.NodeCache;
import dev.maestro.node.NodeStore;
import dev.maestro.store.MongoConnection;
import dev.maestro.store.RedisConnection;
import dev.maestro.testsupport.SuiteBackends;
import dev.maestro.user.GroupStore;
import dev.maestro.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Writes and reads nodes in the test database through common-model's one write path, as the API
 * does for its clients, and counts their events in {@code eventhistory}.
 */
public final class TestNodes implements AutoCloseable {
    /** The owner of the nodes these tests create (a client of the API, not the pipeline). */
    private static final User OWNER = new User(new ObjectId().toHexString(), "lab@example.org", "lab-user", null,
            true, false, true, List.of());

    private final MongoConnection mongo;
    private final RedisConnection redis;
    private final NodeService nodes;

    public TestNodes() {
        mongo = new MongoConnection(SuiteBackends.mongoUri());
        redis = new RedisConnection("127.0.0.1", SuiteBackends.redisPort());
        nodes = new NodeService(new NodeStore(mongo.database(), new NodeCache(redis.pool())), new GroupStore(mongo.database()),
                new EventLog(mongo.database(), redis.pool(), CloudEventSettings.KERNELCI));
    }

    /** A generic node in {@code state} (with {@code result}), under {@code parent} when not null. */
    public Node create(String name, ObjectId parent, NodeState state, NodeResult result, Instant timeout, Instant holdoff) {
        Node draft = Node.builder().kind("node").name(name + "-" + UUID.randomUUID().toString().substring(0, 8))
                .path(List.of(name)).parent(parent).state(state).result(result)
                .timeout(timeout).holdoff(holdoff).data(Map.of("purpose", "lifecycle test")).build();
        return nodes.create(OWNER, draft, EventMode.PUBLISH);
    }

    public Node get(ObjectId id) {
        return nodes.get(id);
    }

    /** Moves a node as a client would when its job finishes. */
    public void finish(ObjectId id, NodeState from) {
        nodes.transition(id, from, NodeState.DONE, n -> n.toBuilder().result(NodeResult.PASS).build(), EventMode.PUBLISH)
                .orElseThrow(() -> new AssertionError("node " + id + " was not " + from.value()));
    }

    /** The {@code updated} events of a node, oldest first, as their payloads. */
    public List<Document> updates(ObjectId id) {
        return mongo.database().getCollection("eventhistory")
                .find(new Document("channel", "node").append("data.id", id.toHexString()).append("data.op", "updated"))
                .sort(new Document("sequence_id", 1)).map(d -> d.get("data", Document.class)).into(new java.util.ArrayList<>());
    }

    @Override
    public void close() {
        redis.close();
        mongo.close();
    }
}
