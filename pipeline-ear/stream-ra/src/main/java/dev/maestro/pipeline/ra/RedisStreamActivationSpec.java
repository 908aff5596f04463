package dev.maestro.pipeline.ra;

import dev.maestro.pipeline.ra.stream.ConsumerSettings;
import dev.maestro.pipeline.ra.stream.EventFilter;
import dev.maestro.pipeline.ra.stream.EventStreams;
import dev.maestro.pipeline.ra.stream.ProcessSettings;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.io.Serializable;

/**
 * The activation properties of one message-driven bean ({@code @ActivationConfigProperty}).
 * {@code channel} and {@code consumerGroup} are required; the rest default to the process
 * settings ({@link ProcessSettings}) or to the values below. Numbers are boxed because the
 * connector container sets them by reflection and leaves unset ones null.
 */
@Activation(messageListeners = StreamEventListener.class)
public class RedisStreamActivationSpec implements ActivationSpec, Serializable {
    private static final long serialVersionUID = 1L;
    static final int DEFAULT_BATCH_SIZE = 10;
    static final int DEFAULT_BLOCK_MILLIS = 2000;
    static final long DEFAULT_RETRY_DELAY_MILLIS = 1000;
    static final long DEAD_LETTER_MAX_LENGTH = 10_000;

    @ConfigProperty(description = "Event channel to consume; its stream is maestro:events:<channel>")
    private String channel;
    @ConfigProperty(description = "Consumer group: one per pipeline step; created on first activation")
    private String consumerGroup;
    @ConfigProperty(description = "Consumer name, unique per instance; default MAESTRO_INSTANCE_ID or <host>-<pid>")
    private String consumerName;
    @ConfigProperty(description = "Optional filter on the event data: key=value[|value...][,key=value...]")
    private String eventFilter;
    @ConfigProperty(description = "Entries read at once (default 10)")
    private Integer batchSize;
    @ConfigProperty(description = "Milliseconds one read waits for new entries (default 2000)")
    private Integer blockMillis;
    @ConfigProperty(description = "Milliseconds before another consumer's unacknowledged entry is reclaimed (default MAESTRO_CLAIM_IDLE_SECONDS)")
    private Integer claimIdleMillis;
    @ConfigProperty(description = "Milliseconds before a failed delivery is retried (default 1000)")
    private Integer retryDelayMillis;
    @ConfigProperty(description = "Deliveries before an entry goes to the dead-letter stream (default MAESTRO_MAX_DELIVERIES)")
    private Integer maxDeliveries;
    @ConfigProperty(description = "Where a new group starts: $ (new events only, the default) or an entry id (0: the whole stream)")
    private String startFrom;

    private transient ResourceAdapter resourceAdapter;

    @Override
    public void validate() throws InvalidPropertyException {
        if (channel == null || channel.isBlank()) {
            throw new InvalidPropertyException("channel is required");
        }
        if (consumerGroup == null || consumerGroup.isBlank()) {
            throw new InvalidPropertyException("consumerGroup is required");
        }
        for (Integer n : new Integer[] {batchSize, blockMillis, claimIdleMillis, retryDelayMillis, maxDeliveries}) {
            if (n != null && n < 1) {
                throw new InvalidPropertyException("batchSize, blockMillis, claimIdleMillis, retryDelayMillis and maxDeliveries must be positive");
            }
        }
        try {
            EventFilter.parse(eventFilter);
            ConsumerSettings.startIdOf(startFrom());
        } catch (IllegalArgumentException e) {
            throw new InvalidPropertyException(e.getMessage());
        }
    }

    /** The consumer these properties describe, with defaults from the process settings. */
    ConsumerSettings toSettings(ProcessSettings process) {
        return new ConsumerSettings(
                EventStreams.streamOf(channel.trim()),
                consumerGroup.trim(),
                consumerName == null || consumerName.isBlank() ? process.instanceId() : consumerName.trim(),
                EventFilter.parse(eventFilter),
                batchSize != null ? batchSize : DEFAULT_BATCH_SIZE,
                blockMillis != null ? blockMillis : DEFAULT_BLOCK_MILLIS,
                claimIdleMillis != null ? claimIdleMillis : process.claimIdleMillis(),
                retryDelayMillis != null ? retryDelayMillis : DEFAULT_RETRY_DELAY_MILLIS,
                maxDeliveries != null ? maxDeliveries : process.maxDeliveries(),
                startFrom(),
                DEAD_LETTER_MAX_LENGTH);
    }

    private String startFrom() {
        return startFrom == null || startFrom.isBlank() ? "$" : startFrom.trim();
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.resourceAdapter = resourceAdapter;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public String getConsumerName() {
        return consumerName;
    }

    public void setConsumerName(String consumerName) {
        this.consumerName = consumerName;
    }

    public String getEventFilter() {
        return eventFilter;
    }

    public void setEventFilter(String eventFilter) {
        this.eventFilter = eventFilter;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public Integer getBlockMillis() {
        return blockMillis;
    }

    public void setBlockMillis(Integer blockMillis) {
        this.blockMillis = blockMillis;
    }

    public Integer getClaimIdleMillis() {
        return claimIdleMillis;
    }

    public void setClaimIdleMillis(Integer claimIdleMillis) {
        this.claimIdleMillis = claimIdleMillis;
    }

    public Integer getRetryDelayMillis() {
        return retryDelayMillis;
    }

    public void setRetryDelayMillis(Integer retryDelayMillis) {
        this.retryDelayMillis = retryDelayMillis;
    }

    public Integer getMaxDeliveries() {
        return maxDeliveries;
    }

    public void setMaxDeliveries(Integer maxDeliveries) {
        this.maxDeliveries = maxDeliveries;
    }

    public String getStartFrom() {
        return startFrom;
    }

    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }
}
