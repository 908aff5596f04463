package dev.maestro.system.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.json.Json;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.testsupport.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's service API as KernelCI's kci-dev calls it (its requests replayed byte for byte:
 * {@code Content-Type: application/json; charset=utf-8} and the bare token in
 * {@code Authorization}, no {@code Bearer}): a custom checkout with a jobfilter runs the
 * configured jobs the filter names and nothing else, watched like kci-dev watches it (the nodes
 * of its treeid); one of its jobs is run again through jobretry; every bad request has a clear
 * 4xx; only a valid token of a permitted user passes; public API reads never mind the bare token.
 */
public interface ServiceApiContract extends PipelineTraceContract {
    String JSON_UTF8 = "application/json; charset=utf-8";
    /** The configured jobs of the system's configuration, to tell what ran. */
    List<String> CONFIGURED_JOBS = List.of("kver", "kbuild-tiny", "tiny-tests", "exits-nonzero", "hangs", "passes");

    @Test
    default void aCustomCheckoutRunsOnlyTheFilteredJobsAndOneOfThemCanBeRetried() {
        String commit = fixture().pushCommit("custom checkout " + UUID.randomUUID());
        ApiResponse answer = kciDev("/api/checkout", adminToken(), checkoutBody(commit,
                "jobfilter", List.of("kbuild-tiny", "passes"), "platformfilter", List.of("shell")));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.map()).containsEntry("message", "OK");
        Map<String, Object> checkout = PipelineTraceContract.map(answer.map().get("node"));
        assertThat(checkout).containsEntry("kind", "checkout").containsEntry("state", "running")
                .containsEntry("owner", "maestro-pipeline").containsEntry("jobfilter", List.of("kbuild-tiny", "passes"))
                .containsEntry("platform_filter", List.of("shell"));
        assertThat((String) checkout.get("submitter")).startsWith("user:");
        assertThat(PipelineTraceContract.map(PipelineTraceContract.map(checkout.get("data")).get("kernel_revision")))
                .containsEntry("tree", "toy").containsEntry("branch", "main").containsEntry("commit", commit);
        String treeid = (String) checkout.get("treeid");

        List<Map<String, Object>> tree = Poll.until("the custom checkout's tree " + treeid + " to be done", TRACE_WAIT,
                () -> treeNodes(treeid), nodes -> nodes.stream().anyMatch(n -> "checkout".equals(n.get("name")) && "done".equals(n.get("state"))));
        assertThat(tree.stream().map(n -> (String) n.get("name")).filter(CONFIGURED_JOBS::contains))
                .containsExactlyInAnyOrder("kbuild-tiny", "passes");
        Map<String, Object> passes = tree.stream().filter(n -> "passes".equals(n.get("name"))).findFirst().orElseThrow();
        assertThat(passes).containsEntry("result", "pass").containsEntry("retry_counter", 0);

