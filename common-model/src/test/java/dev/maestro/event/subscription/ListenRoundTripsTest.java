package dev.maestro.event.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.maestro.event.CloudEventSettings;
import dev.maestro.event.Envelopes;
import dev.maestro.event.EventHistory;
import dev.maestro.event.EventLog;
import dev.maestro.json.Json;
import dev.maestro.store.MongoConnection;
import dev.maestro.testing.FindFilters;
import dev.maestro.testing.LocalBackends;
import dev.maestro.testing.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a {@code /listen} costs in MongoDB round trips when its event is already stored: the case
 * of a subscriber catching up under load, where its throughput is one event per round trip of
 * its own. Counted with the driver's command listener on a database of the test's own.
 */
class ListenRoundTripsTest {
    private static final ListenSettings SETTINGS = new ListenSettings(Duration.ofSeconds(5), Duration.ofMillis(200),
            Duration.ofSeconds(10), Duration.ofMinutes(15));
    /** Keep-alive and poll interval long enough that only a publication wakes a waiting listener. */
    private static final ListenSettings WOKEN_BY_PUBLICATION = new ListenSettings(Duration.ofSeconds(20), Duration.ofSeconds(20),
            Duration.ofSeconds(10), Duration.ofMinutes(15));
    private static final AtomicInteger COMMANDS = new AtomicInteger();
    /** The {@code find} commands sent to the event history. */
    private static final FindFilters HISTORY_FINDS = new FindFilters("eventhistory");
    private static LocalBackends backends;
    private static MongoClient client;
    private static MongoDatabase db;
    private SubscriptionService service;

