package dev.maestro.launcher.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database answers equality queries from its secondary indexes, with the same
 * documents as a server that reads the whole collection (mongo-java-server's memory backend, the
 * reference), through inserts, updates, deletes and a restart; and its unique indexes find and
 * refuse what the reference's do, also in a file mongo-java-server's own H2 backend wrote.
 */
class IndexedH2BackendTest {
    private static final List<String> KINDS = List.of("checkout", "kbuild", "test", "regression");
    private static final List<String> TREES = List.of("mainline", "next", "stable");

    @TempDir
    Path dir;

    private IndexedH2Backend backend;
    /** What the last {@link #open} was told it rebuilds. */
    private int rebuilt;
    private MongoServer server;
    private MongoClient client;
    private final MongoServer reference = new MongoServer(new MemoryBackend());
    private MongoClient referenceClient;

    @BeforeEach
    void start() {
        open();
        referenceClient = MongoClients.create(reference.bindAndGetConnectionString());
        for (MongoCollection<Document> nodes : List.of(nodes(), referenceNodes())) {
            for (String field : List.of("kind", "name", "parent", "path", "data.revision.tree", "passed")) {
                nodes.createIndex(Indexes.ascending(field));
            }
            nodes.createIndex(Indexes.ascending("owner", "kind"));
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
        referenceClient.close();
        reference.shutdown();
    }

    @Test
    void equalityQueriesFindWhatAWholeCollectionReadFinds() {
        Random random = new Random(42);
        List<ObjectId> ids = insert(random, 600);
        change(random, ids, 300);
        assertSameAnswers(queries(random, ids));

        assertThat(index("name_1").getCount()).as("one entry for each node left").isEqualTo(nodes().countDocuments());
    }

    @Test
    void aQueryReadsTheSmallestOfTheIndexesThatCanAnswerIt() {
        Random random = new Random(7);
        insert(random, 400);
        assertSameAnswers(List.of(Filters.and(Filters.eq("kind", "test"), Filters.eq("name", "name-3"))));

        assertThat(index("name_1").lookups()).as("name (about 1 in 40 nodes), by the two finds and two counts").isEqualTo(4);
        assertThat(index("kind_1").lookups()).as("kind: about 1 in 4 nodes").isZero();

        assertSameAnswers(List.of(Filters.in("name", "name-1", "name-2")));
        assertThat(index("name_1").lookups()).as("a list of names").isEqualTo(8);
    }

    @Test
    void countsUseTheIndexesAndOtherAggregationsStillRun() {
        Random random = new Random(5);
        insert(random, 200);
        Bson oneName = Filters.and(Filters.eq("kind", "test"), Filters.eq("name", "name-3"));
        assertSameAnswers(List.of(oneName, new Document()));
        long lookups = index("name_1").lookups();

        assertThat(nodes().countDocuments(oneName)).isEqualTo(referenceNodes().countDocuments(oneName));
        assertThat(index("name_1").lookups()).isEqualTo(lookups + 1);
        List<Bson> byKind = List.of(Aggregates.match(Filters.eq("owner", "user-1")), Aggregates.group("$kind", Accumulators.sum("n", 1)),
                Aggregates.sort(Sorts.ascending("_id")));
        assertThat(nodes().aggregate(byKind).into(new ArrayList<>())).isEqualTo(referenceNodes().aggregate(byKind).into(new ArrayList<>()));
        assertThat(client.getDatabase("db").getCollection("none").countDocuments(Filters.eq("kind", "test"))).isZero();
        Bson badPattern = Filters.regex("name", "(");
        assertThat(catchThrowableOfType(MongoException.class, () -> nodes().countDocuments(badPattern)).getCode())
                .isEqualTo(catchThrowableOfType(MongoException.class, () -> referenceNodes().countDocuments(badPattern)).getCode());
    }

    @Test
    void queriesThatNeedAWholeCollectionReadStillGetOne() {
        Random random = new Random(3);
        insert(random, 200);
        assertSameAnswers(List.of(Filters.regex("kind", "^te"), Filters.in("size", 1, 2), Filters.eq("parent", null),
                Filters.eq("path", List.of("root", "name-1")), Filters.in("kind", "test", null),
                Filters.eq("size", 3), Filters.ne("kind", "test"), Filters.or(Filters.eq("kind", "test"), Filters.eq("name", "name-1"))));

        assertThat(List.of("kind_1", "name_1", "parent_1")).allSatisfy(index -> assertThat(index(index).lookups()).isZero());
    }

    @Test
    void indexesAreRebuiltAfterARestart() {
        Random random = new Random(11);
        List<ObjectId> ids = insert(random, 300);
        assertSameAnswers(queries(random, ids));
        client.close();
        server.shutdown();

        open();
        change(random, ids, 100);
        assertSameAnswers(queries(random, ids));
        assertThat(index("name_1").lookups()).isPositive();
    }

    @Test
    void uniqueKeysAreFoundAndDuplicatesRefusedAsByTheReferenceThroughARestart() {
        List<Document> events = events(new Random(13), 400);
        for (MongoCollection<Document> history : List.of(history(), referenceHistory())) {
            history.createIndex(Indexes.ascending("channel", "sequence_id"), new IndexOptions().unique(true));
            history.insertMany(events);
        }
        assertSameUniqueAnswers(events);

        client.close();
        server.shutdown();
        open();
        assertThat(rebuilt).as("nothing to rebuild in a file this backend wrote").isZero();
        assertSameUniqueAnswers(events);
    }

    @Test
    void aFileWrittenByMongoJavaServersOwnBackendIsReadWithItsUniqueIndexes() {
        client.close();
        server.shutdown();
        List<Document> events = events(new Random(17), 300);
        withPlainBackend(history -> {
            history.createIndex(Indexes.ascending("channel", "sequence_id"), new IndexOptions().unique(true));
            history.insertMany(events.subList(0, 200));
        });
        open();
        assertThat(rebuilt).as("the _id and (channel, sequence_id) indexes, and mongo-java-server's own").isGreaterThanOrEqualTo(3);
        referenceHistory().createIndex(Indexes.ascending("channel", "sequence_id"), new IndexOptions().unique(true));
        referenceHistory().insertMany(events.subList(0, 200));
        assertSameUniqueAnswers(events.subList(0, 200));
        client.close();
        server.shutdown();

        // An older Maestro EE writes to the file meanwhile: its index maps are the ones it reads.
        withPlainBackend(history -> history.insertMany(events.subList(200, 300)));
        open();
        assertThat(rebuilt).isGreaterThanOrEqualTo(3);
        referenceHistory().insertMany(events.subList(200, 300));
        assertSameUniqueAnswers(events);
        assertThat(backend.getMvStore().getMapNames()).as("mongo-java-server's own index maps, replaced")
                .noneMatch(name -> name.contains("._index_") && !name.endsWith(IndexedH2Database.ORDERED_SUFFIX));
    }

    @Test
    void aDroppedUniqueIndexLeavesNoMapBehind() {
        history().createIndex(Indexes.ascending("channel", "sequence_id"), new IndexOptions().unique(true).name("by_sequence"));
        history().insertMany(events(new Random(19), 20));
        history().dropIndex("by_sequence");
        assertThat(backend.getMvStore().getMapNames()).noneMatch(name -> name.contains("by_sequence"));

        history().drop();
        assertThat(backend.getMvStore().getMapNames()).noneMatch(name -> name.contains(".history."));
        history().insertMany(events(new Random(19), 20));
        assertThat(history().countDocuments(Filters.eq("channel", "node"))).isPositive();
    }

    private void open() {
        rebuilt = 0;
        backend = IndexedH2Backend.open(dir.resolve("mongo.mv.db").toString(), indexes -> rebuilt = indexes);
        server = new MongoServer(backend);
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    /** The file as mongo-java-server's own H2 backend (an older Maestro EE's) reads and writes it. */
    private void withPlainBackend(Consumer<MongoCollection<Document>> work) {
        MongoServer plain = new MongoServer(new H2Backend(dir.resolve("mongo.mv.db").toString()));
        try (MongoClient plainClient = MongoClients.create(plain.bindAndGetConnectionString())) {
            work.accept(plainClient.getDatabase("db").getCollection("history"));
        } finally {
            plain.shutdown();
        }
    }

    /** Events of three channels in shuffled order, with ids, whole and fractional numbers and dates. */
    private static List<Document> events(Random random, int count) {
        List<Document> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new Document("_id", new ObjectId()).append("channel", pick(random, List.of("node", "kv", "pipeline")))
                    .append("sequence_id", (long) i).append("timestamp", new Date(1_700_000_000_000L + i))
                    .append("weight", i % 7 == 0 ? i + 0.5 : i));
        }
        Collections.shuffle(events, random);
        return events;
    }

