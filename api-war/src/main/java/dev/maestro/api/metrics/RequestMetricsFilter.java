package dev.maestro.api.metrics;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;

/**
 * Times every request by route template (not by URL, which would make one series per node id),
 * method and status. Pre-matching, so that requests refused before routing (a bad version
 * prefix) count too, and KernelCI's counter includes the request that reads it, as upstream's.
 */
@Provider
@PreMatching
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String STARTED = RequestMetricsFilter.class.getName() + ".started";

    @Context
    ResourceInfo resource;

    @Inject
    ApiMetrics metrics;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        metrics.kernelciCounters().requestReceived();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            metrics.requestServed(request.getMethod(), RouteTemplate.of(resource), response.getStatus(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
