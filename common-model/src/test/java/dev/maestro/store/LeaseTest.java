package dev.maestro.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.maestro.testing.LocalBackends;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One holder at a time; a lease not renewed within its validity is taken over, and its old holder learns it. */
class LeaseTest {
    private static LocalBackends backends;

    @BeforeAll
    static void start() {
        backends = new LocalBackends();
    }

    @AfterAll
    static void stop() throws Exception {
        backends.close();
    }

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void oneHolderAtATimeAndATakeOverOnceTheLeaseRanOut() {
        MongoDatabase db = backends.mongo().database();
        HandClock clock = new HandClock();
        Lease first = new Lease(db, "leases_test", "sweep", "first", Duration.ofSeconds(30), clock);
        Lease second = new Lease(db, "leases_test", "sweep", "second", Duration.ofSeconds(30), clock);

        assertThat(first.holdOrTake()).isTrue();
        assertThat(second.holdOrTake()).as("held by the first").isFalse();
        clock.advance(Duration.ofSeconds(20));
        assertThat(first.holdOrTake()).as("renewed").isTrue();
        clock.advance(Duration.ofSeconds(20));
        assertThat(second.holdOrTake()).as("the renewal still holds").isFalse();

        clock.advance(Duration.ofSeconds(31));
        assertThat(second.holdOrTake()).as("taken over once it ran out").isTrue();
        assertThat(first.renew()).as("the old holder learns it lost the lease").isFalse();
        assertThat(first.holdOrTake()).isFalse();
        assertThat(second.current()).hasValueSatisfying(d -> assertThat(d.getString("holder")).isEqualTo("second"));

        second.release();
        assertThat(first.holdOrTake()).as("a released lease is free").isTrue();
    }
}
