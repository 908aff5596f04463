package dev.maestro.it;

import static dev.maestro.it.support.Listening.envelope;
import static dev.maestro.it.support.Listening.subscribe;
import static dev.maestro.it.support.NodeBodies.checkout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.it.support.TestUsers;
import dev.maestro.it.support.TestUsers.TestUser;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /node/{id}}, {@code GET /nodes}, {@code POST /node} and {@code GET /listen/{sub_id}}
 * are served ahead of JAX-RS when a request has their plain form ({@code dev.maestro.api.direct}). They must answer exactly
 * as the JAX-RS resource does. The reference is the same request in a form the direct routes
 * leave to JAX-RS: for the single node routes and {@code /listen}, with a query string, which the
 * resource ignores.
 */
public interface DirectRoutesContract extends ApiContract {
    String VIA_JAXRS = "?via=jaxrs";

    @Test
    default void aNodeReadDirectlyIsByteForByteTheOneJaxRsServes() {
        String id = (String) admin().post("/latest/node", checkout("direct-read", TestUsers.unique("direct"))).map().get("id");
        for (ApiClient client : List.of(api(), admin())) {
            for (String path : List.of("/latest/node/" + id, "/node/" + id, "/v0/node/" + id,
                    "/latest/node/ffffffffffffffffffffffff", "/latest/node/" + id.toUpperCase())) {
                assertSameAnswer(client.get(path), client.get(path + VIA_JAXRS));
            }
        }
        assertThat(api().get("/latest/node/" + id).map()).containsEntry("id", id).containsEntry("name", "direct-read");
    }

    /** The reference here is the same query with a letter percent-encoded, which the direct route leaves to JAX-RS. */
    @Test
    default void aNodeQueryAnsweredDirectlyIsByteForByteTheOneJaxRsServes() {
        String group = TestUsers.unique("direct-query");
        for (String name : List.of("q-one", "q-two", "q-three")) {
            admin().post("/latest/node", checkout(name, group));
        }
        String own = "group=" + group;
        for (ApiClient client : List.of(api(), admin())) {
            for (String query : List.of(own, own + "&limit=2&offset=1", own + "&sort=-name&limit=2", own + "&name=q-two&name=q-one",
                    own + "&limit=0", own + "&offset=-1", own + "&created__gt=yesterday", own + "&name__re=(", own + "&state__foo=x")) {
                for (String prefix : List.of("/latest", "", "/v0")) {
                    assertSameAnswer(client.get(prefix + "/nodes?" + query), client.get(prefix + "/nodes?%67" + query.substring(1)));
                }
            }
        }
        assertThat(api().get("/latest/nodes?" + own + "&name=q-two&name=q-one").map()).containsEntry("total", 1);
        ApiResponse refused = api().as("not-a-token").get("/latest/nodes?" + own);
        assertThat(refused.status()).isEqualTo(401);
        assertSameAnswer(refused, api().as("not-a-token").get("/latest/nodes?%67" + own.substring(1)));
    }

    @Test
    default void aNodeWrittenDirectlyIsStoredAndAnsweredAsJaxRsDoes() {
        String group = TestUsers.unique("direct");
        ApiResponse direct = admin().post("/latest/node", checkout("direct-write", group));
        ApiResponse reference = admin().post("/latest/node" + VIA_JAXRS, checkout("direct-write", group));
        assertThat(direct.status()).as(direct.toString()).isEqualTo(200);
        assertThat(direct.contentType()).isEqualTo(reference.contentType());
        assertThat(withoutIdentity(direct.map())).isEqualTo(withoutIdentity(reference.map()));
        assertThat(admin().get("/latest/node/" + direct.map().get("id")).map()).isEqualTo(direct.map());
        assertThat(api().get("/latest/count?group=" + group).json()).isEqualTo(2);
    }

