package dev.maestro.event;

import java.time.Instant;
import java.util.Map;

/**
 * One event of the log: its place in its channel ({@code sequence}), who owns it, its payload
 * and the CloudEvents envelope as JSON text (what listeners receive).
 */
public record StoredEvent(String id, String channel, long sequence, Instant timestamp, String owner,
                          Object data, String envelope) {

    /** The Redis stream a channel's events are added to. */
    public static String streamOf(String channel) {
        return "maestro:events:" + channel;
    }

    /** Fields of the stream entry: enough for a consumer to act without reading MongoDB. */
    public Map<String, String> streamFields() {
        return streamFields(channel, sequence, envelope);
    }

    /** The stream entry of a stored event known by its parts (from the outbox or the history). */
    static Map<String, String> streamFields(String channel, long sequence, String envelope) {
        return Map.of("channel", channel, "sequence_id", Long.toString(sequence), "event", envelope);
    }
}
