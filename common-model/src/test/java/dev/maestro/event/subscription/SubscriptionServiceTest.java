package dev.maestro.event.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.maestro.error.ForbiddenException;
import dev.maestro.error.NotFoundException;
import dev.maestro.event.CloudEventSettings;
import dev.maestro.event.Envelopes;
import dev.maestro.event.EventHistory;
import dev.maestro.event.EventLog;
import dev.maestro.event.StoredEvent;
import dev.maestro.json.Json;
import dev.maestro.testing.LocalBackends;
import dev.maestro.testing.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

class SubscriptionServiceTest {
    private static final ListenSettings QUICK = new ListenSettings(Duration.ofSeconds(5), Duration.ofMillis(200),
            Duration.ofSeconds(10), Duration.ofMinutes(15));
    private static LocalBackends backends;
    private static EventLog log;
    private static MongoDatabase db;
    private final List<SubscriptionService> started = new ArrayList<>();

    @BeforeAll
    static void startBackends() {
        backends = new LocalBackends();
        db = backends.mongo().database();
        log = new EventLog(db, backends.redis(), CloudEventSettings.KERNELCI);
        log.createIndexes(Duration.ofDays(7));
        new SubscriptionStore(db).createIndexes(Duration.ofDays(7));
    }

    @AfterAll
    static void stopBackends() throws Exception {
        backends.close();
    }

    @AfterEach
    void stopServices() {
        started.forEach(SubscriptionService::close);
    }

    private SubscriptionService service(ListenSettings settings, Clock clock) {
        SubscriptionService s = new SubscriptionService(new SubscriptionStore(db), new EventHistory(db),
                new Envelopes(CloudEventSettings.KERNELCI), backends.redis(), settings, Executors.defaultThreadFactory(), clock);
        s.start();
        started.add(s);
        return s;
    }

    private SubscriptionService service(ListenSettings settings) {
        return service(settings, Clock.systemUTC());
    }

    private static String channel() {
        return "ch-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ListenMessage listen(SubscriptionService service, int id, String user) throws Exception {
        return service.listen(id, user).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static Map<String, Object> envelope(ListenMessage m) {
        return Json.readMap(m.data());
    }

    private static long sequenceOf(ListenMessage m) {
        return ((Number) envelope(m).get("_sequence_id")).longValue();
    }

    private static boolean isKeepAlive(ListenMessage m) {
        return "BEEP".equals(envelope(m).get("data"));
    }

    /** Takes the channel's next number the way a writer does, without storing the event (yet). */
    private static long takeNumber(String channel) {
        Document counter = db.getCollection("eventcounters").findOneAndUpdate(Filters.eq("_id", channel),
                Updates.combine(Updates.inc("seq", 1L), Updates.set("updated", new Date())),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get("seq")).longValue();
    }

    /** Stores the event of a number taken with {@link #takeNumber}: the slow writer finishing. */
    private static void storeLate(String channel, long sequence, String owner) {
        Instant now = Instant.now();
        String envelope = new Envelopes(CloudEventSettings.KERNELCI).event(now, owner, Map.of("late", true), Map.of(), sequence);
        db.getCollection("eventhistory").insertOne(new Document("_id", new ObjectId()).append("timestamp", Date.from(now))
                .append("sequence_id", sequence).append("channel", channel).append("owner", owner)
                .append("data", new Document("late", true)).append("envelope", envelope));
    }

    @Test
    void deliversOnlyEventsAfterSubscribingInSequenceOrderWithTheStoredEnvelope() throws Exception {
        SubscriptionService service = service(QUICK);
        String ch = channel();
        log.append(ch, "bob", Map.of("n", 0), Map.of());
        Subscription sub = service.subscribe(ch, "bob", false, null);
        List<StoredEvent> stored = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            stored.add(log.append(ch, "bob", Map.of("n", i), Map.of()));
        }
        for (StoredEvent expected : stored) {
            ListenMessage m = listen(service, sub.id(), "bob");
            assertThat(m.toJson()).containsEntry("type", "message").containsEntry("pattern", null)
                    .containsEntry("channel", ch).containsEntry("data", expected.envelope());
        }
    }

    @Test
    void nonPromiscuousSubscribersSeeTheirOwnAndOwnerlessEventsPromiscuousSeeAll() throws Exception {
        SubscriptionService service = service(QUICK);
        String ch = channel();
        Subscription bob = service.subscribe(ch, "bob", false, null);
        Subscription carol = service.subscribe(ch, "carol", true, null);
        log.append(ch, "eve", Map.of("n", 1), Map.of());
        log.append(ch, "bob", Map.of("n", 2), Map.of());
        log.append(ch, null, Map.of("n", 3), Map.of());
        assertThat(sequenceOf(listen(service, bob.id(), "bob"))).isEqualTo(2);
        assertThat(sequenceOf(listen(service, bob.id(), "bob"))).isEqualTo(3);
        for (long expected = 1; expected <= 3; expected++) {
            assertThat(sequenceOf(listen(service, carol.id(), "carol"))).isEqualTo(expected);
        }
    }

