package dev.maestro.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.it.support.NodeBodies;
import dev.maestro.it.support.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Client mistakes on node endpoints: each answers its 4xx with a {@code detail}, never a 5xx,
 * and stores nothing. Every case gets a fresh checkout ({node}), a fresh done checkout
 * ({done}) and a unique group ({name}) that bodies creating nodes use; afterwards no node is in
 * that group and both nodes are exactly as before.
 */
public interface MalformedRequestsContract extends ApiContract {
    String MISSING = "000000000000000000000000";
    String CHECKOUT = "\"kind\":\"checkout\",\"name\":\"n\",\"path\":[\"checkout\"],\"group\":\"{name}\"";
    String REVISION = "\"data\":{\"kernel_revision\":{\"tree\":\"t\",\"url\":\"https://x/\",\"branch\":\"b\",\"commit\":\"c\"}}";
    String CHILD = "{\"node\":{\"kind\":\"test\",\"name\":\"c\",\"path\":[\"c\"],\"group\":\"{name}\"},\"child_nodes\":[]}";

    /** Who sends the request. */
    enum As { ADMIN, ANONYMOUS, GARBAGE_TOKEN }

    static Arguments bad(String label, String method, String path, String body, int status) {
        return bad(label, As.ADMIN, method, path, body, status);
    }