        ApiResponse retried = kciDev("/api/jobretry", adminToken(), Json.write(Map.of("nodeid", passes.get("id"))));
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.map()).containsEntry("message", "OK").containsEntry("retry_counter", 1);
        Map<String, Object> again = Poll.until("the retry of passes to pass", WAIT, () -> treeNodes(treeid).stream()
                .filter(n -> "passes".equals(n.get("name")) && Integer.valueOf(1).equals(n.get("retry_counter"))).findFirst(),
                found -> found.isPresent() && "pass".equals(found.get().get("result"))).orElseThrow();
        assertThat(again).containsEntry("parent", passes.get("parent"));
        assertThat(treeNodes(treeid).stream().map(n -> (String) n.get("name")).filter(CONFIGURED_JOBS::contains))
                .containsExactlyInAnyOrder("kbuild-tiny", "passes", "passes");
    }

    @Test
    default void aBadCheckoutOrRetryGetsAClear4xx() {
        String head = fixture().headSha();
        assertRefused(kciDev("/api/checkout", adminToken(), checkoutBody("xyz")), 400, "Invalid commit format");
        assertRefused(kciDev("/api/checkout", adminToken(), checkoutBody("0123456789abcdef0123456789abcdef01234567")),
                404, "Commit 0123456789abcdef0123456789abcdef01234567 not found in tree toy");
        Map<String, Object> otherTree = new HashMap<>(Json.readMap(checkoutBody(head)));
        otherTree.put("url", "https://git.example.org/unknown.git");
        assertRefused(kciDev("/api/checkout", adminToken(), Json.write(otherTree)), 404, "Tree not found");
        assertRefused(kciDev("/api/checkout", adminToken(), checkoutBody(head, "jobfilter", List.of("no-such-job"))),
                404, "Job no-such-job not found");
        assertRefused(kciDev("/api/checkout", adminToken(), checkoutBody(head, "platformfilter", List.of("rpi4"))),
                404, "Platform rpi4 not found");
        assertThat(kciDev("/api/checkout", adminToken(), "{not json").status()).isEqualTo(422);

        assertRefused(kciDev("/api/jobretry", adminToken(), "{\"nodeid\": \"0123456789abcdef01234567\"}"), 404, "Node not found");
        ApiResponse plain = admin().post("/latest/node", Map.of("kind", "test", "name", "service-api-plain", "path", List.of("service-api-plain")));
        assertThat(plain.status()).as(plain.toString()).isIn(200, 201);
        assertRefused(kciDev("/api/jobretry", adminToken(), Json.write(Map.of("nodeid", plain.map().get("id")))), 400, "is not a job");
    }

    @Test
    default void onlyAValidTokenOfAPermittedUserPasses() {
        String body = checkoutBody("xyz");
        assertRefused(kciDev("/api/checkout", null, body), 401, "Not authenticated");
        assertRefused(kciDev("/api/checkout", "garbage", body), 401, "Invalid or expired token");
        assertRefused(kciDev("/api/checkout", "Bearer " + adminToken() + "x", body), 401, "Invalid or expired token");

        String name = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        ApiResponse user = admin().post("/latest/user/register", Map.of("username", name, "email", name + "@example.org",
                "password", "svc-secret-1"));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        String userId = (String) user.map().get("id");
        assertThat(admin().patch("/latest/user/" + userId, Map.of("is_verified", true)).status()).isEqualTo(200);
        String token = api().login(name, "svc-secret-1");
        assertRefused(kciDev("/api/checkout", token, body), 403, "group 'pipeline-api'");

        if (admin().get("/latest/user-groups?name=pipeline-api").list("items").isEmpty()) {
            assertThat(admin().post("/latest/user-groups", Map.of("name", "pipeline-api")).status()).isEqualTo(200);
        }
        assertThat(admin().patch("/latest/user/" + userId, Map.of("groups", List.of("pipeline-api"))).status()).isEqualTo(200);
        // Through the door now: what is left is the request's own fault.
        assertRefused(kciDev("/api/checkout", token, body), 400, "Invalid commit format");
        assertRefused(kciDev("/api/checkout", "Bearer " + token, body), 400, "Invalid commit format");

        assertThat(admin().patch("/latest/user/" + userId, Map.of("is_active", false)).status()).isEqualTo(200);
        assertRefused(kciDev("/api/checkout", token, body), 401, "gone or inactive");
    }

    @Test
    default void theServiceApiListsItselfAndPublicReadsIgnoreABareToken() {
        for (String path : List.of("/", "/api/")) {
            ApiResponse index = pipeline().get(path);
            assertThat(index.status()).as(path).isEqualTo(200);
            assertThat(index.list("endpoints")).extracting(e -> PipelineTraceContract.map(e).get("path"))
                    .contains("/pipeline/api/checkout", "/pipeline/api/jobretry");
            assertThat((String) index.map().get("authentication")).contains("group 'pipeline-api'");
        }
        ApiResponse node = admin().post("/latest/node", Map.of("kind", "test", "name", "service-api-read", "path", List.of("service-api-read")));
        assertThat(node.status()).as(node.toString()).isIn(200, 201);
        String nodeId = (String) node.map().get("id");
        for (String header : List.of(adminToken(), "garbage")) {
            assertThat(get("/latest/nodes/fast?limit=1", header).status()).isEqualTo(200);
            assertThat(get("/latest/node/" + nodeId, header).status()).isEqualTo(200);
        }
    }

    /** The nodes of a tree, as kci-dev's watch reads them: {@code /latest/nodes/fast?treeid=} with its bare token. */
    private List<Map<String, Object>> treeNodes(String treeid) {
        ApiResponse r = get("/latest/nodes/fast?limit=1000&treeid=" + treeid, adminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.list().stream().map(PipelineTraceContract::map).toList();
    }

    /** kci-dev's checkout body: url, branch, commit, jobfilter (null when none) and platformfilter (a list, maybe empty). */
    private String checkoutBody(String commit, Object... filters) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", fixture().bare().toString());
        body.put("branch", "main");
        body.put("commit", commit);
        body.put("jobfilter", null);
        body.put("platformfilter", List.of());
        for (int i = 0; i < filters.length; i += 2) {
            body.put((String) filters[i], filters[i + 1]);
        }
        return Json.write(body);
    }

    private static void assertRefused(ApiResponse answer, int status, String detail) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(String.valueOf(answer.detail())).as(answer.toString()).contains(detail);
    }

    /** A POST to the pipeline as kci-dev sends it: its content type and the token as the whole Authorization value. */
    private ApiResponse kciDev(String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pipeline().base() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", JSON_UTF8).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return exchange(request);
    }

    private ApiResponse get(String path, String authorization) {
        return exchange(HttpRequest.newBuilder(URI.create(api().base() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", JSON_UTF8).header("Authorization", authorization).GET());
    }

    private static ApiResponse exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
