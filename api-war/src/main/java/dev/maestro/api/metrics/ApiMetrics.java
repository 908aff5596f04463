package dev.maestro.api.metrics;

import dev.maestro.event.EventLog;
import dev.maestro.metrics.Metrics;
import dev.maestro.node.NodeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

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

    private final KernelciCounters kernelci = new KernelciCounters();
    private final AtomicInteger listenWaiters = new AtomicInteger();
    private volatile Metrics metrics = Metrics.NONE;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored, NodeService nodes, EventLog events) {
        metrics = Metrics.available();
        metrics.gauge(LISTEN_WAITERS, "Requests to /listen waiting for an event on this instance", listenWaiters::get);
        nodes.onWrite(e -> metrics.count(NODE_WRITES, "Nodes written through the API (created or updated), by kind", 1,
                "operation", e.op(), "kind", e.kind()));
        events.onAppend(e -> metrics.count(EVENTS, "Events stored in the event history by this API, by channel", 1,
                "channel", e.channel()));
    }

    void requestServed(String method, String route, int status, Duration took) {
        metrics.time(REQUESTS, "HTTP requests by method, route template and status, with their duration", took,
                "method", method, "route", route, "status", Integer.toString(status));
    }

    /**
     * Counts and times a request served ahead of JAX-RS ({@code dev.maestro.api.direct}) as
     * {@link RequestMetricsFilter} counts one that the resource method {@code route} served.
     */
    public void directRequestServed(String method, Method route, int status, Duration took) {
        kernelci.requestReceived();
        requestServed(method, RouteTemplate.declaredBy(route), status, took);
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
