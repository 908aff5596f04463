package dev.maestro.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.maestro.testing.LocalBackends;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stream repair's per-channel mark on a MongoDB-wire server, with the time set by the test. */
class CheckedSequencesTest {
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static LocalBackends backends;
    private static MongoCollection<Document> counters;
    private static MongoCollection<Document> marks;

    @BeforeAll
    static void start() {
        backends = new LocalBackends();
        counters = backends.mongo().database().getCollection(EventLog.COUNTERS);
        marks = backends.mongo().database().getCollection(OrphanedEvents.MARKS);
    }

    @AfterAll
    static void stop() throws Exception {
        backends.close();
    }

    private static CheckedSequences at(Instant now) {
        return new CheckedSequences(counters, marks, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static void lastTaken(String channel, long seq, Instant when) {
        counters.replaceOne(Filters.eq("_id", channel), new Document("_id", channel).append("seq", seq).append("updated", Date.from(when)),
                new ReplaceOptions().upsert(true));
    }

    private static Document mark(String channel) {
        return marks.find(Filters.eq("_id", CheckedSequences.idOf(channel))).first();
    }

    @Test
    void aNumberCountsAsCheckedOnceEveryEventStoredUntilASecondAfterItWasNotedIsChecked() {
        lastTaken("busy", 5, T0);
        at(T0).advance(T0.minusSeconds(3));
        assertThat(mark("busy")).as("noted, nothing checked yet").containsEntry("taken", 5L).doesNotContainKey("through");

        lastTaken("busy", 9, T0.plusSeconds(2));
        at(T0.plusSeconds(2)).advance(T0.minusSeconds(1));
        assertThat(mark("busy")).as("#5 was taken after what is checked: kept, not replaced by #9")
                .containsEntry("taken", 5L).doesNotContainKey("through");

        lastTaken("busy", 12, T0.plusSeconds(4));
        at(T0.plusSeconds(4)).advance(T0.plus(CheckedSequences.TIMESTAMP_LAG));
        assertThat(mark("busy")).as("checked through the noted #5 only; #12 noted next")
                .containsEntry("through", 5L).containsEntry("taken", 12L);
    }

    @Test
    void aChannelWithNothingTakenSinceWhatIsCheckedIsCheckedThroughItsLastNumber() {
        lastTaken("quiet", 7, T0);
        at(T0.plusSeconds(60)).advance(T0.plusSeconds(57));
        assertThat(mark("quiet")).containsEntry("through", 7L);

        lastTaken("quiet", 8, T0.plusSeconds(58));
        at(T0.plusSeconds(62)).advance(T0.plusSeconds(58));
        assertThat(mark("quiet")).as("#8 taken less than a second before what is checked").containsEntry("through", 7L);
        at(T0.plusSeconds(64)).advance(T0.plusSeconds(59));
        assertThat(mark("quiet")).containsEntry("through", 8L);
    }

    @Test
    void theMarkNeverMovesBack() {
        lastTaken("back", 20, T0);
        at(T0.plusSeconds(10)).advance(T0.plusSeconds(7));
        assertThat(mark("back")).containsEntry("through", 20L);
        lastTaken("back", 3, T0);
        at(T0.plusSeconds(12)).advance(T0.plusSeconds(9));
        assertThat(mark("back")).containsEntry("through", 20L);
        assertThat(Duration.between(T0, mark("back").getDate("taken_at").toInstant())).isEqualTo(Duration.ofSeconds(10));
    }
}
