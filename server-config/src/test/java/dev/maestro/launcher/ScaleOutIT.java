package dev.maestro.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.maestro.json.Json;
import dev.maestro.store.MongoConnection;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.testsupport.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;
import redis.clients.jedis.resps.StreamPendingSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's load-balanced set-up, run for real: Debian's HAProxy with
 * {@code server-config/src/main/haproxy/maestro.cfg} in front of two API and two pipeline
 * instances started by the launcher, on one MongoDB-wire server and one Redis kept without
 * persistence. Nodes are written through the balancer while durable subscribers listen through
 * it; in the middle one API instance and one pipeline instance are killed with SIGKILL, then
 * Redis is restarted empty. Every subscriber and every pipeline step that follows node events
 * still sees every node event of the event history, and the only 5xx answers are those of
 * requests that were in flight when the API instance died.
 */
class ScaleOutIT {
    private static final String PASSWORD = "scale-out-admin";
    private static final int WRITES = 500;
    private static final int WRITERS = 4;
    private static final Duration CATCH_UP = Duration.ofMinutes(4);
    private static final String STREAM = "maestro:events:node";

    @TempDir
    Path dir;

    private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    private volatile Instant apiKilledAt = Instant.MAX;

    /** One request through the balancer: when it started and what came back (0: no answer). */
    private record Answer(String what, Instant started, int status) {
    }

