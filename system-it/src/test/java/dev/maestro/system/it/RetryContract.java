package dev.maestro.system.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiResponse;
import dev.maestro.testsupport.Poll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A request on the {@code retry} channel, shaped as KernelCI's job_retry publishes it (the
 * ancestor node forced {@code available}, a higher {@code retry_counter}, a {@code jobfilter}),
 * runs the named job again as a new node under the same parent; the other jobs are not re-run.
 */
public interface RetryContract extends PipelineTraceContract {

    @Test
    default void aRetryRequestRunsTheNamedJobAgainAsANewNode() {
        String commit = fixture().pushCommit("retry " + UUID.randomUUID());
        String checkoutId = (String) awaitCheckoutOf(commit).get("id");
        Map<String, Object> build = PipelineTraceContract.map(Poll.until("the build of " + commit + " to be available", TRACE_WAIT,
                () -> api().get("/latest/nodes?kind=kbuild&parent=" + checkoutId).list("items"),
                items -> !items.isEmpty() && !"running".equals(PipelineTraceContract.map(items.get(0)).get("state"))).get(0));
        String buildId = (String) build.get("id");
        Poll.until("the first tiny-tests to exist", TRACE_WAIT, () -> !suites(buildId, 0).isEmpty());

        Map<String, Object> request = new LinkedHashMap<>(build);
        request.put("state", "available");
        request.put("jobfilter", List.of("tiny-tests"));
        request.put("platform_filter", List.of("shell"));
        request.put("retry_counter", 1);
        request.put("debug", Map.of("retry_by", "system-it"));
        ApiResponse published = admin().post("/latest/publish/retry", Map.of("data", request));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);

        List<Object> retried = Poll.until("the retried tiny-tests to be done", TRACE_WAIT, () -> suites(buildId, 1),
                items -> items.size() == 1 && "done".equals(PipelineTraceContract.map(items.get(0)).get("state")));
        assertThat(PipelineTraceContract.map(retried.get(0))).containsEntry("result", "pass")
                .containsEntry("jobfilter", List.of("tiny-tests"));
        assertThat(suites(buildId, 0)).hasSize(1);
        // exits-nonzero is retried too, but by the job retry (it is incomplete), narrowed to itself.
        assertThat(api().get("/latest/nodes?name=exits-nonzero&retry_counter=1&parent=" + buildId).list("items"))
                .allSatisfy(n -> assertThat(PipelineTraceContract.map(n)).containsEntry("jobfilter", List.of("exits-nonzero")));
    }

    private List<Object> suites(String buildId, int retryCounter) {
        return api().get("/latest/nodes?name=tiny-tests&retry_counter=" + retryCounter + "&parent=" + buildId).list("items");
    }
}
