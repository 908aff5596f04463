package dev.maestro.store;

import static dev.maestro.testing.QueuedWriters.answer;
import static dev.maestro.testing.QueuedWriters.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.maestro.testing.InsertCommands;
import dev.maestro.testing.QueuedWriters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Inserts of concurrent writers on a MongoDB-wire server of the test's own, their insert commands
 * counted (and the first held, so that writers queue behind it) by the driver's command listener.
 */
class CombinedInsertsTest {
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final QueuedWriters writers = new QueuedWriters();
    private final InsertCommands inserts = new InsertCommands("things");
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
            .applyToClusterSettings(b -> b.serverSelectionTimeout(1, TimeUnit.SECONDS))
            .addCommandListener(inserts).build());
    private final MongoCollection<Document> things = client.getDatabase("test").getCollection("things");
    private final CombinedInserts combined = new CombinedInserts(things);

    CombinedInsertsTest() {
        inserts.holdFirstAt(writers);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private List<Callable<Void>> inserting(String... ids) {
        return List.of(ids).stream().<Callable<Void>>map(id -> () -> {
            combined.insert(new Document("_id", id));
            return null;
        }).toList();
    }

    private CompletableFuture<Void> firstInserting(String id) throws InterruptedException {
        return writers.first(inserting(id).get(0));
    }

    @Test
    void aWriterAloneSendsOneInsertAtOnce() {
        writers.open();
        combined.insert(new Document("_id", "alone"));
        assertThat(inserts.count()).isEqualTo(1);
        assertThat(things.countDocuments()).isEqualTo(1);
    }

    @Test
    void writersQueuedBehindAnInsertInFlightGoInOneCommand() throws Exception {
        CompletableFuture<Void> first = firstInserting("a");
        List<CompletableFuture<Void>> queued = writers.queue(inserting("b", "c", "d", "e"));
        writers.open();
        answer(first);
        for (CompletableFuture<Void> writer : queued) {
            answer(writer);
        }
        assertThat(inserts.count()).as("one command for the first writer, one for the four queued").isEqualTo(2);
        assertThat(stored()).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
    }

    @Test
    void aDocumentsWriteErrorReachesItsWriterAloneAsInsertOneThrowsIt() throws Exception {
        CompletableFuture<Void> first = firstInserting("a");
        List<CompletableFuture<Void>> queued = writers.queue(inserting("b", "a", "c"));
        writers.open();
        answer(first);
        answer(queued.get(0));
        MongoWriteException combinedError = (MongoWriteException) failure(queued.get(1));
        answer(queued.get(2));
        assertThat(stored()).containsExactlyInAnyOrder("a", "b", "c");
        MongoWriteException insertOneError = catchThrowableOfType(() -> things.insertOne(new Document("_id", "a")),
                MongoWriteException.class);
        assertThat(combinedError.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
        assertThat(combinedError.getCode()).isEqualTo(insertOneError.getCode());
    }

    @Test
    void aFailedCommandFailsEveryWriterOfItsBatch() throws Exception {
        CompletableFuture<Void> first = firstInserting("a");
        List<CompletableFuture<Void>> queued = writers.queue(inserting("b", "c", "d"));
        server.shutdownNow();
        writers.open();
        assertThat(failure(first)).isInstanceOf(MongoException.class);
        Throwable batchFailure = failure(queued.get(0));
        assertThat(batchFailure).isInstanceOf(MongoException.class);
        assertThat(failure(queued.get(1))).isSameAs(batchFailure);
        assertThat(failure(queued.get(2))).isSameAs(batchFailure);
    }

    private List<String> stored() {
        return things.distinct("_id", String.class).into(new ArrayList<>());
    }
}
