package dev.maestro.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition by polling it, with a deadline; the only way these tests wait. */
public final class Poll {
    private static final Duration INTERVAL = Duration.ofMillis(100);

    private Poll() {
    }

    /**
     * Returns the first value that satisfies {@code done}; fails with {@code what} after
     * {@code timeout}. A probe that throws counts as "not yet": the server may be restarting.
     */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = probe.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                last = null;
            }
            LockSupport.parkNanos(INTERVAL.toNanos());
        }
        throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what + "; last seen: " + last);
    }

    public static void until(String what, Duration timeout, Supplier<Boolean> condition) {
        until(what, timeout, condition, Boolean.TRUE::equals);
    }
}
