package dev.maestro.pipeline.web;

import dev.maestro.pipeline.jobrun.RunningJobs;
import dev.maestro.pipeline.lifecycle.LifecycleStats;
import dev.maestro.pipeline.settings.PipelineSettings;
import dev.maestro.pipeline.patchworkbridge.PatchworkStatus;
import dev.maestro.pipeline.trigger.TriggerStats;
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
 * reconnects; and the steps' state: the configuration in force, why an edit of it was rejected,
 * what the trigger saw per build config, the Patchwork bridge's series per project, and how many
 * jobs this instance is running.
 */
@Path("stats")
@RequestScoped
public class StatsResource {

    @Inject
    LifecycleStats lifecycle;

    @Inject
    PipelineSettings settings;

    @Inject
    RunningJobs jobs;

    @Inject
    TriggerStats trigger;

    @Inject
    PatchworkStatus patchwork;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> stats() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lifecycle", lifecycle.snapshot());
        body.put("consumers", DeliveryStats.shared().snapshot());
        Map<String, Object> steps = new LinkedHashMap<>();
        steps.put("config", settings.config().map(c -> c.source().toString()).orElse(null));
        steps.put("config_problem", settings.configProblem().orElse(null));
        steps.put("trigger", trigger.snapshot());
        steps.put("patchwork", patchwork.snapshot());
        steps.put("running_jobs", jobs.count());
        body.put("steps", steps);
        return body;
    }
}