    /**
     * Each event found by its id and by its unique key, none by a key nobody holds; and the same
     * refusal as the reference's for a duplicate key, also one given as a double (MongoDB's unique
     * indexes take 3 and 3.0 for the same key).
     */
    private void assertSameUniqueAnswers(List<Document> events) {
        for (Document event : events) {
            Document byKey = new Document("channel", event.get("channel")).append("sequence_id", event.get("sequence_id"));
            assertThat(history().find(byKey).first()).as("%s", byKey).isEqualTo(referenceHistory().find(byKey).first()).isNotNull();
            assertThat(history().find(Filters.eq("_id", event.get("_id"))).first()).isEqualTo(event);
        }
        assertThat(history().find(new Document("channel", "node").append("sequence_id", -1L)).first()).isNull();
        Document event = events.get(0);
        for (Object sequence : List.of(event.get("sequence_id"), ((Number) event.get("sequence_id")).doubleValue())) {
            Document duplicate = new Document("channel", event.get("channel")).append("sequence_id", sequence);
            assertThat(catchThrowableOfType(MongoException.class, () -> history().insertOne(new Document(duplicate))).getCode())
                    .as("%s", duplicate)
                    .isEqualTo(catchThrowableOfType(MongoException.class, () -> referenceHistory().insertOne(new Document(duplicate))).getCode())
                    .isEqualTo(11000);
        }
    }

