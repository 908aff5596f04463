package dev.maestro.system.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.Poll;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The job retry: the incomplete exits-nonzero job is run again up to three times (retry_counter
 * 1 to 3), then left; kver, which passes, is not retried; the checkout's summary waits for the
 * retries, lists them and is served as JSON and HTML at /pipeline/summary/{id}.
 */
public interface JobRetryContract extends PipelineTraceContract {

    @Test
    default void anIncompleteJobIsRetriedThreeTimesAndTheSummaryShowsIt() throws Exception {
        String commit = fixture().pushCommit("job retry " + UUID.randomUUID());
        String checkoutId = (String) awaitCheckoutOf(commit).get("id");
        Map<String, Object> summary = Poll.until("the summary of " + checkoutId + " to be complete", TRACE_WAIT,
                () -> pipeline().get("/summary/" + checkoutId).map(), s -> Boolean.TRUE.equals(s.get("complete")));

        List<Map<String, Object>> tree = subtree(checkoutId);
        assertThat(tree.stream().filter(n -> "exits-nonzero".equals(n.get("name"))).map(n -> ((Number) n.get("retry_counter")).intValue()))
                .containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(tree.stream().filter(n -> "kver".equals(n.get("name")))).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("result", "pass"));
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
}
