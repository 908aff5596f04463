package dev.maestro.pipeline.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.Poll;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An event that always fails goes to the dead-letter stream after maxDeliveries (3) and is logged with its id. */
public interface DeadLetterContract extends PipelineContract {

    @Test
    default void aPoisonEventEndsInTheDeadLetterStream() {
        String id = events().publish("it-poison", Map.of("poison", true));
        Map<String, String> dead = Poll.until("the dead letter", WAIT, () -> events().deadLetters("it-poison"),
                        letters -> letters.stream().anyMatch(l -> l.get("event").contains(id)))
                .stream().filter(l -> l.get("event").contains(id)).findFirst().orElseThrow();
        assertThat(dead).containsEntry("group", "it-poison").containsEntry("consumer", "it-main")
                .containsEntry("deliveries", "3").containsEntry("channel", "it-poison").containsKey("entry_id");
        assertThat(dead.get("error")).isEqualTo("java.lang.IllegalArgumentException: poison event " + id);
        List<Map<String, Object>> attempts = pipeline().deliveries("it-poison").stream()
                .filter(d -> id.equals(d.get("event_id"))).toList();
        assertThat(attempts).extracting(d -> d.get("delivery")).containsExactly(1, 2, 3);
        assertThat(events().pending("it-poison", "it-poison")).isZero();
        assertThat(PipelineContract.count(pipeline().consumer("it-poison"), "dead_letters")).isGreaterThanOrEqualTo(1);
        Poll.until("the dead-letter log line", WAIT, () -> serverLogContains("Dead letter: event " + id));
    }
}
