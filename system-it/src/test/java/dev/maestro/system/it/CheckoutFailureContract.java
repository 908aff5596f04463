package dev.maestro.system.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiResponse;
import dev.maestro.testsupport.Poll;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A checkout the tarball step cannot archive (its commit is not in the tree) ends
 * {@code done}/{@code incomplete} with {@code git_checkout_failure} and the reason, instead of
 * staying running until its timeout; and no job is scheduled under it.
 */
public interface CheckoutFailureContract extends SystemContract {

    @Test
    default void aCheckoutOfACommitTheTreeDoesNotHaveEndsIncompleteWithGitCheckoutFailure() {
        String missing = "0123456789abcdef0123456789abcdef01234567";
        Map<String, Object> revision = Map.of("tree", "toy", "branch", "main", "commit", missing,
                "url", "file://" + fixture().bare());
        ApiResponse created = admin().post("/latest/node", Map.of("kind", "checkout", "name", "checkout",
                "path", List.of("checkout"), "data", Map.of("kernel_revision", revision)));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String id = (String) created.map().get("id");

        Map<String, Object> node = Poll.until("checkout " + id + " to be closed", WAIT, () -> api().get("/latest/node/" + id).map(),
                n -> "done".equals(n.get("state")));

        assertThat(node).containsEntry("result", "incomplete");
        Map<String, Object> data = PipelineTraceContract.map(node.get("data"));
        assertThat(data).containsEntry("error_code", "git_checkout_failure");
        assertThat((String) data.get("error_msg")).contains(missing);
        assertThat(api().get("/latest/nodes?parent=" + id).list("items")).isEmpty();
    }
}
