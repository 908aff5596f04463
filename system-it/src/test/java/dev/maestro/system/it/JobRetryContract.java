package dev.maestro.system.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.Poll;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The job retry: the incomplete jobs (exits-nonzero fails at once, hangs is killed at its time
 * limit) are each run again up to three times (retry_counter 1 to 3), then left: the retry
 * channel carries exactly one request per attempt but the last; the jobs and the build that
 * pass are never asked for again. The
 * checkout's summary waits for the retries, lists them and is served as JSON and HTML at
 * /pipeline/summary/{id}.
 */
public interface JobRetryContract extends PipelineTraceContract {

    @Test
    default void anIncompleteJobIsRetriedThreeTimesAndTheSummaryShowsIt() throws Exception {
        String commit = fixture().pushCommit("job retry " + UUID.randomUUID());
        String checkoutId = (String) awaitCheckoutOf(commit).get("id");
        Map<String, Object> summary = Poll.until("the summary of " + checkoutId + " to be complete", TRACE_WAIT,
                () -> pipeline().get("/summary/" + checkoutId).map(), s -> Boolean.TRUE.equals(s.get("complete")));

        List<Map<String, Object>> tree = subtree(checkoutId);
        for (String incomplete : List.of("exits-nonzero", "hangs")) {
            assertThat(named(tree, incomplete)).extracting(n -> ((Number) n.get("retry_counter")).intValue())
                    .containsExactlyInAnyOrder(0, 1, 2, 3);
            assertThat(named(tree, incomplete)).allSatisfy(n -> assertThat(n).containsEntry("result", "incomplete"));
        }
        for (String passed : List.of("kver", "kbuild-tiny", "tiny-tests", "passes")) {
            assertThat(named(tree, passed)).singleElement().satisfies(n -> assertThat(n).containsEntry("result", "pass"));
        }

        // What was asked for on the retry channel (a redelivered event may ask twice, hence the set).
        String buildId = (String) named(tree, "kbuild-tiny").get(0).get("id");
        Set<Object> retriedNodes = Stream.of(checkoutId, buildId)
                .flatMap(id -> api().get("/latest/events?channel=retry&node_id=" + id).list().stream())
                .map(e -> PipelineTraceContract.map(PipelineTraceContract.map(PipelineTraceContract.map(e).get("data")).get("debug"))
                        .get("retry_by"))
                .collect(Collectors.toSet());
        assertThat(retriedNodes).containsExactlyInAnyOrderElementsOf(tree.stream()
                .filter(n -> List.of("exits-nonzero", "hangs").contains(n.get("name")) && ((Number) n.get("retry_counter")).intValue() < 3)
                .map(n -> n.get("id")).toList());
        assertThat((List<?>) summary.get("retries")).extracting(r -> PipelineTraceContract.map(r).get("name"))
                .contains("exits-nonzero").doesNotContain("kver");
        assertThat(PipelineTraceContract.map(summary.get("builds"))).containsEntry("total", 1).containsEntry("pass", 1);

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(pipeline().base() + "/summary/" + checkoutId)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>toy/main", "exits-nonzero");
        assertThat(pipeline().get("/summary/not-an-id").status()).isEqualTo(400);
    }

    private static List<Map<String, Object>> named(List<Map<String, Object>> nodes, String name) {
        return nodes.stream().filter(n -> name.equals(n.get("name"))).toList();
    }
}
