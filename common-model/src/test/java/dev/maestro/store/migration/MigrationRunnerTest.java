package dev.maestro.store.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.maestro.store.MongoConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runner against a real MongoDB-wire server: order, once, two instances at a time, refusal of newer databases. */
class MigrationRunnerTest {
    private static MongoServer server;
    private static String uri;
    private static final List<MongoConnection> connections = new ArrayList<>();
    private static int databases;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        uri = server.bindAndGetConnectionString();
    }

    @AfterAll
    static void stop() {
        connections.forEach(MongoConnection::close);
        server.shutdownNow();
    }

    private static MongoDatabase freshDatabase() {
        MongoConnection c = new MongoConnection(uri + "/migrations" + (++databases));
        connections.add(c);
        return c.database();
    }

    @Test
    void appliesInOrderOnceAndRecordsEach() throws Exception {
        MongoDatabase db = freshDatabase();
        List<Integer> ran = new ArrayList<>();
        List<Migration> migrations = List.of(new Migration(1, "one", d -> ran.add(1)), new Migration(2, "two", d -> ran.add(2)));
        MigrationRunner runner = new MigrationRunner(db, migrations, "1.2.3", "test");

        assertThat(runner.pending()).extracting(Migration::number).containsExactly(1, 2);
        assertThat(runner.migrate()).extracting(Migration::number).containsExactly(1, 2);
        assertThat(runner.migrate()).isEmpty();
        assertThat(runner.pending()).isEmpty();
        assertThat(ran).containsExactly(1, 2);
        Document first = db.getCollection(MigrationRunner.COLLECTION).find(new Document("_id", 1)).first();
        assertThat(first.getString("name")).isEqualTo("one");
        assertThat(first.getString("version")).isEqualTo("1.2.3");
        assertThat(first.getDate("applied_at")).isNotNull();
        assertThat(db.getCollection(MigrationLease.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void twoInstancesStartingTogetherMigrateOnce() throws Exception {
        MongoDatabase db = freshDatabase();
        AtomicInteger applied = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        List<Migration> migrations = List.of(new Migration(1, "slow", d -> {
            applied.incrementAndGet();
            inside.countDown();
            try {
                // Keep the lock while the other instance tries to take it.
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), new Migration(2, "fast", d -> applied.incrementAndGet()));
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Callable<List<Migration>> a = () -> new MigrationRunner(db, migrations, "v", "instance-a").migrate();
            Callable<List<Migration>> b = () -> {
                inside.await(10, TimeUnit.SECONDS);
                return new MigrationRunner(db, migrations, "v", "instance-b").migrate();
            };
            Future<List<Migration>> fa = instances.submit(a);
            Future<List<Migration>> fb = instances.submit(b);
            List<Migration> byA = fa.get(30, TimeUnit.SECONDS);
            List<Migration> byB = fb.get(30, TimeUnit.SECONDS);
            assertThat(byA.size() + byB.size()).isEqualTo(2);
        } finally {
            instances.shutdownNow();
        }
        assertThat(applied).hasValue(2);
        assertThat(db.getCollection(MigrationRunner.COLLECTION).countDocuments()).isEqualTo(2);
    }

    @Test
    void aLockOfADeadInstanceIsTakenOverWhenItExpires() throws Exception {
        MongoDatabase db = freshDatabase();
        db.getCollection(MigrationLease.COLLECTION).insertOne(new Document("_id", "migrate").append("holder", "dead")
                .append("expires_at", new Date(System.currentTimeMillis() - 1000)));
        assertThat(new MigrationRunner(db, List.of(new Migration(1, "one", d -> { })), "v", "alive").migrate()).hasSize(1);
    }

    @Test
    void aDatabaseNewerThanTheCodeIsRefusedWithTheReason() throws Exception {
        MongoDatabase db = freshDatabase();
        List<Migration> newer = List.of(new Migration(1, "one", d -> { }), new Migration(2, "two", d -> { }));
        new MigrationRunner(db, newer, "2.0.0", "new").migrate();

        MigrationRunner older = new MigrationRunner(db, newer.subList(0, 1), "1.0.0", "old");
        assertThatThrownBy(older::migrate).isInstanceOf(DatabaseNewerException.class)
                .hasMessageContaining("migration 2 (two, applied by version 2.0.0")
                .hasMessageContaining("this version (1.0.0) knows migrations up to 1");
    }

    @Test
    void aFailingMigrationStopsTheRunAndRunsAgainNextTime() throws Exception {
        MongoDatabase db = freshDatabase();
        AtomicInteger attempts = new AtomicInteger();
        List<Migration> migrations = List.of(new Migration(1, "ok", d -> { }), new Migration(2, "broken", d -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
        }), new Migration(3, "after", d -> { }));
        MigrationRunner runner = new MigrationRunner(db, migrations, "v", "test");
        assertThatThrownBy(runner::migrate).isInstanceOf(MigrationException.class)
                .hasMessageContaining("migration 2 broken failed: disk full");
        assertThat(runner.pending()).extracting(Migration::number).containsExactly(2, 3);
        assertThat(runner.migrate()).extracting(Migration::number).containsExactly(2, 3);
    }

    @Test
    void aKernelciEventHistoryIsAdopted() throws Exception {
        MongoDatabase db = freshDatabase();
        var history = db.getCollection("eventhistory");
        // As KernelCI's API creates them: a non-unique (channel, sequence_id) and a TTL under its own name.
        history.createIndex(Indexes.ascending("channel", "sequence_id"));
        history.createIndex(Indexes.ascending("timestamp"), new IndexOptions().expireAfter(604800L, TimeUnit.SECONDS));
        db.getCollection("subscriber_state").createIndex(Indexes.ascending("subscriber_id"),
                new IndexOptions().unique(true).name("unique_subscriber_id"));
        // KernelCI numbers events globally: the channels interleave.
        for (long seq = 1; seq <= 7; seq++) {
            history.insertOne(new Document("channel", seq % 2 == 0 ? "node" : "retry").append("sequence_id", seq)
                    .append("timestamp", new Date()).append("data", new Document("n", seq)));
        }
        db.getCollection("user").insertOne(new Document("username", "old").append("email", "old@example.org")
                .append("hashed_password", "$2b$12$x"));

        db.getCollection("telemetry").createIndex(new Document("ts", 1),
                new IndexOptions().expireAfter(1209600L, java.util.concurrent.TimeUnit.SECONDS));

        new MigrationRunner(db, Migrations.all(Duration.ofDays(7), Duration.ofDays(14)), "v", "test").migrate();

        List<Document> indexes = history.listIndexes().into(new ArrayList<>());
        assertThat(indexes).filteredOn(i -> i.getString("name").equals("channel_1_sequence_id_1"))
                .singleElement().satisfies(i -> assertThat(i.getBoolean("unique")).isTrue());
        assertThat(indexes).extracting(i -> i.getString("name")).doesNotContain("timestamp_1").contains("timestamp_ttl");
        assertThat(db.getCollection("subscriber_state").listIndexes().into(new ArrayList<>()))
                .extracting(i -> i.getString("name")).doesNotContain("unique_subscriber_id");
        assertThat(db.getCollection("eventcounters").find(new Document("_id", "node")).first().get("seq")).isEqualTo(6L);
        assertThat(db.getCollection("eventcounters").find(new Document("_id", "retry")).first().get("seq")).isEqualTo(7L);
        assertThat(db.getCollection("telemetry").listIndexes().into(new ArrayList<>())).extracting(i -> i.getString("name"))
                .doesNotContain("ts_1").contains("ts_ttl", "kind_1_ts_-1", "runtime_1_device_type_1_ts_-1");
        Document user = db.getCollection("user").find().first();
        assertThat(user.getBoolean("is_superuser")).isFalse();
        assertThat(user.getBoolean("is_active")).isTrue();
    }
}