    @Test
    void passesOverLongRunsOfOtherUsersEvents() throws Exception {
        SubscriptionService service = service(QUICK);
        String ch = channel();
        Subscription bob = service.subscribe(ch, "bob", false, null);
        for (int i = 0; i < 450; i++) {
            log.append(ch, "eve", Map.of("n", i), Map.of());
        }
        StoredEvent mine = log.append(ch, "bob", Map.of("n", "mine"), Map.of());
        assertThat(listen(service, bob.id(), "bob").data()).isEqualTo(mine.envelope());
    }

    @Test
    void answersAKeepAliveWhenNothingArrives() throws Exception {
        SubscriptionService service = service(new ListenSettings(Duration.ofMillis(300), Duration.ofMillis(100),
                Duration.ofSeconds(10), Duration.ofMinutes(15)));
        String ch = channel();
        Subscription sub = service.subscribe(ch, "bob", false, null);
        ListenMessage m = listen(service, sub.id(), "bob");
        assertThat(m.channel()).isEqualTo(ch);
        assertThat(envelope(m)).containsEntry("data", "BEEP").containsEntry("specversion", "1.0")
                .containsKeys("id", "source", "type", "time").doesNotContainKeys("owner", "_sequence_id");
    }

    @Test
    void aWaitingListenerIsWokenByTheRedisNotification() throws Exception {
        SubscriptionService service = service(new ListenSettings(Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(10), Duration.ofMinutes(15)));
        backends.awaitPatternSubscriber();
        String ch = channel();
        Subscription sub = service.subscribe(ch, "bob", false, null);
        CompletableFuture<ListenMessage> pending = service.listen(sub.id(), "bob").toCompletableFuture();
        assertThat(pending).isNotDone();
        StoredEvent e = log.append(ch, "bob", Map.of("n", 1), Map.of());
        // Far below the 60 s poll interval: only the notification can have woken it.
        assertThat(pending.get(10, TimeUnit.SECONDS).data()).isEqualTo(e.envelope());
    }

    @Test
    void duringARedisOutageListenersReadTheHistoryAtTheirPollInterval() throws Exception {
        SubscriptionService service = service(QUICK);
        String ch = channel();
        Subscription sub = service.subscribe(ch, "bob", false, null);
        backends.redisServer().stop();
        try {
            CompletableFuture<ListenMessage> pending = service.listen(sub.id(), "bob").toCompletableFuture();
            StoredEvent e = log.append(ch, "bob", Map.of("n", 1), Map.of());
            assertThat(pending.get(10, TimeUnit.SECONDS).data()).isEqualTo(e.envelope());
        } finally {
            backends.redisServer().start();
        }
    }

    @Test
    void aSequenceStillBeingWrittenIsWaitedForNotSkipped() throws Exception {
        SubscriptionService service = service(new ListenSettings(Duration.ofMillis(500), Duration.ofMillis(100),
                Duration.ofMinutes(5), Duration.ofMinutes(15)));
        String ch = channel();
        Subscription sub = service.subscribe(ch, "bob", false, null);
        long slow = takeNumber(ch);
        StoredEvent fast = log.append(ch, "bob", Map.of("n", 2), Map.of());
        assertThat(isKeepAlive(listen(service, sub.id(), "bob"))).as("event after a gap held back").isTrue();
        storeLate(ch, slow, "bob");
        assertThat(sequenceOf(listen(service, sub.id(), "bob"))).isEqualTo(slow);
        assertThat(listen(service, sub.id(), "bob").data()).isEqualTo(fast.envelope());
    }

    @Test
    void aSequenceWhoseWriterDiedIsSkippedAfterTheGapWait() throws Exception {
        Duration gapWait = Duration.ofMillis(400);
        SubscriptionService service = service(new ListenSettings(Duration.ofSeconds(10), Duration.ofMillis(100),
                gapWait, Duration.ofMinutes(15)));
        String ch = channel();
        Subscription sub = service.subscribe(ch, "bob", false, null);
        takeNumber(ch);
        StoredEvent after = log.append(ch, "bob", Map.of("n", 2), Map.of());
        ListenMessage m = listen(service, sub.id(), "bob");
        assertThat(m.data()).isEqualTo(after.envelope());
        assertThat(Instant.now()).isAfterOrEqualTo(after.timestamp().plus(gapWait));
    }

