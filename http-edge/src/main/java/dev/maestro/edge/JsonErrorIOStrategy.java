package dev.maestro.edge;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Executor;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.IOEvent;
import org.glassfish.grizzly.IOStrategy;
import org.glassfish.grizzly.Processor;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;

/**
 * The listener transport's I/O strategy, named by class in the listener settings
 * ({@code transport.tcp.io-strategy}): Grizzly's default worker-thread strategy, which also adds
 * the JSON-answer filters to each transport's filter chain before the first I/O event of that
 * transport is processed.
 *
 * <p>Why here: Payara builds the HTTP filter chain itself, with its own codec, and its
 * configuration has no setting for the codec's error answers nor a place to add a filter to an
 * {@code http} protocol. The I/O strategy is the one class its listener configuration names that
 * sees the finished chain before any request goes through it. (Port unification also hands the
 * chain over, but under it the web container's blocking body reads time out.)
 */
public final class JsonErrorIOStrategy implements IOStrategy {
    private static final JsonErrorIOStrategy INSTANCE = new JsonErrorIOStrategy();

    private final IOStrategy threads = WorkerThreadIOStrategy.getInstance();
    /** The chains already equipped, compared by identity (a chain is a list: its equals compares filters). */
    private volatile Processor<?>[] equipped = new Processor<?>[0];

    private JsonErrorIOStrategy() {
    }

    /** How Grizzly's listener configuration obtains a strategy from its class name. */
    public static JsonErrorIOStrategy getInstance() {
        return INSTANCE;
    }

    @Override
    public boolean executeIoEvent(Connection connection, IOEvent ioEvent) throws IOException {
        equip(connection.getTransport());
        return threads.executeIoEvent(connection, ioEvent);
    }

    @Override
    public boolean executeIoEvent(Connection connection, IOEvent ioEvent, boolean isIoEventEnabled) throws IOException {
        equip(connection.getTransport());
        return threads.executeIoEvent(connection, ioEvent, isIoEventEnabled);
    }

    @Override
    public Executor getThreadPoolFor(Connection connection, IOEvent ioEvent) {
        return threads.getThreadPoolFor(connection, ioEvent);
    }

    @Override
    public ThreadPoolConfig createDefaultWorkerPoolConfig(Transport transport) {
        return threads.createDefaultWorkerPoolConfig(transport);
    }

    /**
     * Adds the filters to the transport's chain once. Every event of the transport passes here
     * first, and the first one (the accept of its first connection) equips the chain under the
     * lock, so no request goes through the chain while it changes.
     */
    private void equip(Transport transport) {
        Processor<?> processor = transport.getProcessor();
        if (processor == null || isEquipped(processor)) {
            return;
        }
        synchronized (this) {
            if (isEquipped(processor)) {
                return;
            }
            if (processor instanceof FilterChain chain) {
                JsonErrorFilters.addTo(chain);
            }
            Processor<?>[] more = Arrays.copyOf(equipped, equipped.length + 1);
            more[equipped.length] = processor;
            equipped = more;
        }
    }

    private boolean isEquipped(Processor<?> processor) {
        for (Processor<?> done : equipped) {
            if (done == processor) {
                return true;
            }
        }
        return false;
    }
}
