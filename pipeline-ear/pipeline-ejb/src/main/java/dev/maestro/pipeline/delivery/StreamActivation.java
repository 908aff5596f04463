package dev.maestro.pipeline.delivery;

/**
 * The activation properties every message-driven bean of the pipeline gives the resource adapter
 * (its {@code RedisStreamActivationSpec} reads them), named once here because annotation values
 * must be constants. Each bean then says only what is its own: its channel, consumer group and
 * event filter.
 */
public final class StreamActivation {
    public static final String RESOURCE_ADAPTER = "resourceAdapter";
    /**
     * The deployed adapter: {@code maestro-stream-ra} standalone, {@code pipeline#maestro-stream-ra}
     * inside the EAR. The system property {@code MAESTRO_RA_NAME} carries it because annotation
     * placeholders resolve only system properties and environment variables, not MicroProfile Config.
     */
    public static final String DEPLOYED_ADAPTER = "${MAESTRO_RA_NAME}";
    public static final String CHANNEL = "channel";
    /** One per step, shared by all instances of the pipeline: each event reaches one of them. */
    public static final String CONSUMER_GROUP = "consumerGroup";
    /** {@code key=value[|value...][,key=value...]} on the event's data. */
    public static final String EVENT_FILTER = "eventFilter";

    private StreamActivation() {
    }
}
