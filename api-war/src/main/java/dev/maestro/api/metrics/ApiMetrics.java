package dev.maestro.api.metrics;

import dev.maestro.event.EventLog;
import dev.maestro.node.NodeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The API's application metrics. Node writes and events are counted where they happen, through
 * the listeners of the one write path ({@link NodeService}, {@link EventLog}), so that every
 * route that writes counts, whatever its URL.
 */
@ApplicationScoped
public class ApiMetrics {
    static final String REQUESTS = "maestro_http_requests";
    static final String NODE_WRITES = "maestro_node_writes";
    static final String EVENTS = "maestro_events_published";
    static final String LISTEN_WAITERS = "maestro_listen_waiters";

    private static final Metadata REQUESTS_META = Metadata.builder().withName(REQUESTS)
            .withDescription("HTTP requests by method, route template and status, with their duration")
            .withUnit(MetricUnits.SECONDS).build();
    private static final Metadata NODE_WRITES_META = Metadata.builder().withName(NODE_WRITES)
            .withDescription("Nodes written through the API (created or updated), by kind").build();
    private static final Metadata EVENTS_META = Metadata.builder().withName(EVENTS)
            .withDescription("Events stored in the event history by this API, by channel").build();

    private final KernelciCounters kernelci = new KernelciCounters();
    private final AtomicInteger listenWaiters = new AtomicInteger();

    @Inject
    MetricRegistry registry;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored, NodeService nodes, EventLog events) {
        registry.gauge(Metadata.builder().withName(LISTEN_WAITERS)
                .withDescription("Requests to /listen waiting for an event on this instance").build(), listenWaiters::get);
        nodes.onWrite(e -> registry.counter(NODE_WRITES_META, new Tag("operation", e.op()), new Tag("kind", e.kind())).inc());
        events.onAppend(e -> registry.counter(EVENTS_META, new Tag("channel", e.channel())).inc());
    }

    void requestServed(String method, String route, int status, Duration took) {
        registry.timer(REQUESTS_META, new Tag("method", method), new Tag("route", route), new Tag("status", Integer.toString(status)))
                .update(took);
    }

    /** Counts a waiting {@code /listen} until {@code done} runs. */
    public Runnable listenWaiting() {
        listenWaiters.incrementAndGet();
        return listenWaiters::decrementAndGet;
    }

    KernelciCounters kernelciCounters() {
        return kernelci;
    }
}