    @BeforeAll
    static void start() {
        backends = new LocalBackends();
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                COMMANDS.incrementAndGet();
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(backends.mongoUri()))
                .addCommandListener(counter).addCommandListener(HISTORY_FINDS).build());
        db = client.getDatabase(MongoConnection.DEFAULT_DATABASE);
        EventLog.createIndexes(db, Duration.ofDays(7));
        new SubscriptionStore(db).createIndexes(Duration.ofDays(7));
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        backends.close();
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    private SubscriptionService service(Clock clock) {
        return service(clock, SETTINGS, new EventHistory(db));
    }

    private SubscriptionService service(Clock clock, ListenSettings settings, EventHistory history) {
        service = new SubscriptionService(new SubscriptionStore(db), history,
                new Envelopes(CloudEventSettings.KERNELCI), backends.redis(), settings, Executors.defaultThreadFactory(), clock);
        service.start();
        return service;
    }

    /** Appends through a client of its own: the test's writes are not the listener's round trips. */
    private static EventLog uncountedLog() {
        return new EventLog(backends.mongo().database(), backends.redis(), CloudEventSettings.KERNELCI);
    }

    private static long sequenceOf(ListenMessage m) {
        return ((Number) Json.readMap(m.data()).get("_sequence_id")).longValue();
    }

    @Test
    void aListenWhoseEventIsStoredTakesTwoRoundTripsConfirmationIncluded() throws Exception {
        SubscriptionService s = service(Clock.systemUTC());
        Subscription sub = s.subscribe("rt", "bob", false, null);
        EventLog log = new EventLog(db, backends.redis(), CloudEventSettings.KERNELCI);
        backends.awaitPatternSubscriber();
        log.append("rt", "bob", Map.of("n", 1), Map.of());
        log.append("rt", "bob", Map.of("n", 2), Map.of());
        // Notifications come in order: once the last is seen, the listener knows of all three.
        CompletableFuture<Void> notified = s.nextPublish("rt");
        log.append("rt", "bob", Map.of("n", 3), Map.of());
        notified.get(20, TimeUnit.SECONDS);
        s.forgetWake("rt", notified);
        assertThat(sequenceOf(s.listen(sub.id(), "bob").toCompletableFuture().get(20, TimeUnit.SECONDS))).isEqualTo(1);
        for (long expected = 2; expected <= 3; expected++) {
            int before = COMMANDS.get();
            ListenMessage m = s.listen(sub.id(), "bob").toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertThat(sequenceOf(m)).isEqualTo(expected);
            // Read the event, claim it while recording the confirmation: the subscription is as
            // this instance moved it a moment ago, and a notification told of the event.
            assertThat(COMMANDS.get() - before).isEqualTo(2);
        }
        assertThat(new SubscriptionStore(db).find(sub.id()).orElseThrow().acked()).isEqualTo(2);
    }

    /**
     * The case of a subscriber keeping up: its {@code /listen} waits for the next event. Woken by
     * the publication it reads only the history; the confirmation goes with the claim.
     */
    @Test
    void aListenThatWaitsForItsEventTakesThreeRoundTrips() throws Exception {
        SubscriptionService s = service(Clock.systemUTC(), WOKEN_BY_PUBLICATION, new EventHistory(db));
        Subscription sub = s.subscribe("wait", "bob", false, null);
        EventLog uncounted = uncountedLog();
        backends.awaitPatternSubscriber();
        // The first event's notification is seen before counting: arriving late, it would wake
        // the waiting listener for nothing (two more round trips).
        CompletableFuture<Void> notified = s.nextPublish("wait");
        uncounted.append("wait", "bob", Map.of("n", 1), Map.of());
        notified.get(20, TimeUnit.SECONDS);
        s.forgetWake("wait", notified);
        assertThat(sequenceOf(s.listen(sub.id(), "bob").toCompletableFuture().get(20, TimeUnit.SECONDS))).isEqualTo(1);
        int before = COMMANDS.get();
        CompletableFuture<ListenMessage> waiting = s.listen(sub.id(), "bob").toCompletableFuture();
        // On the caller's thread: read the channel's counter, which says nothing is new; then it
        // waits, without a write.
        assertThat(COMMANDS.get() - before).isEqualTo(1);
        assertThat(waiting).isNotDone();
        uncounted.append("wait", "bob", Map.of("n", 2), Map.of());
        assertThat(sequenceOf(waiting.get(20, TimeUnit.SECONDS))).isEqualTo(2);
        // Read the event, claim it while recording the confirmation of #1.
        assertThat(COMMANDS.get() - before).isEqualTo(3);
        assertThat(new SubscriptionStore(db).find(sub.id()).orElseThrow().acked()).isEqualTo(1);
    }

    /** When this instance stored the event, its waiting listener finds it without reading the history. */
    @Test
    void anEventThisInstanceStoredIsDeliveredWithoutReadingItBack() throws Exception {
        EventHistory history = new EventHistory(db);
        SubscriptionService s = service(Clock.systemUTC(), WOKEN_BY_PUBLICATION, history);
        Subscription sub = s.subscribe("mine", "bob", false, null);
        EventLog log = uncountedLog();
        log.onAppend(history::remember);
        backends.awaitPatternSubscriber();
        CompletableFuture<ListenMessage> waiting = s.listen(sub.id(), "bob").toCompletableFuture();
        HISTORY_FINDS.clear();
        int before = COMMANDS.get();
        log.append("mine", "bob", Map.of("n", 1), Map.of());
        assertThat(sequenceOf(waiting.get(20, TimeUnit.SECONDS))).isEqualTo(1);
        // Only the claim.
        assertThat(COMMANDS.get() - before).isEqualTo(1);
        assertThat(HISTORY_FINDS.keys()).isEmpty();
    }

    /**
     * The embedded MongoDB-wire server answers from a unique index only a filter whose keys are
     * exactly the index's; an {@code $and} of the same two equalities makes it read the whole
     * history on every {@code /listen}, which took the event path from milliseconds to seconds.
     */
    @Test
    void theDeliveredEventIsReadByExactlyTheKeysOfTheHistorysUniqueIndex() throws Exception {
        SubscriptionService s = service(Clock.systemUTC());
        Subscription sub = s.subscribe("idx", "bob", false, null);
        new EventLog(db, backends.redis(), CloudEventSettings.KERNELCI).append("idx", "bob", Map.of("n", 1), Map.of());
        HISTORY_FINDS.clear();
        assertThat(sequenceOf(s.listen(sub.id(), "bob").toCompletableFuture().get(20, TimeUnit.SECONDS))).isEqualTo(1);
        assertThat(HISTORY_FINDS.keys()).isNotEmpty().allSatisfy(keys -> assertThat(keys).containsExactly("channel", "sequence_id"));
    }

    @Test
    void claimingAnEventKeepsTheSubscriberAlive() throws Exception {
        MovableClock clock = new MovableClock();
        SubscriptionService s = service(clock);
        Subscription sub = s.subscribe("alive", "bob", false, null);
        new EventLog(db, backends.redis(), CloudEventSettings.KERNELCI).append("alive", "bob", Map.of("n", 1), Map.of());
        clock.advance(SETTINGS.idleTimeout().minusSeconds(1));
        assertThat(sequenceOf(s.listen(sub.id(), "bob").toCompletableFuture().get(20, TimeUnit.SECONDS))).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        s.closeIdle();
        assertThat(new SubscriptionStore(db).find(sub.id()).orElseThrow().live()).isTrue();
    }
}