    private MongoCollection<Document> history() {
        return client.getDatabase("db").getCollection("history");
    }

    private MongoCollection<Document> referenceHistory() {
        return referenceClient.getDatabase("db").getCollection("history");
    }

    /** Nodes with text, ids, arrays, nested and array-nested fields, booleans and numbers, some fields missing. */
    private List<ObjectId> insert(Random random, int count) {
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectId id = new ObjectId();
            Document node = new Document("_id", id).append("kind", pick(random, KINDS)).append("name", "name-" + random.nextInt(40))
                    .append("owner", "user-" + random.nextInt(3)).append("size", random.nextInt(5)).append("created", i);
            if (!ids.isEmpty() && random.nextBoolean()) {
                node.append("parent", ids.get(random.nextInt(ids.size())));
            }
            if (random.nextInt(3) > 0) {
                node.append("path", List.of("root", "name-" + random.nextInt(40)));
            }
            if (random.nextBoolean()) {
                node.append("passed", random.nextBoolean());
            }
            Document revision = new Document("tree", pick(random, TREES));
            node.append("data", random.nextInt(4) == 0 ? List.of(new Document("revision", revision), new Document("other", 1))
                    : new Document("revision", revision));
            nodes().insertOne(node);
            referenceNodes().insertOne(node);
            ids.add(id);
        }
        return ids;
    }

    /** Updates that move documents between index values (and out of them), and deletes. */
    private void change(Random random, List<ObjectId> ids, int count) {
        for (int i = 0; i < count; i++) {
            Bson byId = Filters.eq("_id", ids.get(random.nextInt(ids.size())));
            String kind = pick(random, KINDS);
            String name = "name-" + random.nextInt(40);
            String tree = pick(random, TREES);
            Function<MongoCollection<Document>, ?> change = switch (random.nextInt(5)) {
                case 0 -> nodes -> nodes.updateOne(byId, Updates.set("kind", kind));
                case 1 -> nodes -> nodes.updateOne(byId, Updates.combine(Updates.set("name", name), Updates.unset("passed")));
                case 2 -> nodes -> nodes.updateOne(byId, Updates.push("path", name));
                case 3 -> nodes -> nodes.updateMany(Filters.eq("name", name), Updates.set("data", new Document("revision", new Document("tree", tree))));
                default -> nodes -> nodes.deleteOne(byId);
            };
            change.apply(nodes());
            change.apply(referenceNodes());
        }
    }

    private List<Bson> queries(Random random, List<ObjectId> ids) {
        List<Bson> queries = new ArrayList<>();
        for (String kind : KINDS) {
            queries.add(Filters.eq("kind", kind));
            queries.add(Filters.and(Filters.eq("kind", kind), Filters.eq("name", "name-" + random.nextInt(40))));
            queries.add(Filters.and(Filters.eq("owner", "user-1"), Filters.eq("kind", kind)));
        }
        for (String tree : TREES) {
            queries.add(Filters.eq("data.revision.tree", tree));
            queries.add(new Document("data.revision.tree", new Document("$eq", tree)));
        }
        for (int i = 0; i < 10; i++) {
            queries.add(Filters.eq("parent", ids.get(random.nextInt(ids.size()))));
            queries.add(Filters.eq("path", "name-" + random.nextInt(40)));
            queries.add(Filters.and(Filters.eq("name", "name-" + random.nextInt(40)), Filters.gt("created", random.nextInt(100))));
        }
        queries.add(Filters.in("kind", "test", "kbuild"));
        queries.add(Filters.and(Filters.in("parent", ids.subList(0, 40)), Filters.nin("kind", List.of("regression"))));
        queries.add(Filters.in("path", "name-1", "name-2", "root"));
        queries.add(Filters.eq("passed", true));
        queries.add(Filters.eq("passed", false));
        queries.add(Filters.eq("kind", "no such kind"));
        queries.add(Filters.eq("owner", "user-2"));
        return queries;
    }

    /** Each query: the same documents; sorted and limited, the same list. */
    private void assertSameAnswers(List<Bson> queries) {
        for (Bson query : queries) {
            assertThat(ids(nodes().find(query).sort(Sorts.ascending("_id"))))
                    .as("%s", query).isEqualTo(ids(referenceNodes().find(query).sort(Sorts.ascending("_id"))));
            assertThat(ids(nodes().find(query).sort(Sorts.descending("created")).limit(5)))
                    .as("%s, newest 5", query).isEqualTo(ids(referenceNodes().find(query).sort(Sorts.descending("created")).limit(5)));
            assertThat(nodes().countDocuments(query)).as("%s, count", query).isEqualTo(referenceNodes().countDocuments(query));
            CountOptions slice = new CountOptions().skip(3).limit(5);
            assertThat(nodes().countDocuments(query, slice)).as("%s, count of a slice", query)
                    .isEqualTo(referenceNodes().countDocuments(query, slice));
        }
    }

    private EqualityIndex index(String name) {
        AbstractMongoCollection<?> nodes = (AbstractMongoCollection<?>) backend.resolveDatabase("db").resolveCollection("nodes", true);
        return (EqualityIndex) nodes.getIndexes().stream().filter(index -> index.getName().equals(name)).findFirst().orElseThrow();
    }

    private MongoCollection<Document> nodes() {
        return client.getDatabase("db").getCollection("nodes");
    }

    private MongoCollection<Document> referenceNodes() {
        return referenceClient.getDatabase("db").getCollection("nodes");
    }

    private static List<Object> ids(Iterable<Document> found) {
        List<Object> ids = new ArrayList<>();
        found.forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
