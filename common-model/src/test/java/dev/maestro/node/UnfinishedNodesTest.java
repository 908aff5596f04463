package dev.maestro.node;

import static dev.maestro.node.TestNodes.draft;
import static dev.maestro.node.TestNodes.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle rules' working set: it holds exactly the nodes that are not done, the rules'
 * queries read it, and a stale entry (a write cut short) is put right by the next read.
 */
class UnfinishedNodesTest extends NodeServiceFixture {

    private static MongoCollection<Document> entries() {
        return backends.mongo().database().getCollection(UnfinishedNodes.COLLECTION);
    }

    private static Node running(String name, Instant timeout, ObjectId parent) {
        return service.create(ALICE, draft("test", unique(name)).toBuilder().timeout(timeout).parent(parent).build(), EventMode.PUBLISH);
    }

    @Test
    void theWorkingSetHoldsTheNodesThatAreNotDone() {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        Node open = running("open", later, null);
        Node closed = running("closed", later, null);
        assertThat(entries().countDocuments(Filters.eq("_id", closed.id()))).isEqualTo(1);

        service.transition(closed.id(), NodeState.RUNNING, NodeState.DONE, UnaryOperator.identity(), EventMode.PUBLISH);

        assertThat(entries().countDocuments(Filters.eq("_id", open.id()))).isEqualTo(1);
        assertThat(entries().countDocuments(Filters.eq("_id", closed.id()))).as("a done node leaves the set").isZero();
        Node createdDone = service.create(ALICE, draft("test", unique("born-done")).toBuilder().state(NodeState.DONE).build(),
                EventMode.PUBLISH);
        assertThat(entries().countDocuments(Filters.eq("_id", createdDone.id()))).isZero();
    }

    @Test
    void aNodeCreatedOnceAfterAnAttemptCutShortReplacesTheEntryItLeft() {
        ObjectId id = new ObjectId();
        // The attempt wrote the entry first, then failed before its node: the entry says it holds off.
        entries().insertOne(new Document("_id", id).append("state", NodeState.CLOSING.value()).append("tracked_at", new Date()));
        Instant timeout = Instant.now().plusSeconds(600);
        Optional<Node> created = service.createOnce(ALICE, id, draft("test", unique("retried")).toBuilder().timeout(timeout).build(),
                EventMode.PUBLISH);
        assertThat(created).isPresent();
        Document entry = entries().find(Filters.eq("_id", id)).first();
        assertThat(entry).containsEntry("state", NodeState.RUNNING.value()).containsEntry("timeout", Date.from(timeout));
    }

    @Test
    void dueNodesComeFromTheSetEarliestFirstAndFollowTheirState() {
        Instant now = Instant.now();
        Node late = running("late", now.minusSeconds(10), null);
        Node early = running("early", now.minusSeconds(60), null);
        Node notYet = running("not-yet", now.plusSeconds(600), null);

        List<ObjectId> due = service.unfinishedDue(Deadline.TIMEOUT, now, Optional.empty(), 1000).stream().map(Node::id).toList();
        assertThat(due).containsSubsequence(early.id(), late.id()).doesNotContain(notYet.id());
        assertThat(service.unfinishedDue(Deadline.TIMEOUT, now, Optional.of(NodeState.AVAILABLE), 1000))
                .extracting(Node::id).doesNotContain(early.id(), late.id());

        service.transition(early.id(), NodeState.RUNNING, NodeState.AVAILABLE, UnaryOperator.identity(), EventMode.PUBLISH);
        assertThat(service.unfinishedDue(Deadline.TIMEOUT, now, Optional.of(NodeState.AVAILABLE), 1000))
                .extracting(Node::id).contains(early.id()).doesNotContain(late.id());
        assertThat(service.unfinishedIn(NodeState.AVAILABLE, 1000)).extracting(Node::id).contains(early.id());
    }

    @Test
    void aChildThatIsNotDoneKeepsItsParentOpen() {
        Node parent = running("parent", Instant.now().plusSeconds(600), null);
        Node child = running("child", Instant.now().plusSeconds(600), parent.id());
        assertThat(service.hasUnfinishedChild(parent.id())).isTrue();
        service.transition(child.id(), NodeState.RUNNING, NodeState.DONE, UnaryOperator.identity(), EventMode.PUBLISH);
        assertThat(service.hasUnfinishedChild(parent.id())).isFalse();
    }

    @Test
    void staleEntriesArePutRightByTheNextRead() {
        Instant now = Instant.now();
        // A node finished by a write whose entry update was cut short: its entry still says running.
        Node finished = running("finished", now.minusSeconds(30), null);
        nodesCollection().updateOne(Filters.eq("_id", finished.id()), Updates.set("state", "done"));
        // An entry left by an insert that never happened, long enough ago.
        ObjectId ghost = new ObjectId();
        entries().insertOne(new Document("_id", ghost).append("state", "running").append("timeout", Date.from(now.minusSeconds(30)))
                .append("tracked_at", Date.from(now.minus(UnfinishedNodes.GRACE).minusSeconds(1))));
        // And one just written, whose node is being inserted right now: it must stay.
        ObjectId inserting = new ObjectId();
        entries().insertOne(new Document("_id", inserting).append("state", "running").append("timeout", Date.from(now.minusSeconds(30)))
                .append("tracked_at", new Date()));

        List<ObjectId> due = service.unfinishedDue(Deadline.TIMEOUT, now, Optional.empty(), 1000).stream().map(Node::id).toList();

        assertThat(due).doesNotContain(finished.id(), ghost, inserting);
        assertThat(entries().countDocuments(Filters.in("_id", List.of(finished.id(), ghost)))).isZero();
        assertThat(entries().countDocuments(Filters.eq("_id", inserting))).isEqualTo(1);
    }

    @Test
    void trackingFillsTheSetOfADatabaseWrittenWithoutIt() {
        Node open = running("before-the-set", Instant.now().plusSeconds(600), null);
        entries().deleteOne(Filters.eq("_id", open.id()));
        assertThat(NodeStore.trackUnfinished(backends.mongo().database())).isPositive();
        assertThat(entries().countDocuments(Filters.eq("_id", open.id()))).isEqualTo(1);
    }

    private static MongoCollection<Document> nodesCollection() {
        return backends.mongo().database().getCollection(NodeStore.COLLECTION);
    }
}