    @Test
    default void aRefusedNodeWriteGetsTheAnswerJaxRsGives() {
        String group = TestUsers.unique("direct-refused");
        String checkout = "\"kind\":\"checkout\",\"name\":\"n\",\"path\":[\"checkout\"],\"group\":\"" + group + "\"";
        for (String body : List.of("{" + checkout + ",", "[]", "", "{" + checkout + ",\"kind\":\"nope\"}",
                "{" + checkout + ",\"parent\":\"ffffffffffffffffffffffff\"}", "{" + checkout + ",\"id\":\"ffffffffffffffffffffffff\"}",
                "{" + checkout + ",\"state\":42}")) {
            for (String type : new String[] {"application/json", null, "text/plain"}) {
                ApiResponse direct = admin().send("POST", "/latest/node", type, body);
                assertThat(direct.status()).as(body + " as " + type + ": " + direct).isBetween(400, 499);
                assertSameAnswer(direct, admin().send("POST", "/latest/node" + VIA_JAXRS, type, body));
            }
        }
        for (ApiClient caller : List.of(api(), api().as("not-a-token"))) {
            ApiResponse refused = caller.post("/latest/node", checkout("n", group));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertSameAnswer(refused, caller.post("/latest/node" + VIA_JAXRS, checkout("n", group)));
        }
        assertThat(api().get("/latest/count?group=" + group).json()).as("nothing stored").isEqualTo(0);
    }

    @Test
    default void aRefusedTokenOnADirectReadIs401AsOnJaxRs() {
        String id = (String) admin().post("/latest/node", checkout("direct-token", TestUsers.unique("direct"))).map().get("id");
        ApiResponse refused = api().as("not-a-token").get("/latest/node/" + id);
        assertThat(refused.status()).isEqualTo(401);
        assertSameAnswer(refused, api().as("not-a-token").get("/latest/node/" + id + VIA_JAXRS));
    }

    /** Two subscriptions of one user to one channel get the same event: one directly, one through JAX-RS. */
    @Test
    default void aListenAnsweredDirectlyIsByteForByteTheOneJaxRsServes() {
        TestUser bob = TestUsers.create(api(), "bob");
        ApiClient client = api().as(bob.token());
        String channel = TestUsers.unique("direct-listen");
        int direct = subscribe(client, channel, "");
        int reference = subscribe(client, channel, "");
        client.post("/latest/publish/" + channel, Map.of("data", Map.of("n", 1)));
        ApiResponse event = client.get("/latest/listen/" + direct);
        assertThat(event.status()).as(event.toString()).isEqualTo(200);
        assertThat(envelope(event)).containsEntry("data", Map.of("n", 1));
        assertSameAnswer(event, client.get("/latest/listen/" + reference + VIA_JAXRS));
        for (String id : List.of("2147483647", "0", "abc", "99999999999")) {
            for (String prefix : List.of("/latest", "", "/v0")) {
                assertSameAnswer(client.get(prefix + "/listen/" + id), client.get(prefix + "/listen/" + id + VIA_JAXRS));
            }
        }
        ApiClient eve = api().as(TestUsers.create(api(), "eve").token());
        ApiResponse forbidden = eve.get("/latest/listen/" + direct);
        assertThat(forbidden.status()).isEqualTo(403);
        assertSameAnswer(forbidden, eve.get("/latest/listen/" + direct + VIA_JAXRS));
        ApiResponse refused = api().as("not-a-token").get("/latest/listen/" + direct);
        assertThat(refused.status()).isEqualTo(401);
        assertSameAnswer(refused, api().as("not-a-token").get("/latest/listen/" + direct + VIA_JAXRS));
    }

    private static void assertSameAnswer(ApiResponse direct, ApiResponse reference) {
        assertThat(direct.status()).as("status of " + direct).isEqualTo(reference.status());
        assertThat(direct.contentType()).as("type of " + direct).isEqualTo(reference.contentType());
        assertThat(direct.body()).isEqualTo(reference.body());
    }

    /** A created node without what makes it that node: its id and its times. */
    private static Map<String, Object> withoutIdentity(Map<String, Object> node) {
        Map<String, Object> rest = new LinkedHashMap<>(node);
        List.of("id", "created", "updated", "timeout").forEach(rest::remove);
        return rest;
    }
}
