package dev.maestro.pipeline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testing.LocalBackends;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Due summaries against a real MongoDB-wire server: marks coalesce into one claim, a mark made
 * during a pass is not lost, and a claim is one instance's until it lapses.
 */
class SummaryDueRecordsTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static LocalBackends backends;
    private static SummaryDueRecords due;

    @BeforeAll
    static void start() {
        backends = new LocalBackends();
        due = new SummaryDueRecords();
        due.mongo = backends.mongo();
    }

    @AfterAll
    static void stop() throws Exception {
        backends.close();
    }

    @BeforeEach
    void empty() {
        backends.mongo().database().getCollection(SummaryDueRecords.COLLECTION).deleteMany(new Document());
    }

    @Test
    void manyMarksGiveOneClaimAndAPassWithoutNewMarksForgetsTheCheckout() {
        for (int i = 0; i < 3; i++) {
            due.mark("checkout-a");
        }
        Optional<SummaryDueRecords.Claim> claim = due.claim("one", T0);
        assertThat(claim).contains(new SummaryDueRecords.Claim("checkout-a", 3));
        assertThat(due.claim("two", T0)).as("held by one").isEmpty();

        assertThat(due.finish(claim.get(), "one", T0)).isTrue();
        assertThat(due.claim("two", T0.plus(SummaryDueRecords.LEASE).plusSeconds(1))).as("forgotten").isEmpty();
    }

    @Test
    void aMarkDuringThePassKeepsTheCheckoutDueForTheNextPass() {
        due.mark("checkout-b");
        SummaryDueRecords.Claim claim = due.claim("one", T0).orElseThrow();
        due.mark("checkout-b");

        assertThat(due.finish(claim, "one", T0)).isFalse();
        assertThat(due.claim("two", T0)).as("resting until the next pass").isEmpty();
        SummaryDueRecords.Claim again = due.claim("two", T0.plus(SummaryDueRecords.REST)).orElseThrow();
        assertThat(again).isEqualTo(new SummaryDueRecords.Claim("checkout-b", 2));
        assertThat(due.finish(again, "two", T0.plus(SummaryDueRecords.REST))).isTrue();
    }

    @Test
    void aLapsedClaimIsTakenOverAndTheDeadInstanceCannotEndIt() {
        due.mark("checkout-c");
        SummaryDueRecords.Claim dead = due.claim("dead", T0).orElseThrow();
        assertThat(due.claim("alive", T0.plus(SummaryDueRecords.LEASE).minusSeconds(1))).isEmpty();

        Instant lapsed = T0.plus(SummaryDueRecords.LEASE);
        SummaryDueRecords.Claim taken = due.claim("alive", lapsed).orElseThrow();
        assertThat(taken.checkoutId()).isEqualTo("checkout-c");
        assertThat(due.finish(dead, "dead", lapsed)).isFalse();
        assertThat(due.claim("other", lapsed.plus(SummaryDueRecords.REST))).as("still alive's").isEmpty();
        assertThat(due.finish(taken, "alive", lapsed)).isTrue();
    }
}