    static Arguments bad(String label, As as, String method, String path, String body, int status) {
        return Arguments.of(label, as, method, path, body, status);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // POST /node: body shape and types (422)
                bad("malformed JSON", "POST", "/latest/node", "{" + CHECKOUT + ",", 422),
                bad("JSON array body", "POST", "/latest/node", "[{" + CHECKOUT + "}]", 422),
                bad("JSON string body", "POST", "/latest/node", "\"{name}\"", 422),
                bad("empty body", "POST", "/latest/node", "", 422),
                bad("missing name", "POST", "/latest/node", "{\"path\":[],\"group\":\"{name}\"}", 422),
                bad("missing path", "POST", "/latest/node", "{\"name\":\"n\",\"group\":\"{name}\"}", 422),
                bad("name is a number", "POST", "/latest/node", "{\"name\":5,\"path\":[],\"group\":\"{name}\"}", 422),
                bad("path is a string", "POST", "/latest/node", "{\"name\":\"n\",\"path\":\"p\",\"group\":\"{name}\"}", 422),
                bad("path holds a number", "POST", "/latest/node", "{\"name\":\"n\",\"path\":[1],\"group\":\"{name}\"}", 422),
                bad("unknown state", "POST", "/latest/node", "{" + CHECKOUT + ",\"state\":\"finished\"}", 422),
                bad("result in upper case", "POST", "/latest/node", "{" + CHECKOUT + ",\"result\":\"PASS\"}", 422),
                bad("retry_counter as a string", "POST", "/latest/node", "{" + CHECKOUT + ",\"retry_counter\":\"1\"}", 422),
                bad("retry_counter as a float", "POST", "/latest/node", "{" + CHECKOUT + ",\"retry_counter\":1.5}", 422),
                bad("malformed parent id", "POST", "/latest/node", "{" + CHECKOUT + ",\"parent\":\"xyz\"}", 422),
                bad("ftp artifact URL", "POST", "/latest/node", "{" + CHECKOUT + ",\"artifacts\":{\"log\":\"ftp://x/y\"}}", 422),
                bad("artifact URL is a number", "POST", "/latest/node", "{" + CHECKOUT + ",\"artifacts\":{\"log\":5}}", 422),
                bad("data is a list", "POST", "/latest/node", "{" + CHECKOUT + ",\"data\":[]}", 422),
                bad("duplicate user_groups", "POST", "/latest/node", "{" + CHECKOUT + ",\"user_groups\":[\"a\",\"a\"]}", 422),
                bad("bad created date", "POST", "/latest/node", "{" + CHECKOUT + ",\"created\":\"yesterday\"}", 422),
                bad("flag as a string", "POST", "/latest/node", "{" + CHECKOUT + ",\"processed_by_kcidb_bridge\":\"yes\"}", 422),
                bad("data key with a dot", "POST", "/latest/node", "{" + CHECKOUT + ",\"data\":{\"a.b\":1}}", 422),
                bad("data key with a dollar", "POST", "/latest/node", "{" + CHECKOUT + ",\"data\":{\"$set\":1}}", 422),
                bad("integer beyond 64 bits", "POST", "/latest/node", "{" + CHECKOUT + ",\"data\":{\"n\":123456789012345678901234567890}}", 422),
                // POST /node: rules (400/404)
                bad("unknown kind", "POST", "/latest/node", "{\"kind\":\"build\",\"name\":\"n\",\"path\":[],\"group\":\"{name}\"}", 400),
                bad("kind in the wrong case", "POST", "/latest/node", "{\"kind\":\"Checkout\",\"name\":\"n\",\"path\":[],\"group\":\"{name}\"}", 400),
                bad("checkout revision without url", "POST", "/latest/node",
                        "{" + CHECKOUT + ",\"data\":{\"kernel_revision\":{\"tree\":\"t\",\"branch\":\"b\",\"commit\":\"c\"}}}", 400),
                bad("checkout version not a number", "POST", "/latest/node", "{" + CHECKOUT + ",\"data\":{\"kernel_revision\":"
                        + "{\"tree\":\"t\",\"url\":\"https://x/\",\"branch\":\"b\",\"commit\":\"c\",\"version\":{\"version\":\"six\",\"patchlevel\":1}}}}", 400),
                bad("kbuild arch is a number", "POST", "/latest/node", "{\"kind\":\"kbuild\",\"name\":\"n\",\"path\":[],\"group\":\"{name}\",\"data\":{\"arch\":64}}", 400),
                bad("unknown checkout error_code", "POST", "/latest/node", "{" + CHECKOUT + ",\"data\":{\"error_code\":\"oops\"}}", 400),
                bad("id in the body", "POST", "/latest/node", "{" + CHECKOUT + ",\"id\":\"" + MISSING + "\"}", 400),
                bad("parent does not exist", "POST", "/latest/node", "{" + CHECKOUT + ",\"parent\":\"" + MISSING + "\"}", 404),
                bad("user group does not exist", "POST", "/latest/node", "{" + CHECKOUT + ",\"user_groups\":[\"no-such-{name}\"]}", 400),
                bad("no token", As.ANONYMOUS, "POST", "/latest/node", "{" + CHECKOUT + "}", 401),
                bad("garbage token", As.GARBAGE_TOKEN, "POST", "/latest/node", "{" + CHECKOUT + "}", 401),
                bad("body over the size limit", "POST", "/latest/node", "BIG", 413),
                // GET
                bad("malformed node id", "GET", "/latest/node/xyz", null, 400),
                bad("missing node", "GET", "/latest/node/" + MISSING, null, 404),
                bad("limit=0", "GET", "/latest/nodes?limit=0", null, 422),
                bad("negative offset", "GET", "/latest/nodes?offset=-1", null, 422),
                bad("limit not a number", "GET", "/latest/nodes?limit=abc", null, 422),
                bad("negative limit on /nodes/fast", "GET", "/latest/nodes/fast?limit=-1", null, 422),
                bad("bad date in a filter", "GET", "/latest/nodes?created__gt=yesterday", null, 400),
                bad("bad date with an offset", "GET", "/latest/nodes?timeout__lt=2024-13-01T00:00:00%2B00:00", null, 400),
                bad("invalid regex", "GET", "/latest/nodes?name__re=(", null, 400),
                bad("regex on an integer field", "GET", "/latest/nodes?retry_counter__re=1", null, 400),
                bad("integer filter not a number", "GET", "/latest/nodes?retry_counter__gt=abc", null, 400),
                bad("malformed parent filter", "GET", "/latest/count?parent=xyz", null, 400),
                bad("unknown operator", "GET", "/latest/nodes/fast?name__like=x", null, 400),
                bad("operator injection", "GET", "/latest/count?%24where=1", null, 400),
                bad("bad boolean filter", "GET", "/latest/count?processed_by_kcidb_bridge=maybe", null, 400),
                bad("bad sort field", "GET", "/latest/nodes?sort=%24natural", null, 400),
                // PUT / PATCH /node/{id}
                bad("PATCH with no fields", "PATCH", "/latest/node/{node}", "{}", 400),
                bad("PATCH with only unknown fields", "PATCH", "/latest/node/{node}", "{\"name\":\"x\",\"foo\":1}", 400),
                bad("PATCH unknown state", "PATCH", "/latest/node/{node}", "{\"state\":\"finished\"}", 422),
                bad("PATCH malformed JSON", "PATCH", "/latest/node/{node}", "{\"state\":", 422),
                bad("PATCH bad artifact", "PATCH", "/latest/node/{node}", "{\"artifacts\":{\"log\":\"nope\"}}", 422),
                bad("PATCH null timeout", "PATCH", "/latest/node/{node}", "{\"timeout\":null}", 422),
                bad("PATCH data invalid for the kind", "PATCH", "/latest/node/{node}", "{\"data\":{\"kernel_revision\":{\"tree\":\"t\"}}}", 400),
                bad("PATCH bad noevent", "PATCH", "/latest/node/{node}?noevent=maybe", "{\"result\":\"pass\"}", 422),
                bad("PATCH done back to running", "PATCH", "/latest/node/{done}", "{\"state\":\"running\"}", 400),
                bad("PATCH done back to available", "PATCH", "/latest/node/{done}", "{\"state\":\"available\"}", 400),
                bad("PUT done back to closing", "PUT", "/latest/node/{done}", "{" + CHECKOUT + "," + REVISION + ",\"state\":\"closing\"}", 400),
                bad("PUT without name", "PUT", "/latest/node/{node}", "{\"path\":[]}", 422),
                bad("PUT parent is itself", "PUT", "/latest/node/{node}", "{" + CHECKOUT + "," + REVISION + ",\"parent\":\"{node}\"}", 400),
                bad("PUT unknown kind", "PUT", "/latest/node/{node}", "{\"kind\":\"nodes\",\"name\":\"n\",\"path\":[]}", 400),
                bad("PUT malformed id", "PUT", "/latest/node/xyz", "{" + CHECKOUT + "}", 400),
                bad("PUT missing node", "PUT", "/latest/node/" + MISSING, "{" + CHECKOUT + "}", 404),
                bad("PATCH without token", As.ANONYMOUS, "PATCH", "/latest/node/{node}", "{\"result\":\"pass\"}", 401),
                // PUT /nodes/{id}
                bad("hierarchy without child_nodes", "PUT", "/latest/nodes/{node}", "{\"node\":{" + CHECKOUT + "}}", 422),
                bad("hierarchy child without name", "PUT", "/latest/nodes/{node}",
                        "{\"node\":{" + CHECKOUT + "," + REVISION + "},\"child_nodes\":[" + CHILD + ",{\"node\":{\"path\":[]},\"child_nodes\":[]}]}", 422),
                bad("hierarchy child of unknown kind", "PUT", "/latest/nodes/{node}",
                        "{\"node\":{" + CHECKOUT + "," + REVISION + "},\"child_nodes\":[" + CHILD
                                + ",{\"node\":{\"kind\":\"x\",\"name\":\"c\",\"path\":[],\"group\":\"{name}\"},\"child_nodes\":[]}]}", 400),
                bad("hierarchy child with unknown id", "PUT", "/latest/nodes/{node}",
                        "{\"node\":{" + CHECKOUT + "," + REVISION + "},\"child_nodes\":[" + CHILD
                                + ",{\"node\":{\"id\":\"" + MISSING + "\",\"kind\":\"test\",\"name\":\"c\",\"path\":[]},\"child_nodes\":[]}]}", 400),
                bad("hierarchy root data invalid", "PUT", "/latest/nodes/{node}",
                        "{\"node\":{" + CHECKOUT + ",\"data\":{\"kernel_revision\":{}}},\"child_nodes\":[" + CHILD + "]}", 400),
                bad("hierarchy on a malformed id", "PUT", "/latest/nodes/xyz", "{\"node\":{" + CHECKOUT + "},\"child_nodes\":[]}", 400),
                bad("hierarchy on a missing root", "PUT", "/latest/nodes/" + MISSING, "{\"node\":{" + CHECKOUT + "},\"child_nodes\":[" + CHILD + "]}", 404),
                // PUT /batch/nodeset
                bad("batch unsupported field", "PUT", "/latest/batch/nodeset", "{\"nodes\":[\"{node}\"],\"field\":\"state\",\"value\":\"done\"}", 400),
                bad("batch value is a boolean", "PUT", "/latest/batch/nodeset",
                        "{\"nodes\":[\"{node}\"],\"field\":\"processed_by_kcidb_bridge\",\"value\":true}", 422),
                bad("batch value not true/false", "PUT", "/latest/batch/nodeset",
                        "{\"nodes\":[\"{node}\"],\"field\":\"processed_by_kcidb_bridge\",\"value\":\"maybe\"}", 400),
                bad("batch with a missing node", "PUT", "/latest/batch/nodeset",
                        "{\"nodes\":[\"{node}\",\"" + MISSING + "\"],\"field\":\"processed_by_kcidb_bridge\",\"value\":\"true\"}", 404),
                bad("batch with a malformed id", "PUT", "/latest/batch/nodeset",
                        "{\"nodes\":[\"{node}\",\"xyz\"],\"field\":\"processed_by_kcidb_bridge\",\"value\":\"true\"}", 400),
                bad("batch nodes not a list", "PUT", "/latest/batch/nodeset",
                        "{\"nodes\":\"{node}\",\"field\":\"processed_by_kcidb_bridge\",\"value\":\"true\"}", 422));
    }

    @ParameterizedTest(name = "[{index}] {0} → {5}")
    @MethodSource("dev.maestro.it.MalformedRequestsContract#cases")
    default void clientMistakeIs4xxWithDetailAndStoresNothing(String label, As as, String method, String path, String body,
                                                             int status) {
        String name = TestUsers.unique("bad");
        String node = create(NodeBodies.checkout("existing", name + "-existing"));
        String done = create(NodeBodies.checkout("done", name + "-existing"));
        assertThat(admin().patch("/latest/node/" + done, Map.of("state", "done")).status()).isEqualTo(200);
        Map<String, Object> nodeBefore = api().get("/latest/node/" + node).map();
        Map<String, Object> doneBefore = api().get("/latest/node/" + done).map();

        ApiClient client = switch (as) {
            case ADMIN -> admin();
            case ANONYMOUS -> api().anonymous();
            case GARBAGE_TOKEN -> api().as("not-a-token");
        };
        String resolvedPath = path.replace("{node}", node).replace("{done}", done);
        String resolvedBody = body == null ? null : "BIG".equals(body) ? bigBody(name)
                : body.replace("{name}", name).replace("{node}", node).replace("{done}", done);
        ApiResponse r = resolvedBody == null ? client.get(resolvedPath)
                : "BIG".equals(body) ? postExpectingContinue(resolvedPath, resolvedBody)
                : client.send(method, resolvedPath, "application/json", resolvedBody);

        assertThat(r.status()).as("%s: %s", label, r).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.map()).containsKey("detail");
        assertThat(r.detail()).isNotNull();
        if (r.detail() instanceof List<?> errors) {
            assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(((Map<?, ?>) e).keySet().containsAll(List.of("loc", "msg", "type"))).isTrue());
        } else {
            assertThat((String) r.detail()).isNotBlank();
        }
        assertThat(api().get("/latest/count?group=" + name).json()).as("nothing stored").isEqualTo(0);
        assertThat(api().get("/latest/node/" + node).map()).as("node unchanged").isEqualTo(nodeBefore);
        assertThat(api().get("/latest/node/" + done).map()).as("done node unchanged").isEqualTo(doneBefore);
    }

    private String create(Map<String, Object> body) {
        ApiResponse r = admin().post("/latest/node", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return (String) r.map().get("id");
    }

    /**
     * Sends an oversized body as well-behaved clients (curl) do, with {@code Expect: 100-continue},
     * so that the server's early 413 is read instead of a connection closed mid-upload.
     */
    private ApiResponse postExpectingContinue(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api().base() + path))
                .timeout(Duration.ofSeconds(60)).expectContinue(true)
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A valid checkout whose debug makes the body larger than the server's 1 MiB limit. */
    private static String bigBody(String name) {
        return "{" + CHECKOUT.replace("{name}", name) + ",\"debug\":{\"padding\":\"" + "x".repeat(1_100_000) + "\"}}";
    }
}
