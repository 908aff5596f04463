package dev.maestro.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Entries end at their own instant, and a full cache never grows past its capacity. */
class ExpiringCacheTest {
    private final MovingClock clock = new MovingClock();
    private final ExpiringCache<String, String> cache = new ExpiringCache<>(3, clock);

    @Test
    void anEntryIsThereUntilItsExpiryAndGoneFromThen() {
        cache.put("token", "u1", clock.instant().plusSeconds(1));
        clock.advance(Duration.ofMillis(999));
        assertThat(cache.get("token")).contains("u1");
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get("token")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aFullCacheDropsExpiredEntriesFirstThenEverything() {
        cache.put("a", "1", clock.instant().plusSeconds(1));
        cache.put("b", "2", clock.instant().plusSeconds(10));
        cache.put("c", "3", clock.instant().plusSeconds(10));
        clock.advance(Duration.ofSeconds(2));
        cache.put("d", "4", clock.instant().plusSeconds(10));
        assertThat(cache.get("b")).contains("2");
        assertThat(cache.size()).isEqualTo(3);
        cache.put("e", "5", clock.instant().plusSeconds(10));
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get("e")).contains("5");
    }

    @Test
    void aRemovedEntryIsGone() {
        cache.put("u1", "alice", clock.instant().plusSeconds(1));
        cache.remove("u1");
        assertThat(cache.get("u1")).isEmpty();
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
