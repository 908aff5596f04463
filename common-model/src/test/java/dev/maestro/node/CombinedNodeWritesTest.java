package dev.maestro.node;

import static dev.maestro.node.TestNodes.draft;
import static dev.maestro.node.TestNodes.unique;
import static dev.maestro.testing.QueuedWriters.answer;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.maestro.event.CloudEventSettings;
import dev.maestro.event.EventLog;
import dev.maestro.store.MongoConnection;
import dev.maestro.testing.InsertCommands;
import dev.maestro.testing.ManyWriters;
import dev.maestro.testing.QueuedWriters;
import dev.maestro.user.GroupStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Node creates of concurrent writers share their database commands, each writer's own outcome
 * intact: a service on a client of the test's own, whose insert commands are counted.
 */
class CombinedNodeWritesTest extends NodeServiceFixture {
    private final InsertCommands nodeInserts = new InsertCommands(NodeStore.COLLECTION);
    private final InsertCommands entryInserts = new InsertCommands(UnfinishedNodes.COLLECTION);
    private final InsertCommands eventInserts = new InsertCommands("eventhistory");
    private MongoClient client;
    private NodeService watched;

    @BeforeEach
    void watch() {
        client = backends.watchedClient(nodeInserts, entryInserts, eventInserts);
        MongoDatabase db = client.getDatabase(MongoConnection.DEFAULT_DATABASE);
        watched = new NodeService(new NodeStore(db, new NodeCache(backends.redis())), new GroupStore(db),
                new EventLog(db, backends.redis(), CloudEventSettings.KERNELCI));
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void concurrentCreatesShareTheirInsertsAndTheirEventsKeepDenseSequences() throws Exception {
        String prefix = unique("busy");
        ManyWriters.run(8, 25, i -> watched.create(ALICE, draft("test", prefix + "-" + Thread.currentThread().getName() + "-" + i),
                EventMode.PUBLISH));
        assertThat(backends.mongo().database().getCollection(NodeStore.COLLECTION).countDocuments(Filters.regex("name", "^" + prefix)))
                .isEqualTo(200);
        assertThat(nodeInserts.count()).as("node inserts").isLessThan(200);
        assertThat(entryInserts.count()).as("working-set inserts").isLessThan(200);
        assertThat(eventInserts.count()).as("event inserts").isLessThan(200);
        List<Long> sequences = new ArrayList<>();
        backends.mongo().database().getCollection("eventhistory").find(Filters.eq("channel", "node"))
                .forEach(d -> sequences.add(((Number) d.get("sequence_id")).longValue()));
        assertThat(sequences).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, sequences.size()).boxed().toList());
    }

    /**
     * The first writer is held as it sends its node's insert; three more queue behind it, one of
     * them with the first's id: its own insert finds the id taken, and only it is told so.
     */
    @Test
    void aCreateWhoseIdWasTakenMeanwhileFindsItTakenAloneInItsBatch() throws Exception {
        QueuedWriters writers = new QueuedWriters();
        nodeInserts.holdFirstAt(writers);
        ObjectId taken = new ObjectId();
        CompletableFuture<Optional<Node>> first = writers.first(() -> createOnce(taken));
        List<CompletableFuture<Optional<Node>>> queued = writers.queue(List.<Callable<Optional<Node>>>of(
                () -> createOnce(new ObjectId()), () -> createOnce(taken), () -> createOnce(new ObjectId())));
        writers.open();
        assertThat(answer(first)).isPresent();
        assertThat(answer(queued.get(0))).isPresent();
        assertThat(answer(queued.get(1))).as("its id taken by the first writer").isEmpty();
        assertThat(answer(queued.get(2))).isPresent();
        assertThat(nodeInserts.count()).as("one insert for the first writer, one for the three queued").isEqualTo(2);
        assertThat(eventsOf(taken)).as("one created event for the taken id").hasSize(1);
        assertThat(service.unfinishedIn(NodeState.RUNNING, 1000)).extracting(Node::id)
                .contains(taken, answer(queued.get(0)).orElseThrow().id(), answer(queued.get(2)).orElseThrow().id());
    }

    private Optional<Node> createOnce(ObjectId id) {
        return watched.createOnce(ALICE, id, draft("test", unique("once")), EventMode.PUBLISH);
    }
}
