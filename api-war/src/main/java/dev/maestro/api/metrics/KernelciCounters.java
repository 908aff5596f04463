package dev.maestro.api.metrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The counters KernelCI's API serves at {@code /latest/metrics}, kept in this process as
 * upstream's are (they start from zero at each start). Upstream counts nearly every request in
 * {@code http_requests_total}; here every request counts.
 */
public final class KernelciCounters {
    private final AtomicLong httpRequests = new AtomicLong();

    void requestReceived() {
        httpRequests.incrementAndGet();
    }

    /** KernelCI's text: one {@code name{instance="api"} value} line per counter. */
    String text() {
        return "http_requests_total{instance=\"api\"} " + httpRequests.get() + "\n";
    }
}
