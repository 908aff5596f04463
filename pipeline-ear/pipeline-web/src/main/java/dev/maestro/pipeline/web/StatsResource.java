package dev.maestro.pipeline.web;

import dev.maestro.pipeline.lifecycle.LifecycleStats;
import dev.maestro.pipeline.ra.stream.DeliveryStats;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /pipeline/stats}: what this instance's pipeline has done since it started: the
 * lifecycle timer's ticks and transitions by kind, and per consumer group its deliveries,
 * redeliveries, acknowledgements, failures, dead letters, reclaimed entries, filtered events and
 * reconnects.
 */
@Path("stats")
@RequestScoped
public class StatsResource {

    @Inject
    LifecycleStats lifecycle;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> stats() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lifecycle", lifecycle.snapshot());
        body.put("consumers", DeliveryStats.shared().snapshot());
        return body;
    }
}
