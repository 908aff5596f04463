package dev.maestro.it;

import static dev.maestro.it.support.Listening.envelope;
import static dev.maestro.it.support.Listening.events;
import static dev.maestro.it.support.Listening.isKeepAlive;
import static dev.maestro.it.support.Listening.listenOk;
import static dev.maestro.it.support.Listening.sequence;
import static dev.maestro.it.support.Listening.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.it.support.TestUsers;
import dev.maestro.it.support.TestUsers.TestUser;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pub/sub shapes and rules: subscribe, listen, publish, unsubscribe, stats and {@code GET /events}. */
public interface EventContract extends ApiContract {

    private ApiClient as(TestUser user) {
        return api().as(user.token());
    }

    private static String channel() {
        return TestUsers.unique("ch");
    }

    @Test
    default void subscribeAndListenAnswerKernelCiShapesWithTheEnvelopeAsJsonText() {
        TestUser bob = TestUsers.create(api(), "bob");
        String ch = channel();
        ApiResponse sub = as(bob).post("/latest/subscribe/" + ch, null);
        assertThat(sub.status()).isEqualTo(200);
        assertThat(sub.map().keySet()).containsExactly("id", "channel", "user", "promiscuous");
        assertThat(sub.map()).containsEntry("channel", ch).containsEntry("user", bob.username()).containsEntry("promiscuous", false);
        int id = ((Number) sub.map().get("id")).intValue();

        ApiResponse published = as(bob).post("/latest/publish/" + ch, Map.of("data", Map.of("op", "created", "id", "n1")));
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body()).isEqualTo("null");

