package dev.maestro.pipeline.patchworkbridge;

import java.time.Duration;

/** The wait before another attempt: {@code first}, doubled after each failed attempt, at most {@code max}. */
record Backoff(Duration first, Duration max) {
    Duration after(int attempts) {
        Duration delay = first.multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
