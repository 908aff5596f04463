package dev.maestro.event.subscription;

import java.time.Duration;

/**
 * How {@code /listen} waits. {@code keepAlive}: longest wait before answering a keep-alive
 * (zero: wait until an event arrives). {@code pollInterval}: how often a waiting listener reads
 * the history even without a Redis notification (covers a Redis outage). {@code gapWait}: how
 * long a missing sequence is waited for before it is skipped. {@code idleTimeout}: a
 * subscription without {@code /listen} for that long is closed.
 */
public record ListenSettings(Duration keepAlive, Duration pollInterval, Duration gapWait, Duration idleTimeout) {
}
