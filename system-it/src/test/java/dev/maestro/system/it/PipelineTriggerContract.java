package dev.maestro.system.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.Poll;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The trigger creates exactly one checkout per new head commit, and none while the head stays
 * the same, however many times it polls. Its polls are counted in {@code /pipeline/stats}, so
 * the test waits for polls to happen rather than for time to pass.
 */
public interface PipelineTriggerContract extends PipelineTraceContract {

    @Test
    default void aNewCommitGivesExactlyOneCheckoutAndPollingAgainGivesNone() {
        String commit = fixture().pushCommit("another commit " + UUID.randomUUID());
        awaitCheckoutOf(commit);
        long checkouts = countCheckouts("");
        long polls = triggerPolls();

        Poll.until("the trigger to poll the unchanged branch three more times", WAIT, () -> triggerPolls() >= polls + 3);

        assertThat(countCheckouts("&data.kernel_revision.commit=" + commit)).isEqualTo(1);
        assertThat(countCheckouts("")).isEqualTo(checkouts);
        assertThat(toyMainStats()).containsEntry("head", commit).containsEntry("problem", null);
    }

    private long countCheckouts(String filters) {
        return ((Number) api().get("/latest/count?kind=checkout" + filters).json()).longValue();
    }

    private long triggerPolls() {
        return ((Number) toyMainStats().get("polls")).longValue();
    }

    private Map<String, Object> toyMainStats() {
        Map<String, Object> steps = PipelineTraceContract.map(pipeline().get("/stats").map().get("steps"));
        return PipelineTraceContract.map(PipelineTraceContract.map(steps.get("trigger")).get("toy_main"));
    }
}