    @Test
    void nothingIsLostBehindTheBalancerThroughAKilledInstanceAndARedisThatComesBackEmpty() throws Exception {
        try (MongoAndRedis backends = new MongoAndRedis();
             MongoConnection mongo = new MongoConnection(backends.mongoUri);
             LaunchedInstance api1 = launch("api1", "api", backends);
             LaunchedInstance api2 = launch("api2", "api", backends);
             LaunchedInstance pipeline1 = launch("pipeline1", "pipeline", backends);
             LaunchedInstance pipeline2 = launch("pipeline2", "pipeline", backends)) {
            for (LaunchedInstance instance : List.of(api1, api2, pipeline1, pipeline2)) {
                instance.awaitBanner();
            }
            int lbPort = EmbeddedBackends.freePort();
            try (Balancer balancer = Balancer.start(dir, lbPort, Map.of(
                    "MAESTRO_API_1", hostPort(api1), "MAESTRO_API_2", hostPort(api2),
                    "MAESTRO_PIPELINE_1", hostPort(pipeline1), "MAESTRO_PIPELINE_2", hostPort(pipeline2)))) {
                ApiClient lb = new ApiClient("http://127.0.0.1:" + lbPort, null);
                Poll.until("the balancer passing requests to the API", Duration.ofMinutes(1),
                        () -> lb.get("/latest/").status() == 200);
                ApiClient admin = lb.as(lb.login("admin", PASSWORD));

                ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);
                try {
                    List<Future<Set<Long>>> subscribers = new ArrayList<>();
                    for (String sid : List.of("scale-out-a", "scale-out-b")) {
                        int first = subscribe(admin, sid);
                        subscribers.add(threads.submit(() -> listenDurably(admin, sid, first, mongo.database())));
                    }
                    AtomicInteger written = new AtomicInteger();
                    List<Future<?>> writers = new ArrayList<>();
                    for (int w = 0; w < WRITERS; w++) {
                        writers.add(threads.submit(() -> write(admin, written)));
                    }
                    Poll.until("150 writes", Duration.ofMinutes(3), () -> written.get() >= 150);
                    api2.kill();
                    // Until the process is gone its listening socket still accepts connections, so
                    // every request sent before this may have been in flight on the dying instance:
                    // a writer retrying its 502 or a listener subscribing again may be one more.
                    apiKilledAt = Instant.now();
                    Poll.until("200 writes", Duration.ofMinutes(3), () -> written.get() >= 200);
                    pipeline2.kill();
                    Poll.until("300 writes", Duration.ofMinutes(3), () -> written.get() >= 300);
                    backends.stopRedis();
                    Poll.until("20 writes while Redis is down", Duration.ofMinutes(3), () -> written.get() >= 320);
                    backends.startRedis();
                    for (Future<?> writer : writers) {
                        writer.get(5, TimeUnit.MINUTES);
                    }
                    MongoDatabase db = mongo.database();
                    Set<Long> history = nodeEvents(db);
                    assertThat(history).as("node events in the history").hasSizeGreaterThanOrEqualTo(WRITES);

                    for (Future<Set<Long>> subscriber : subscribers) {
                        assertThat(subscriber.get(CATCH_UP.toMinutes() + 1, TimeUnit.MINUTES))
                                .as("events one subscriber received").containsAll(history);
                    }
                    long last = history.stream().mapToLong(Long::longValue).max().orElseThrow();
                    Poll.until("the monitor step of the two pipeline instances logging every node event", CATCH_UP,
                            () -> monitored(pipeline1, pipeline2), seen -> seen.containsAll(history));
                    Poll.until("every step that follows node events checkpointed through #" + last, CATCH_UP,
                            () -> progressOfNodeSteps(db, backends.redisHost), progress -> !progress.through().isEmpty()
                                    && progress.through().values().stream().allMatch(t -> t >= last));
                    ApiResponse stats = lb.get("/pipeline/stats");
                    assertThat(stats.status()).as("the pipeline backend still answers: %s\n%s", stats, balancer.log()).isEqualTo(200);
                } finally {
                    threads.shutdownNow();
                }
                String routed = balancer.log();
                for (String server : List.of("api/api1", "api/api2")) {
                    assertThat(routed).as("writes served by %s", server).containsPattern(Pattern.quote(server) + " .*\"POST /latest/node ");
                }
                List<Answer> failures = answers.stream().filter(a -> a.status() >= 500 || a.status() == 0).toList();
                assertThat(failures).as("5xx answers only for requests in flight when %s was killed", apiKilledAt)
                        .allMatch(a -> a.started().isBefore(apiKilledAt));
            }
        }
    }

    private LaunchedInstance launch(String name, String role, MongoAndRedis backends) throws IOException {
        Map<String, String> settings = new HashMap<>(backends.apiSettings());
        settings.put("MAESTRO_ROLE", role);
        settings.put("KCI_INITIAL_PASSWORD", PASSWORD);
        settings.put("MAESTRO_INSTANCE_ID", name);
        // The killed pipeline instance's unacknowledged events are taken over after this long.
        settings.put("MAESTRO_CLAIM_IDLE_SECONDS", "10");
        settings.put("KEEP_ALIVE_PERIOD", "5");
        return LaunchedInstance.start(LaunchedInstance.HOME, dir.resolve(name), EmbeddedBackends.freePort(), settings);
    }

    private static String hostPort(LaunchedInstance instance) {
        return instance.url.substring("http://".length());
    }

    private void write(ApiClient admin, AtomicInteger written) {
        while (true) {
            int n = written.get();
            if (n >= WRITES) {
                return;
            }
            Instant started = Instant.now();
            ApiResponse r = request("write", started, () -> admin.post("/latest/node", Map.of("kind", "test",
                    "name", "scale-out-" + n + "-" + Thread.currentThread().getId(), "path", List.of("scale-out"),
                    "group", "scale-out")));
            if (r != null && r.status() == 200) {
                written.incrementAndGet();
            } else if (r != null && r.status() < 500) {
                throw new AssertionError("write refused: " + r);
            }
        }
    }

    /** A request whose answer is recorded; null when no answer came (connection closed). */
    private ApiResponse request(String what, Instant started, Supplier<ApiResponse> call) {
        try {
            ApiResponse r = call.get();
            answers.add(new Answer(what, started, r.status()));
            return r;
        } catch (UncheckedIOException noAnswer) {
            answers.add(new Answer(what, started, 0));
            return null;
        }
    }

    private static int subscribe(ApiClient client, String sid) {
        ApiResponse r = client.post("/latest/subscribe/node?subscriber_id=" + sid, null);
        assertThat(r.status()).as("subscribe: %s", r).isEqualTo(200);
        return ((Number) r.map().get("id")).intValue();
    }

    /**
     * A durable subscriber as a KernelCI service runs one: listens in a loop and, when a listen
     * fails (its instance died, the subscription was closed), subscribes again with the same id
     * and gets what it missed. Returns the sequence ids received once it has every node event of
     * the history after the writes.
     */
    private Set<Long> listenDurably(ApiClient client, String sid, int firstSub, MongoDatabase db) {
        Set<Long> received = new TreeSet<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(12));
        int sub = firstSub;
        while (Instant.now().isBefore(deadline)) {
            int current = sub;
            ApiResponse r = request("listen", Instant.now(), () -> client.get("/latest/listen/" + current));
            if (r == null || r.status() != 200) {
                sub = resubscribe(client, sid, deadline);
                continue;
            }
            Map<String, Object> envelope = Json.readMap((String) r.map().get("data"));
            if ("BEEP".equals(envelope.get("data"))) {
                Set<Long> history = nodeEvents(db);
                if (history.size() >= WRITES && received.containsAll(history)) {
                    return received;
                }
                continue;
            }
            received.add(((Number) envelope.get("_sequence_id")).longValue());
        }
        return received;
    }

    private int resubscribe(ApiClient client, String sid, Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            ApiResponse r = request("subscribe", Instant.now(),
                    () -> client.post("/latest/subscribe/node?subscriber_id=" + sid, null));
            if (r != null && r.status() == 200) {
                return ((Number) r.map().get("id")).intValue();
            }
        }
        throw new AssertionError("could not subscribe again as " + sid);
    }

    private static Set<Long> nodeEvents(MongoDatabase db) {
        Set<Long> ids = new TreeSet<>();
        db.getCollection("eventhistory").find(Filters.eq("channel", "node"))
                .forEach(d -> ids.add(((Number) d.get("sequence_id")).longValue()));
        return ids;
    }

    /** Sequence ids the monitor step logged, on either pipeline instance (the killed one's log stays). */
    private static Set<Long> monitored(LaunchedInstance... pipelines) {
        Set<Long> seen = new TreeSet<>();
        Pattern line = Pattern.compile("node event #(\\d+) ");
        for (LaunchedInstance p : pipelines) {
            try {
                Matcher m = line.matcher(p.serverLog());
                while (m.find()) {
                    seen.add(Long.parseLong(m.group(1)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seen;
    }

    /** Each node step's checkpoint, with the documents and the groups' state in Redis to show when one lags. */
    private record StepProgress(Map<String, Long> through, List<Document> checkpoints, String redis) {
    }

    private static StepProgress progressOfNodeSteps(MongoDatabase db, String redisHost) {
        Map<String, Long> through = new HashMap<>();
        List<Document> checkpoints = new ArrayList<>();
        for (Document d : db.getCollection("step_checkpoints").find(Filters.eq("channel", "node"))) {
            through.put(d.getString("group"), ((Number) d.get("through")).longValue());
            checkpoints.add(d);
        }
        StringBuilder redis = new StringBuilder();
        String[] hostPort = redisHost.split(":");
        try (Jedis jedis = new Jedis(hostPort[0], Integer.parseInt(hostPort[1]))) {
            for (StreamGroupInfo group : jedis.xinfoGroups(STREAM)) {
                StreamPendingSummary pending = jedis.xpending(STREAM, group.getName());
                redis.append(group.getName()).append(": last delivered ").append(group.getLastDeliveredId())
                        .append(", pending ").append(pending.getTotal()).append(" from ").append(pending.getMinId())
                        .append(", incarnation ").append(jedis.get("maestro:groups:" + STREAM + ":" + group.getName() + ":incarnation"))
                        .append("; ");
            }
            List<StreamEntry> lastEntries = jedis.xrevrange(STREAM, "+", "-", 3);
            redis.append("last entries ").append(lastEntries);
        }
        return new StepProgress(through, checkpoints, redis.toString());
    }
}