    @Test
    void aDurableSubscriberResumesRightAfterItsLastConfirmedEvent() throws Exception {
        SubscriptionService service = service(QUICK);
        String ch = channel();
        String sid = "sid-" + UUID.randomUUID();
        Subscription first = service.subscribe(ch, "bob", false, sid);
        for (int i = 1; i <= 5; i++) {
            log.append(ch, "bob", Map.of("n", i), Map.of());
        }
        for (long expected = 1; expected <= 3; expected++) {
            assertThat(sequenceOf(listen(service, first.id(), "bob"))).isEqualTo(expected);
        }
        // #3 was delivered but not confirmed (no /listen after it): the crash case.
        Subscription resumed = service.subscribe(ch, "bob", false, sid);
        assertThat(resumed.toJson()).containsEntry("last_event_id", 2L).containsEntry("missed_events", 0L);
        assertThatThrownBy(() -> service.listen(first.id(), "bob")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("replaced by subscription " + resumed.id());
        for (long expected = 3; expected <= 5; expected++) {
            assertThat(sequenceOf(listen(service, resumed.id(), "bob"))).isEqualTo(expected);
        }
    }

    @Test
    void aDurableSubscriberWhoseEventsLeftTheRetentionIsToldHowManyItMissed() throws Exception {
        SubscriptionService service = service(new ListenSettings(Duration.ofSeconds(5), Duration.ofMillis(100),
                Duration.ofMillis(1), Duration.ofMinutes(15)));
        String ch = channel();
        String sid = "sid-" + UUID.randomUUID();
        service.subscribe(ch, "bob", false, sid);
        for (int i = 1; i <= 5; i++) {
            log.append(ch, "bob", Map.of("n", i), Map.of());
        }
        // What the TTL index does once the retention period has passed.
        db.getCollection("eventhistory").deleteMany(Filters.and(Filters.eq("channel", ch), Filters.lte("sequence_id", 3)));
        Subscription resumed = service.subscribe(ch, "bob", false, sid);
        assertThat(resumed.missedEvents()).isEqualTo(3);
        assertThat(sequenceOf(listen(service, resumed.id(), "bob"))).isEqualTo(4);
    }

    @Test
    void aSubscriberIdBelongsToItsFirstUser() {
        SubscriptionService service = service(QUICK);
        String ch = channel();
        String sid = "sid-" + UUID.randomUUID();
        service.subscribe(ch, "bob", false, sid);
        assertThatThrownBy(() -> service.subscribe(ch, "eve", false, sid)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void listeningOnSomeoneElsesSubscriptionIs403AndOnAnUnknownOne404() {
        SubscriptionService service = service(QUICK);
        Subscription sub = service.subscribe(channel(), "bob", false, null);
        assertThatThrownBy(() -> service.listen(sub.id(), "eve")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.listen(Integer.MAX_VALUE, "bob")).isInstanceOf(NotFoundException.class)
                .hasMessage("Subscription id not found: " + Integer.MAX_VALUE);
    }

    @Test
    void idleSubscriptionsAreClosedAndTheirListenSaysWhy() {
        MovableClock clock = new MovableClock();
        SubscriptionService service = service(QUICK, clock);
        Subscription sub = service.subscribe(channel(), "bob", false, null);
        clock.advance(QUICK.idleTimeout().plusSeconds(1));
        assertThat(service.closeIdle()).isGreaterThanOrEqualTo(1);
        assertThat(service.stats()).noneMatch(s -> s.get("id").equals(sub.id()));
        assertThatThrownBy(() -> service.listen(sub.id(), "bob")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("closed after 900 s without /listen");
    }

    @Test
    void unsubscribedSubscriptionsAre404() {
        SubscriptionService service = service(QUICK);
        Subscription sub = service.subscribe(channel(), "bob", false, null);
        service.unsubscribe(sub.id(), "bob");
        assertThatThrownBy(() -> service.listen(sub.id(), "bob")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("unsubscribed");
    }

    /**
     * The instance that served the last {@code /listen} starts the next one from the subscription
     * as it left it; closed by another instance meanwhile, the subscription must still be 404,
     * with an event waiting (its claim fails) and without (the poll reads it again).
     */
    @Test
    void aSubscriptionUnsubscribedOnAnotherInstanceIs404AtItsNextListen() throws Exception {
        MovableClock clock = new MovableClock();
        SubscriptionService one = service(QUICK, clock);
        SubscriptionService other = service(QUICK);
        String ch = channel();
        Subscription withEvent = one.subscribe(ch, "bob", false, null);
        Subscription withoutEvent = one.subscribe(ch, "bob", false, null);
        log.append(ch, "bob", Map.of("n", 1), Map.of());
        assertThat(sequenceOf(listen(one, withEvent.id(), "bob"))).isEqualTo(1);
        assertThat(sequenceOf(listen(one, withoutEvent.id(), "bob"))).isEqualTo(1);
        other.unsubscribe(withEvent.id(), "bob");
        other.unsubscribe(withoutEvent.id(), "bob");
        // However long the unsubscribes took on a loaded machine, `one` must still hold both as
        // fresh: that is the path under test (a stale one would just be read again, and throw).
        clock.advance(SeenSubscriptions.FRESH.negated().multipliedBy(10));
        assertThatThrownBy(() -> listen(one, withoutEvent.id(), "bob")).hasCauseInstanceOf(NotFoundException.class)
                .hasMessageContaining("unsubscribed");
        log.append(ch, "bob", Map.of("n", 2), Map.of());
        assertThatThrownBy(() -> listen(one, withEvent.id(), "bob")).hasCauseInstanceOf(NotFoundException.class)
                .hasMessageContaining("unsubscribed");
    }
}
