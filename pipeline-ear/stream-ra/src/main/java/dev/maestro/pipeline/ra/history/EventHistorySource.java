package dev.maestro.pipeline.ra.history;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** What a consumer group needs from MongoDB: the event history of its channel, and its checkpoint. */
public interface EventHistorySource {

    /** The last sequence taken on the channel (0 when none): every event up to it is stored or lost for good. */
    long lastSequence(String channel);

    /** Feeds the stored events of the channel with {@code after < sequence <= upTo}, in sequence order; returns how many. */
    long eachEvent(String channel, long after, long upTo, Consumer<HistoryEvent> action);

    /**
     * The lowest sequence of the channel's events that are stored but not in their stream yet
     * (written while Redis was away, waiting in the API's outbox for the stream repair).
     */
    OptionalLong oldestUnstreamed(String channel);

    /**
     * How far the stream repair (common-model's {@code OrphanedEvents}) has checked the channel:
     * every event numbered up to it is in its stream, in the outbox, or was added to the stream by
     * the repair; an event whose writer died before streaming it is only found by the repair.
     * {@link #NOT_CHECKED} when the repair has begun on the channel but checked no number yet;
     * {@link Long#MAX_VALUE} when no repair has ever looked at it (none runs: nothing to wait for).
     */
    long streamCheckedThrough(String channel);

    /** See {@link #streamCheckedThrough}. */
    long NOT_CHECKED = -1;

    /** The group's checkpoint on the channel, if it ever had one (a group name may be used on several channels). */
    Optional<Checkpoint> checkpoint(String group, String channel);

    /** Records the group's checkpoint, whoever held it before: after a (re)creation and its catch-up. */
    void resetCheckpoint(String group, String channel, Checkpoint checkpoint);

    /** Moves the checkpoint of this incarnation of the group; false when another incarnation owns it now. */
    boolean advanceCheckpoint(String group, String channel, Checkpoint checkpoint);

    /** Whether checkpoints are kept at all (MongoDB configured). */
    boolean enabled();

    /** No MongoDB: no checkpoint, no catch-up. */
    EventHistorySource NONE = new EventHistorySource() {
        @Override
        public long lastSequence(String channel) {
            return 0;
        }

        @Override
        public long eachEvent(String channel, long after, long upTo, Consumer<HistoryEvent> action) {
            return 0;
        }

        @Override
        public OptionalLong oldestUnstreamed(String channel) {
            return OptionalLong.empty();
        }

        @Override
        public long streamCheckedThrough(String channel) {
            return Long.MAX_VALUE;
        }

        @Override
        public Optional<Checkpoint> checkpoint(String group, String channel) {
            return Optional.empty();
        }

        @Override
        public void resetCheckpoint(String group, String channel, Checkpoint checkpoint) {
            // nothing to record
        }

        @Override
        public boolean advanceCheckpoint(String group, String channel, Checkpoint checkpoint) {
            return false;
        }

        @Override
        public boolean enabled() {
            return false;
        }
    };
}
