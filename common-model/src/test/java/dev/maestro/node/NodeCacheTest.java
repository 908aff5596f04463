package dev.maestro.node;

import static dev.maestro.node.TestNodes.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.maestro.error.ServiceUnavailableException;
import dev.maestro.event.CloudEventSettings;
import dev.maestro.event.EventLog;
import dev.maestro.node.input.NodePatch;
import dev.maestro.testing.LocalBackends;
import java.util.Set;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * The node cache against a real MongoDB-wire server and a real Redis: copies are served while no
 * write is marked, and never after a write that any instance marked. A change made behind the
 * cache's back (straight into MongoDB) shows which of the two a read was.
 */
class NodeCacheTest extends NodeServiceFixture {

    @Test
    void aNodeReadAgainIsThisInstancesCopy() {
        Node node = createCheckout(ALICE, "kept");
        store.find(node.id());
        renameBehindTheCache(node.id(), "changed-in-mongodb");

        assertThat(store.find(node.id())).get().extracting(Node::name).isEqualTo("kept");
    }

    @Test
    void aWriteOnAnotherInstanceIsSeenByTheNextRead() {
        Node node = createCheckout(ALICE, "before");
        store.find(node.id());
        NodeService otherInstance = new NodeService(new NodeStore(backends.mongo().database(), new NodeCache(backends.redis())),
                groups, new EventLog(backends.mongo().database(), backends.redis(), CloudEventSettings.KERNELCI));

        otherInstance.update(ALICE, node.id(), new NodePatch(map("result", "fail")), EventMode.PUBLISH);

        assertThat(store.find(node.id())).get().extracting(Node::result).isEqualTo(NodeResult.FAIL);
    }

    @Test
    void aWriteInFlightSendsReadsToMongodb() {
        Node node = createCheckout(ALICE, "in-flight");
        store.find(node.id());
        NodeWriteMarks marks = new NodeWriteMarks(backends.redis());
        Set<Integer> bucket = Set.of(NodeWriteMarks.bucket(node.id()));
        marks.started(bucket);
        try {
            renameBehindTheCache(node.id(), "written");
            assertThat(store.find(node.id())).get().extracting(Node::name).isEqualTo("written");
        } finally {
            marks.finished(bucket);
        }
    }

    @Test
    void marksThatStartAgainFromNothingDoNotVouchForOldCopies() {
        Node node = createCheckout(ALICE, "old-epoch");
        store.find(node.id());
        try (Jedis jedis = backends.redis().getResource()) {
            jedis.del(NodeWriteMarks.KEY);
        }
        renameBehindTheCache(node.id(), "after-restart");

        assertThat(store.find(node.id())).get().extracting(Node::name).isEqualTo("after-restart");
        assertThat(store.find(node.id())).get().extracting(Node::name).isEqualTo("after-restart");
        try (Jedis jedis = backends.redis().getResource()) {
            assertThat(jedis.pttl(NodeWriteMarks.KEY)).isPositive().isLessThanOrEqualTo(NodeWriteMarks.LIFETIME.toMillis());
        }
    }

    @Test
    void withoutRedisReadsGoToMongodbAndChangesAreRefusedUntouched() {
        Node node = createCheckout(ALICE, "no-redis");
        try (JedisPool unreachable = new JedisPool("127.0.0.1", LocalBackends.freePort())) {
            NodeStore cut = new NodeStore(backends.mongo().database(), new NodeCache(unreachable));
            NodeService cutOff = new NodeService(cut, groups,
                    new EventLog(backends.mongo().database(), backends.redis(), CloudEventSettings.KERNELCI));
            renameBehindTheCache(node.id(), "read-from-mongodb");
            assertThat(cut.find(node.id())).get().extracting(Node::name).isEqualTo("read-from-mongodb");

            assertThatThrownBy(() -> cutOff.update(ALICE, node.id(), new NodePatch(map("result", "fail")), EventMode.PUBLISH))
                    .isInstanceOf(ServiceUnavailableException.class)
                    .hasMessageContaining("Redis is unreachable");
        }
        assertThat(store.find(node.id())).get().extracting(Node::result).isNull();
        assertThat(eventsOf(node.id())).hasSize(1);
    }

    private static void renameBehindTheCache(ObjectId id, String name) {
        backends.mongo().database().getCollection(NodeStore.COLLECTION).updateOne(Filters.eq("_id", id), Updates.set("name", name));
    }
}