        ApiResponse message = listenOk(as(bob), id);
        assertThat(message.map().keySet()).containsExactly("type", "pattern", "channel", "data");
        assertThat(message.map()).containsEntry("type", "message").containsEntry("pattern", null).containsEntry("channel", ch);
        assertThat(message.map().get("data")).isInstanceOf(String.class);
        Map<String, Object> envelope = envelope(message);
        assertThat(envelope).containsEntry("specversion", "1.0").containsEntry("source", "https://api.kernelci.org/")
                .containsEntry("type", "api.kernelci.org").containsEntry("owner", bob.username())
                .containsEntry("data", Map.of("op", "created", "id", "n1")).containsEntry("_sequence_id", 1)
                .containsKeys("id", "time");
    }

    @Test
    default void anIdleListenAnswersAKeepAliveBeep() {
        TestUser bob = TestUsers.create(api(), "bob");
        String ch = channel();
        int id = subscribe(as(bob), ch, "");
        ApiResponse message = listenOk(as(bob), id);
        assertThat(message.map()).containsEntry("type", "message").containsEntry("channel", ch);
        Map<String, Object> envelope = envelope(message);
        assertThat(isKeepAlive(envelope)).isTrue();
        assertThat(envelope).containsKeys("specversion", "id", "source", "type", "time").doesNotContainKey("owner");
    }

    @Test
    default void nonPromiscuousSubscribersGetTheirOwnEventsPromiscuousOnesGetAll() {
        TestUser alice = TestUsers.create(api(), "alice");
        TestUser bob = TestUsers.create(api(), "bob");
        TestUser carol = TestUsers.create(api(), "carol");
        String ch = channel();
        int aliceSub = subscribe(as(alice), ch, "");
        int bobSub = subscribe(as(bob), ch, "promisc=false");
        int carolSub = subscribe(as(carol), ch, "promisc=True");
        as(alice).post("/latest/publish/" + ch, Map.of("data", Map.of("n", 1)));
        as(bob).post("/latest/publish/" + ch, Map.of("data", Map.of("n", 2)));
        as(alice).post("/latest/publish/" + ch, Map.of("data", Map.of("n", 3)));

        assertThat(events(as(alice), aliceSub, 2, Duration.ofSeconds(30))).extracting(e -> sequence(e)).containsExactly(1L, 3L);
        assertThat(events(as(bob), bobSub, 1, Duration.ofSeconds(30))).extracting(e -> e.get("owner"))
                .containsExactly(bob.username());
        assertThat(events(as(carol), carolSub, 3, Duration.ofSeconds(30))).extracting(e -> sequence(e))
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    default void publishOnACustomChannelReachesOnlyThatChannelWithTheCallerAsOwner() {
        TestUser bob = TestUsers.create(api(), "bob");
        String custom = channel();
        String other = channel();
        int customSub = subscribe(as(bob), custom, "");
        int otherSub = subscribe(as(bob), other, "");
        ApiResponse r = as(bob).post("/latest/publish/" + custom, Map.of("data", Map.of("x", 1), "type", "custom.type",
                "source", "https://example.org/src", "attributes", Map.of("owner", "mallory", "kind", "demo")));
        assertThat(r.status()).isEqualTo(200);
        Map<String, Object> e = events(as(bob), customSub, 1, Duration.ofSeconds(30)).get(0);
        assertThat(e).containsEntry("type", "custom.type").containsEntry("source", "https://example.org/src")
                .containsEntry("owner", bob.username()).containsEntry("kind", "demo");
        assertThat(isKeepAlive(envelope(listenOk(as(bob), otherSub)))).as("other channel stays quiet").isTrue();
    }

    @Test
    default void publishRefusesEmptyPayloadsBadAttributesAndAnonymousCallers() {
        TestUser bob = TestUsers.create(api(), "bob");
        String ch = channel();
        for (Object falsy : new Object[] {Map.of(), List.of(), "", 0}) {
            ApiResponse r = as(bob).post("/latest/publish/" + ch, Map.of("data", falsy));
            assertThat(r.status()).as("data %s", falsy).isEqualTo(422);
            assertThat(r.body()).contains("None is not allowed as event payload");
        }
        assertThat(as(bob).post("/latest/publish/" + ch, "{\"data\": null}").status()).isEqualTo(422);
        ApiResponse badName = as(bob).post("/latest/publish/" + ch, Map.of("data", 1, "attributes", Map.of("Bad-Name", "x")));
        assertThat(badName.status()).isEqualTo(422);
        assertThat(badName.body()).contains("Bad-Name");
        assertThat(api().post("/latest/publish/" + ch, Map.of("data", 1)).status()).isEqualTo(401);
        assertThat(api().get("/latest/events?channel=" + ch).list()).isEmpty();
    }

    @Test
    default void listenAndUnsubscribeAnswer422For403And404AsTheCaseIs() {
        TestUser bob = TestUsers.create(api(), "bob");
        TestUser eve = TestUsers.create(api(), "eve");
        int id = subscribe(as(bob), channel(), "");
        ApiResponse notInt = as(bob).get("/latest/listen/abc");
        assertThat(notInt.status()).isEqualTo(422);
        assertThat(notInt.body()).contains("sub_id");
        assertThat(as(eve).get("/latest/listen/" + id).status()).isEqualTo(403);
        assertThat(as(eve).post("/latest/unsubscribe/" + id, null).status()).isEqualTo(403);
        ApiResponse unknown = as(bob).get("/latest/listen/2100000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detail()).isEqualTo("Subscription id not found: 2100000000");
        assertThat(api().get("/latest/listen/" + id).status()).isEqualTo(401);

        ApiResponse unsubscribed = as(bob).post("/latest/unsubscribe/" + id, null);
        assertThat(unsubscribed.status()).isEqualTo(200);
        assertThat(unsubscribed.body()).isEqualTo("null");
        ApiResponse after = as(bob).get("/latest/listen/" + id);
        assertThat(after.status()).isEqualTo(404);
        assertThat((String) after.detail()).startsWith("Subscription id not found: " + id).contains("unsubscribed");
    }

    @Test
    default void subscriptionStatsAreForAdminsAndShowPromiscuity() {
        TestUser bob = TestUsers.create(api(), "bob");
        int id = subscribe(as(bob), channel(), "promisc=true&subscriber_id=" + TestUsers.unique("sid"));
        assertThat(as(bob).get("/latest/stats/subscriptions").status()).isEqualTo(403);
        ApiResponse stats = admin().get("/latest/stats/subscriptions");
        assertThat(stats.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> mine = stats.list().stream().map(o -> (Map<String, Object>) o)
                .filter(s -> ((Number) s.get("id")).intValue() == id).findFirst().orElseThrow();
        assertThat(mine).containsEntry("user", bob.username()).containsEntry("promiscuous", true)
                .containsKeys("channel", "created", "last_poll", "subscriber_id");
    }

    @Test
    default void aDurableSubscriptionSaysWhereItResumes() {
        TestUser bob = TestUsers.create(api(), "bob");
        String ch = channel();
        String sid = TestUsers.unique("sid");
        ApiResponse first = as(bob).post("/latest/subscribe/" + ch + "?subscriber_id=" + sid, null);
        assertThat(first.map()).containsEntry("subscriber_id", sid).containsEntry("last_event_id", 0).containsEntry("missed_events", 0);
        int id = ((Number) first.map().get("id")).intValue();
        for (int i = 0; i < 3; i++) {
            as(bob).post("/latest/publish/" + ch, Map.of("data", Map.of("n", i)));
        }
        events(as(bob), id, 2, Duration.ofSeconds(30));
        // Confirms #2 and delivers #3, which stays unconfirmed: the resume point is #2.
        assertThat(sequence(envelope(listenOk(as(bob), id)))).isEqualTo(3);
        ApiResponse again = as(bob).post("/latest/subscribe/" + ch + "?subscriber_id=" + sid, null);
        assertThat(again.map()).containsEntry("last_event_id", 2).containsEntry("missed_events", 0);
        int resumed = ((Number) again.map().get("id")).intValue();
        assertThat(events(as(bob), resumed, 1, Duration.ofSeconds(30))).extracting(e -> sequence(e)).containsExactly(3L);
        ApiResponse replaced = as(bob).get("/latest/listen/" + id);
        assertThat(replaced.status()).isEqualTo(404);
        assertThat((String) replaced.detail()).contains("replaced by subscription " + resumed);
        TestUser eve = TestUsers.create(api(), "eve");
        assertThat(as(eve).post("/latest/subscribe/" + ch + "?subscriber_id=" + sid, null).status()).isEqualTo(403);
    }

    @Test
    default void eventsAreQueriedWithKernelCiFiltersAndFromAsTimeOrSequence() {
        TestUser bob = TestUsers.create(api(), "bob");
        String ch = channel();
        // Python's str(datetime), as KernelCI's client sends it.
        String before = LocalDateTime.now(ZoneOffset.UTC).minusSeconds(5).toString().replace('T', ' ') + "+00:00";
        as(bob).post("/latest/publish/" + ch, Map.of("data", Map.of("op", "created", "kind", "checkout", "id", "n1",
                "path", List.of("checkout"), "is_hierarchy", false)));
        as(bob).post("/latest/publish/" + ch, Map.of("data", Map.of("op", "updated", "kind", "kbuild", "id", "n2",
                "path", List.of("checkout", "kbuild-gcc"), "is_hierarchy", true)));
        as(bob).post("/latest/publish/" + ch, Map.of("data", Map.of("op", "updated", "kind", "kbuild", "id", "n2",
                "path", List.of("checkout", "kbuild-gcc"), "is_hierarchy", false)));

        List<Object> all = api().get("/latest/events?channel=" + ch).list();
        assertThat(all).hasSize(3);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) all.get(0);
        assertThat(first.keySet()).containsExactly("id", "timestamp", "sequence_id", "channel", "owner", "data");
        assertThat(first).containsEntry("sequence_id", 1).containsEntry("owner", bob.username());

        assertThat(api().get("/latest/events?channel=" + ch + "&kind=kbuild").list()).hasSize(2);
        assertThat(api().get("/latest/events?channel=" + ch + "&node_id=n2&op=updated").list()).hasSize(2);
        assertThat(api().get("/latest/events?channel=" + ch + "&data.is_hierarchy=true").list()).hasSize(1);
        assertThat(api().get("/latest/events?channel=" + ch + "&path=kbuild").list()).hasSize(2);
        // An operator suffix matches (KernelCI compares a field literally named "kind__re": always [])
        assertThat(api().get("/latest/events?channel=" + ch + "&kind__re=" + ApiClient.enc("^kb")).list()).hasSize(2);
        assertThat(api().get("/latest/events?channel=" + ch + "&sequence_id__gt=1").status()).isEqualTo(400);
        assertThat(api().get("/latest/events?channel=" + ch + "&from=1").list()).extracting(e -> (Object) ((Map<?, ?>) e).get("sequence_id"))
                .containsExactly(2, 3);
        assertThat(api().get("/latest/events?channel=" + ch + "&from=" + ApiClient.enc(before)).list()).hasSize(3);
        assertThat(api().get("/latest/events?channel=" + ch + "&limit=2&offset=1").list()).hasSize(2);
        assertThat(api().get("/latest/events?channel=" + ch + "&id=" + first.get("id")).list()).hasSize(1);

        assertThat(api().get("/latest/events?from=yesterday").detail())
                .isEqualTo("Invalid 'from' parameter, must be an ISO 8601 datetime or a sequence id");
        assertThat(api().get("/latest/events?id=x&ids=y").detail()).isEqualTo("Provide either id or ids, not both");
        assertThat(api().get("/latest/events?ids=,").detail()).isEqualTo("ids must contain at least one id");
        assertThat(api().get("/latest/events?ids=zz").detail()).isEqualTo("Invalid ids format");
        assertThat(api().get("/latest/events?node_id=a&data.id=b").detail()).isEqualTo("Provide either node_id or data.id, not both");
        assertThat(api().get("/latest/events?recursive=1&limit=5000").detail()).isEqualTo("Recursive limit is too large, max is 1000");
        assertThat(api().get("/latest/events?limit=many").status()).isEqualTo(400);
        assertThat(api().get("/latest/events?path=" + ApiClient.enc("(")).status()).isEqualTo(400);
    }

    @Test
    default void recursiveEventsCarryTheirNodeAsItIsNow() {
        ApiClient writer = api().as(TestUsers.create(api(), "recursive").token());
        String name = TestUsers.unique("recursive-node");
        ApiResponse created = writer.post("/latest/node", Map.of("kind", "node", "name", name, "path", List.of(name)));
        assertThat(created.status()).as("create: %s", created).isEqualTo(200);
        String id = (String) created.map().get("id");
        assertThat(writer.patch("/latest/node/" + id, Map.of("state", "done")).status()).isEqualTo(200);

        List<Object> events = api().get("/latest/events?recursive=true&limit=10&node_id=" + id).list();
        assertThat(events).hasSize(2).allSatisfy(e -> {
            Map<?, ?> node = (Map<?, ?>) ((Map<?, ?>) e).get("node");
            assertThat(node.get("id")).isEqualTo(id);
            assertThat(node.get("state")).isEqualTo("done");
        });
        assertThat(api().get("/latest/events?limit=10&node_id=" + id).list())
                .allSatisfy(e -> assertThat(((Map<?, ?>) e).containsKey("node")).isFalse());
    }
}
