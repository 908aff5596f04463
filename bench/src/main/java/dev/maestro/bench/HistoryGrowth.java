package dev.maestro.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.sun.management.OperatingSystemMXBean;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.maestro.node.Node;
import dev.maestro.node.NodeDocuments;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeState;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Whether the embedded default stays fast as history grows: hosts the launcher's kind of database
 * (mongo-java-server on an H2 file, without the launcher's in-memory indexes: the requests timed
 * read by id) in this process, starts a throw-away Maestro EE on it, and
 * measures node writes/s, node reads/s and this process's idle CPU (the database's, since nothing
 * else runs here while idle; the server's periodic work queries it) first with a small history,
 * then after filling it to the large one directly in the API's document shapes.
 */
public final class HistoryGrowth {
    private static final int SMALL_NODES = 2_000;
    private static final int SMALL_EVENTS = 10_000;
    private static final int CLIENTS = 4;
    private static final Duration MEASURE = Duration.ofSeconds(15);
    private static final Duration IDLE = Duration.ofSeconds(30);
    private static final int BATCH = 1_000;
    /** Held so that the level stays set: the database in this process would log every connection. */
    private static final Logger DATABASE_LOG = Logger.getLogger("de.bwaldvogel");

    private HistoryGrowth() {
    }

    public static void main(String[] args) throws Exception {
        DATABASE_LOG.setLevel(Level.WARNING);
        Path home = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        int largeNodes = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int largeEvents = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        Path data = Files.createTempDirectory("maestro-history");
        MongoServer mongo = new MongoServer(new H2Backend(data.resolve("mongo.mv").toString()));
        String uri = mongo.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(uri);
             ThrowawayServer server = ThrowawayServer.start(home, data, ThrowawayServer.freePort(), Map.of("MONGO_SERVICE", uri))) {
            MongoDatabase db = client.getDatabase("kernelci");
            Api api = Api.login(server.url(), "admin", server.password());
            List<String> ids = new ArrayList<>();
            fill(db, SMALL_NODES, SMALL_EVENTS, ids);
            System.out.println("bench: warming up (not counted)");
            measure(server, api, ids);
            Figures small = measure(server, api, ids);
            fill(db, largeNodes - SMALL_NODES, largeEvents - SMALL_EVENTS, ids);
            Figures large = measure(server, api, ids);
            System.out.printf("%nhistory growth on the embedded database (%d clients, %d s per figure, idle over %d s):%n",
                    CLIENTS, MEASURE.toSeconds(), IDLE.toSeconds());
            System.out.printf("  %-28s %12s %12s %8s%n", "", SMALL_NODES + " nodes", largeNodes + " nodes", "ratio");
            row("POST /latest/node  req/s", small.writes, large.writes);
            row("GET /latest/node/{id} req/s", small.reads, large.reads);
            System.out.printf("  %-28s %11.1f%% %11.1f%%%n", "database idle CPU", small.idleCpu, large.idleCpu);
            System.out.printf("  %-28s %11.1f%% %11.1f%%%n", "server idle CPU", small.serverIdleCpu, large.serverIdleCpu);
        } finally {
            mongo.shutdownNow();
        }
    }

    private static void row(String label, double small, double large) {
        System.out.printf("  %-28s %12.0f %12.0f %7.2fx%n", label, small, large, large / small);
    }

    private record Figures(double writes, double reads, double idleCpu, double serverIdleCpu) {
    }

    /** Adds done nodes (one checkout per 100, the rest its tests) and node events, as the API stores them. */
    private static void fill(MongoDatabase db, int nodes, int events, List<String> ids) {
        Instant began = Instant.now();
        Instant past = Instant.now().minus(Duration.ofDays(30));
        List<Document> batch = new ArrayList<>(BATCH);
        ObjectId checkout = null;
        for (int i = 0; i < nodes; i++) {
            boolean isCheckout = i % 100 == 0;
            Node.Builder b = Node.newNode(past.plusSeconds(i)).id(new ObjectId()).state(NodeState.DONE).result(NodeResult.PASS)
                    .owner("bench").data(Map.of());
            Node n = isCheckout ? b.kind("checkout").name("checkout").path(List.of("checkout")).build()
                    : b.kind("test").name("test-" + i).path(List.of("checkout", "test-" + i)).parent(checkout).build();
            if (isCheckout) {
                checkout = n.id();
            }
            ids.add(n.id().toHexString());
            batch.add(NodeDocuments.toDocument(n));
            if (batch.size() == BATCH) {
                db.getCollection("node").insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            db.getCollection("node").insertMany(batch);
            batch.clear();
        }
        for (int done = 0; done < events; done += BATCH) {
            int count = Math.min(BATCH, events - done);
            long first = reserve(db, count);
            for (int k = 0; k < count; k++) {
                String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                Map<String, Object> data = Map.of("op", "updated", "id", id, "kind", "test", "state", "done", "result", "pass");
                batch.add(new Document("_id", new ObjectId()).append("timestamp", Date.from(past.plusMillis(done + k)))
                        .append("sequence_id", first + k).append("channel", "node").append("owner", "bench")
                        .append("data", new Document(data)).append("envelope", "{\"data\":" + new Document(data).toJson() + "}"));
            }
            db.getCollection("eventhistory").insertMany(batch);
            batch.clear();
        }
        System.out.printf("bench: stored %d nodes and %d events in %d s (%d nodes in all)%n", nodes, events,
                Duration.between(began, Instant.now()).toSeconds(), ids.size());
    }

    /** Takes {@code count} sequence numbers of the node channel, as the event log does one at a time. */
    private static long reserve(MongoDatabase db, int count) {
        Document before = db.getCollection("eventcounters").findOneAndUpdate(new Document("_id", "node"),
                Updates.combine(Updates.inc("seq", (long) count), Updates.set("updated", new Date())),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return before == null ? 1 : ((Number) before.get("seq")).longValue() + 1;
    }

    private static Figures measure(ThrowawayServer server, Api api, List<String> ids) throws InterruptedException {
        double writes = Load.run(CLIENTS, MEASURE, n -> api.createNode(Map.of("kind", "test", "name", "growth-" + n,
                "path", List.of("growth-" + n))));
        double reads = Load.run(CLIENTS, MEASURE, n -> api.get("/latest/node/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long serverBefore = server.cpuNanos();
        long wallBefore = System.nanoTime();
        Thread.sleep(IDLE.toMillis());
        long wall = System.nanoTime() - wallBefore;
        double idle = 100.0 * (os.getProcessCpuTime() - cpuBefore) / wall;
        double serverIdle = 100.0 * (server.cpuNanos() - serverBefore) / wall;
        System.out.printf("bench: %d nodes: %.0f writes/s, %.0f reads/s, database idle CPU %.1f%%, server idle CPU %.1f%%%n",
                ids.size(), writes, reads, idle, serverIdle);
        return new Figures(writes, reads, idle, serverIdle);
    }
}
