package dev.maestro.event.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.event.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryScanTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration GAP_WAIT = Duration.ofSeconds(10);

    private static StoredEvent event(long sequence, String owner, Instant stamped) {
        return new StoredEvent("id" + sequence, "ch", sequence, stamped, owner, null, "{}");
    }

    @Test
    void deliversTheNextContiguousVisibleEvent() {
        HistoryScan scan = HistoryScan.of(3, List.of(event(4, "bob", NOW), event(5, "bob", NOW)), e -> true, NOW, GAP_WAIT);
        assertThat(scan.event().sequence()).isEqualTo(4);
        assertThat(scan.position()).isEqualTo(4);
        assertThat(scan.skipped()).isEmpty();
    }

    @Test
    void passesOverInvisibleEventsAndRemembersHowFar() {
        List<StoredEvent> batch = List.of(event(4, "eve", NOW), event(5, "eve", NOW));
        HistoryScan scan = HistoryScan.of(3, batch, e -> "bob".equals(e.owner()), NOW, GAP_WAIT);
        assertThat(scan.event()).isNull();
        assertThat(scan.position()).isEqualTo(5);
        assertThat(scan.retryAt()).isNull();
    }

    @Test
    void aFreshGapBlocksUntilItsWriterHadGapWaitToInsert() {
        Instant stamped = NOW.minusSeconds(2);
        HistoryScan scan = HistoryScan.of(3, List.of(event(5, "bob", stamped)), e -> true, NOW, GAP_WAIT);
        assertThat(scan.event()).isNull();
        assertThat(scan.position()).isEqualTo(3);
        assertThat(scan.retryAt()).isEqualTo(stamped.plus(GAP_WAIT));
    }

    @Test
    void aSettledGapIsSkippedAndReported() {
        HistoryScan scan = HistoryScan.of(3, List.of(event(7, "bob", NOW.minusSeconds(11))), e -> true, NOW, GAP_WAIT);
        assertThat(scan.event().sequence()).isEqualTo(7);
        assertThat(scan.skipped()).containsExactly(new HistoryScan.Gap(4, 6));
    }

    @Test
    void aGapAfterInvisibleEventsStillBlocks() {
        List<StoredEvent> batch = List.of(event(4, "eve", NOW), event(6, "bob", NOW));
        HistoryScan scan = HistoryScan.of(3, batch, e -> "bob".equals(e.owner()), NOW, GAP_WAIT);
        assertThat(scan.event()).isNull();
        assertThat(scan.position()).isEqualTo(4);
        assertThat(scan.retryAt()).isNotNull();
    }

    @Test
    void nothingNewLeavesThePositionAlone() {
        HistoryScan scan = HistoryScan.of(3, List.of(), e -> true, NOW, GAP_WAIT);
        assertThat(scan.event()).isNull();
        assertThat(scan.position()).isEqualTo(3);
        assertThat(scan.retryAt()).isNull();
    }
}
