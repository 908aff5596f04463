package dev.maestro.pipeline.jobrun;

import dev.maestro.metrics.Metrics;
import dev.maestro.node.Node;
import dev.maestro.node.NodeService;
import dev.maestro.pipeline.runtime.JobFailure;
import dev.maestro.store.MongoConnection;
import dev.maestro.telemetry.TelemetryEvents;
import dev.maestro.telemetry.TelemetryStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.types.ObjectId;

/**
 * What this instance records when a job ends, as its node now says: the {@code maestro_jobs}
 * counter by runtime and result ({@code none} when the job left no result), and a telemetry
 * event ({@code job_result}, and {@code runtime_error} for a job its runtime could not start),
 * as KernelCI's runtimes send them, written to the telemetry collection the API serves.
 */
@ApplicationScoped
public class JobResults {
    private static final Logger LOG = Logger.getLogger(JobResults.class.getName());
    static final String JOBS = "maestro_jobs";
    /** Error codes that blame the infrastructure rather than the kernel or the test. */
    private static final Set<String> INFRA_ERRORS = Set.of(JobFailure.INFRASTRUCTURE, JobFailure.SUBMIT_ERROR,
            JobFailure.JOB_GENERATION_ERROR, JobFailure.KBUILD_INTERNAL_ERROR);

    @Inject
    NodeService nodes;

    @Inject
    MongoConnection mongo;

    private Metrics metrics = Metrics.NONE;

    /** Not in a field initialiser: CDI's client proxy runs those too, before the container is ready. */
    @PostConstruct
    void findMetrics() {
        metrics = Metrics.available();
    }

    /** After the job's node has been closed or given its log. */
    public void ended(ObjectId jobNode) {
        nodes.find(jobNode).ifPresent(job -> record(job, "job_result"));
    }

    /** After the node of a job its runtime could not start has been closed. */
    void notStarted(ObjectId jobNode) {
        nodes.find(jobNode).ifPresent(job -> {
            record(job, "runtime_error");
            record(job, "job_result");
        });
    }

    private void record(Node job, String kind) {
        String runtime = String.valueOf(job.data().getOrDefault("runtime", "unknown"));
        String result = job.result() == null ? null : job.result().value();
        if (kind.equals("job_result")) {
            metrics.count(JOBS, "Jobs that ended in this pipeline instance, by runtime and result", 1,
                    "runtime", runtime, "result", result == null ? "none" : result);
        }
        try {
            new TelemetryStore(mongo.database()).insertAll(List.of(TelemetryEvents.parse(telemetry(job, kind, runtime, result))));
        } catch (RuntimeException e) {
            // Telemetry is a record for operators; a job's end is not undone for want of it.
            LOG.log(Level.WARNING, "Telemetry of job node " + job.id() + " not written", e);
        }
    }

    private static Map<String, Object> telemetry(Node job, String kind, String runtime, String result) {
        Map<String, Object> data = job.data();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("kind", kind);
        event.put("runtime", runtime);
        event.put("device_type", text(data.get("platform")));
        event.put("job_name", job.name());
        event.put("node_id", job.id().toHexString());
        if (data.get("kernel_revision") instanceof Map<?, ?> revision) {
            event.put("tree", text(revision.get("tree")));
            event.put("branch", text(revision.get("branch")));
        }
        event.put("arch", text(data.get("arch")));
        event.put("result", result);
        String errorCode = text(data.get("error_code"));
        event.put("is_infra_error", errorCode != null && INFRA_ERRORS.contains(errorCode));
        event.put("error_type", errorCode);
        event.put("error_msg", text(data.get("error_msg")));
        return event;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
