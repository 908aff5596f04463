package dev.maestro.pipeline.ra.stream;

/**
 * Names of the Redis streams: the stream of a channel is the one common-model's event log adds
 * to ({@code StoredEvent.streamOf}); its dead letters go to a stream next to it.
 */
public final class EventStreams {
    static final String PREFIX = "maestro:events:";

    private EventStreams() {
    }

    public static String streamOf(String channel) {
        return PREFIX + channel;
    }

    /** The channel whose stream this is. */
    public static String channelOf(String stream) {
        return stream.startsWith(PREFIX) ? stream.substring(PREFIX.length()) : stream;
    }

    public static String deadLettersOf(String stream) {
        return stream + ":dead";
    }
}
