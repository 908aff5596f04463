package dev.maestro.pipeline.ra.history;

/**
 * A consumer group's progress: every event of its channel up to {@code through} has been
 * acknowledged by the group (or was never in its stream and reaches it through the stream repair).
 * {@code incarnation} names the group's current life in Redis: a group re-created on an emptied
 * Redis gets a new one, so that instances still looking at the old state cannot move it.
 */
public record Checkpoint(long through, String incarnation) {
}
