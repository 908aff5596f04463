package dev.maestro.pipeline.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.pipeline.it.deployed.HoldingMdb;
import dev.maestro.pipeline.it.support.PipelineClient;
import dev.maestro.testsupport.Poll;
import dev.maestro.testsupport.SecondServer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A second instance takes entries and never acknowledges them: while it lives (and beats) they
 * stay its own; once it dies by SIGKILL this instance reclaims them after the claim idle time and
 * handles them. Prints the redelivery time.
 */
public interface InstanceKillContract extends PipelineContract {
    String DOOMED = "it-doomed";

    @Test
    default void entriesHeldByAKilledInstanceAreProcessedByAnother() throws InterruptedException {
        try (SecondServer doomed = PipelineContract.secondInstance(deployedWar(), DOOMED, "-Dmaestro.test.hold=true")) {
            PipelineClient doomedPipeline = PipelineContract.pipelineOf(doomed);
            Poll.until("the second instance's it-kill consumer", WAIT, () -> !doomedPipeline.consumer("it-kill").isEmpty());
            Set<String> published = new HashSet<>();
            List<String> held = Poll.until("the second instance to hold entries", WAIT, () -> {
                published.add(events().publish("it-kill", Map.of("n", published.size())));
                return events().pendingEventIds("it-kill", "it-kill", DOOMED);
            }, ids -> !ids.isEmpty());
            // Alive, it keeps its entries claimed: for longer than the claim idle time nobody takes them.
            Instant aliveUntil = Instant.now().plusMillis(Long.parseLong(HoldingMdb.CLAIM_IDLE_MILLIS) + 3000);
            while (Instant.now().isBefore(aliveUntil)) {
                assertThat(PipelineContract.eventIds(pipeline().deliveries("it-kill"), "handled")).doesNotContainAnyElementsOf(held);
                LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            }
            held = events().pendingEventIds("it-kill", "it-kill", DOOMED);
            assertThat(held).isNotEmpty();
            doomed.kill();
            Instant killed = Instant.now();

            Poll.until("every event handled here", WAIT.plusSeconds(30), () -> pipeline().deliveries("it-kill"),
                    d -> PipelineContract.eventIds(d, "handled").containsAll(published));
            Instant redelivered = Instant.now();
            Poll.until("no pending entry in group it-kill", WAIT, () -> events().pending("it-kill", "it-kill") == 0);

            List<String> heldIds = held;
            assertThat(pipeline().deliveries("it-kill")).filteredOn(d -> heldIds.contains(d.get("event_id")))
                    .extracting(d -> ((Number) d.get("delivery")).intValue())
                    .hasSize(heldIds.size())
                    .allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(2));
            assertThat(PipelineContract.count(pipeline().consumer("it-kill"), "reclaimed")).isGreaterThanOrEqualTo(heldIds.size());
            System.out.printf("REDELIVERY after kill -9: %d entries held by the killed instance were handled here %d ms after the kill "
                    + "(claim idle time %s ms)%n", heldIds.size(), Duration.between(killed, redelivered).toMillis(), HoldingMdb.CLAIM_IDLE_MILLIS);
        }
    }
}
