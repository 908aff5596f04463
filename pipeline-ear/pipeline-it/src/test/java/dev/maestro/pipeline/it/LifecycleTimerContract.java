package dev.maestro.pipeline.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.Poll;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lifecycle timer ticks at MAESTRO_LIFECYCLE_PERIOD (1 s in these tests) and counts each rule's transitions in /stats. */
public interface LifecycleTimerContract extends PipelineContract {

    @Test
    default void lifecycleTimerTicksAtTheConfiguredPeriod() {
        long before = PipelineContract.count(pipeline().lifecycle(), "ticks");
        Map<String, Object> after = Poll.until("two more ticks", WAIT, () -> pipeline().lifecycle(),
                l -> PipelineContract.count(l, "ticks") >= before + 2);
        assertThat(after).containsEntry("period_ms", 1000).containsKey("last_tick");
        @SuppressWarnings("unchecked")
        Map<String, Object> transitions = (Map<String, Object>) after.get("transitions");
        assertThat(transitions).containsKeys("timeout", "holdoff", "closing");
    }
}
