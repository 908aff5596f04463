package dev.maestro.pipeline.ra;

import dev.maestro.pipeline.ra.history.EventHistorySource;
import dev.maestro.pipeline.ra.history.MongoEventHistory;
import dev.maestro.pipeline.ra.stream.ConsumerSettings;
import dev.maestro.pipeline.ra.stream.DeliveryStats;
import dev.maestro.pipeline.ra.stream.ProcessSettings;
import dev.maestro.pipeline.ra.stream.StreamConsumer;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import java.io.Serializable;
import java.util.Map;
import java.util.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The Redis stream resource adapter: one {@link StreamConsumer} per activated message-driven
 * bean, each on its own work-manager thread. Settings come from the process
 * ({@link ProcessSettings}: system properties, then environment) and the bean's activation
 * properties ({@link RedisStreamActivationSpec}); with {@code MONGO_SERVICE} each group's progress
 * is checkpointed in MongoDB and a re-created group catches up from the event history. Non-transactional: the acknowledgement, not a
 * transaction, is what makes delivery at-least-once.
 */
@Connector(displayName = "Maestro Redis stream adapter", vendorName = "Maestro EE", eisType = "Redis Streams",
        version = "1.0", transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class RedisStreamResourceAdapter implements ResourceAdapter, Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RedisStreamResourceAdapter.class.getName());

    private transient BootstrapContext context;
    private transient ProcessSettings process;
    private transient Timer heartbeats;
    private transient EventHistorySource history;
    private final transient Map<MessageEndpointFactory, StreamConsumer> consumers = new ConcurrentHashMap<>();

    @Override
    public void start(BootstrapContext bootstrapContext) throws ResourceAdapterInternalException {
        this.context = bootstrapContext;
        this.process = ProcessSettings.fromSystem();
        try {
            this.heartbeats = bootstrapContext.createTimer();
        } catch (UnavailableException e) {
            throw new ResourceAdapterInternalException("The server has no timer for the adapter's heartbeats", e);
        }
        if (process.mongoService().isPresent()) {
            history = new MongoEventHistory(process.mongoService().get());
        } else {
            history = EventHistorySource.NONE;
            LOG.warning("MONGO_SERVICE is not set: consumer groups keep no checkpoint, and a Redis that loses its data"
                    + " loses the events its groups had not delivered yet");
        }
        LOG.info("Redis stream adapter started: Redis at " + process.redis() + ", consumer name " + process.instanceId()
                + ", reclaim after " + process.claimIdleMillis() + " ms idle, dead letter after " + process.maxDeliveries() + " deliveries");
    }

    @Override
    public void stop() {
        // All stop together: each may be blocked in a read for up to its block time.
        consumers.values().forEach(StreamConsumer::requestStop);
        consumers.values().forEach(StreamConsumer::awaitStopped);
        consumers.clear();
        heartbeats.cancel();
        if (history instanceof MongoEventHistory mongo) {
            mongo.close();
        }
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        ConsumerSettings settings = ((RedisStreamActivationSpec) spec).toSettings(process);
        StreamConsumer consumer = new StreamConsumer(process.redis(), settings, new EndpointDelivery(factory),
                DeliveryStats.shared().countersFor(settings), heartbeats, history);
        consumer.createGroupIfReachable();
        consumers.put(factory, consumer);
        context.getWorkManager().scheduleWork(new ConsumerWork(consumer), WorkManager.INDEFINITE, null, null);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        StreamConsumer consumer = consumers.remove(factory);
        if (consumer != null) {
            consumer.stop();
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    // One adapter instance per deployment; the spec asks resource adapters to define equality.
    @Override
    public boolean equals(Object other) {
        return other instanceof RedisStreamResourceAdapter;
    }

    @Override
    public int hashCode() {
        return RedisStreamResourceAdapter.class.hashCode();
    }
}
