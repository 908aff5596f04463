package dev.maestro.pipeline.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.Poll;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A bean that fails once per event gets every event again, and every entry ends acknowledged. */
public interface AtLeastOnceContract extends PipelineContract {

    @Test
    default void failedDeliveriesAreRedeliveredUntilAcknowledged() {
        Set<String> published = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            published.add(events().publish("it-flaky", Map.of("n", i)));
        }
        List<Map<String, Object>> deliveries = Poll.until("every event handled after one failure", WAIT,
                () -> pipeline().deliveries("it-flaky"),
                d -> PipelineContract.eventIds(d, "handled").containsAll(published));
        assertThat(PipelineContract.eventIds(deliveries, "failed")).containsAll(published);
        assertThat(deliveries).filteredOn(d -> published.contains(d.get("event_id")) && "handled".equals(d.get("outcome")))
                .allSatisfy(d -> assertThat(d.get("delivery")).isEqualTo(2));
        Poll.until("no pending entry in group it-flaky", WAIT, () -> events().pending("it-flaky", "it-flaky") == 0);
        Map<String, Object> counters = pipeline().consumer("it-flaky");
        assertThat(PipelineContract.count(counters, "failures")).isGreaterThanOrEqualTo(10);
        assertThat(PipelineContract.count(counters, "redeliveries")).isGreaterThanOrEqualTo(10);
        assertThat(PipelineContract.count(counters, "acknowledged")).isGreaterThanOrEqualTo(10);
    }
}
