package dev.maestro.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.event.CheckedSequences.LastTaken;
import dev.maestro.event.CheckedSequences.Mark;
import dev.maestro.event.CheckedSequences.Note;
import dev.maestro.testing.LocalBackends;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream repair's per-channel mark: which numbers a run may check, with the times set by the test. */
class CheckedSequencesTest {
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final int MAX = 5000;

    /** One run at {@code T0 + seconds}, the counter showing {@code seq} last taken at {@code T0 + takenAt}. */
    private static Mark run(Mark mark, double seconds, long seq, double takenAt) {
        Instant now = T0.plusMillis((long) (seconds * 1000));
        return mark.next(new LastTaken(mark.channel(), seq, T0.plusMillis((long) (takenAt * 1000))), now, now.minus(SETTLE), MAX);
    }

    @Test
    void aNumberIsCheckedOnceItWasTakenTheSettleTimeAgo() {
        Mark mark = Mark.firstSight(new LastTaken("busy", 5, T0), MAX, T0);
        assertThat(mark.through()).as("a short history is checked from its start").isZero();

        mark = run(mark, 1, 5, 1);
        assertThat(mark.through()).as("5 was taken 0 s ago").isZero();
        mark = run(mark, 3, 8, 2.5);
        assertThat(mark.through()).as("5 was noted 2 s ago, 8 taken 0.5 s ago").isZero();
        mark = run(mark, 4.5, 9, 4.4);
        assertThat(mark.through()).as("5 was noted 3.5 s ago; 9 was just taken").isEqualTo(5);
        assertThat(mark.throughAt()).as("numbers above 5 were taken after the note").isEqualTo(T0.plusSeconds(1));
        mark = run(mark, 8, 9, 4.4);
        assertThat(mark.through()).as("nothing taken for 3.6 s: all of it").isEqualTo(9);
        assertThat(mark.throughAt()).isEqualTo(T0.plusSeconds(8));
        assertThat(mark.notes()).isEmpty();
    }

    @Test
    void aBusyChannelMovesOnByItsNotesThoughItsCounterNeverRests() {
        Mark mark = new Mark("busy", 100, T0, List.of());
        for (int s = 2; s <= 10; s += 2) {
            mark = run(mark, s, 100 + s * 10, s);
        }
        assertThat(mark.through()).as("the number noted at 6 s, the last one taken 3 s or more before 10 s").isEqualTo(160);
        assertThat(mark.notes()).extracting(Note::seq).containsExactly(180L, 200L);
    }

    @Test
    void aLongHistoryFirstSeenIsCheckedFromNowOn() {
        Mark mark = Mark.firstSight(new LastTaken("adopted", 1_000_000, T0), MAX, T0.plusSeconds(1));
        assertThat(mark.through()).isEqualTo(1_000_000);
        assertThat(mark.throughAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void aBacklogIsTakenOverSeveralRunsAndTheMarkNeverMovesBack() {
        Mark mark = new Mark("backlog", 10, T0, List.of());
        mark = run(mark, 60, 20_000, 30);
        assertThat(mark.through()).isEqualTo(10 + MAX);
        assertThat(mark.throughAt()).as("where the next run starts reading the stream").isEqualTo(T0);
        mark = run(mark, 62, 3, 61);
        assertThat(mark.through()).as("a counter behind the mark (dropped and begun again)").isEqualTo(10 + MAX);
    }

    @Test
    void theMarkIsStoredAndReadBackAsTheAdapterReadsIt() throws Exception {
        try (LocalBackends backends = new LocalBackends()) {
            CheckedSequences checked = new CheckedSequences(backends.mongo().database().getCollection(EventLog.COUNTERS),
                    backends.mongo().database().getCollection(OrphanedEvents.MARKS));
            Mark mark = new Mark("stored", 42, T0, List.of(new Note(50, T0.plusSeconds(2))));
            checked.save(mark);
            assertThat(checked.marks()).containsEntry("stored", mark);
            assertThat(backends.mongo().database().getCollection(OrphanedEvents.MARKS)
                    .find(new org.bson.Document("_id", CheckedSequences.idOf("stored"))).first().get("through")).isEqualTo(42L);
        }
    }
}
