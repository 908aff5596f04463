package dev.maestro.pipeline.jobrun;

import dev.maestro.node.EventMode;
import dev.maestro.node.Node;
import dev.maestro.node.NodeJson;
import dev.maestro.node.NodeService;
import dev.maestro.node.NodeState;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.identity.PipelineIdentity;
import dev.maestro.pipeline.runtime.JobEnvironment;
import dev.maestro.pipeline.runtime.JobFailure;
import dev.maestro.pipeline.runtime.JobRequest;
import dev.maestro.pipeline.runtime.JobRuntime;
import dev.maestro.pipeline.runtime.JobRuntimeException;
import dev.maestro.pipeline.runtime.JobRuntimes;
import dev.maestro.pipeline.runtime.RunningJob;
import dev.maestro.pipeline.planning.InheritedArtifacts;
import dev.maestro.pipeline.planning.ScheduledJob;
import dev.maestro.pipeline.settings.PipelineSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.bson.types.ObjectId;

/**
 * Creates a scheduled job's node (owned by the pipeline's user) and submits the job to its
 * runtime, with an API token and the artifacts of the node's ancestors. A job that cannot be
 * generated or started closes its node at once ({@code done}/{@code incomplete}, the runtime's
 * error code); one that starts is handed to {@link RunningJobs} to be watched, unless its
 * runtime reports its end itself (a LAVA job: the lab's callback closes the node).
 */
@ApplicationScoped
public class JobLauncher {
    private static final Logger LOG = Logger.getLogger(JobLauncher.class.getName());
    /** Real trees are a few levels deep; the bound only stops a parent cycle made by edits. */
    private static final int MAX_ANCESTORS = 64;

    @Inject
    NodeService nodes;

    @Inject
    PipelineSettings settings;

    @Inject
    PipelineIdentity identity;

    @Inject
    RunningJobs running;

    @Inject
    JobCloser closer;

    @Inject
    JobResults results;


    /**
     * @param input the node whose event scheduled the job (it becomes the job's parent)
     * @param draft the job's node, from {@code JobNodes.plan}
     */
    public void launch(PipelineConfig config, ScheduledJob scheduled, Node input, Node draft) {
        Node job = nodes.create(identity.user(), draft, EventMode.PUBLISH);
        try {
            JobEnvironment environment = JobEnvironment.of(URI.create(settings.apiUrl()), identity.jobToken(), config.storage(),
                    settings.storageTokenValue());
            JobRuntime runtime = JobRuntimes.create(scheduled.runtime(), config.templates(),
                    settings.jobsDirectory(), environment, settings.jobOwner());
            JobRequest request = new JobRequest(NodeJson.toJson(job), scheduled.job(), scheduled.platform(),
                    InheritedArtifacts.of(lineage(input)));
            RunningJob started = runtime.submit(request);
            record(job, started.nodeData());
            if (started.watched()) {
                running.watch(job.id(), started, request.artifactDirectory());
            }
            LOG.info("Job " + scheduled.job().name() + " for " + input.kind() + " " + input.id() + " runs as node "
                    + job.id() + " on " + scheduled.runtime().name() + "/" + scheduled.platform().name()
                    + " (job id " + started.jobId() + ")");
        } catch (JobRuntimeException e) {
            notStarted(job, e.failure());
        } catch (IllegalStateException | UnsupportedOperationException e) {
            // No token for the job, or a runtime type that is recognised but not implemented.
            notStarted(job, new JobFailure(JobFailure.SUBMIT_ERROR, e.getMessage()));
        }
    }

    /** What the runtime knows about the job goes into the node's data while it runs (a LAVA job's id and URL). */
    private void record(Node job, Map<String, Object> jobData) {
        if (!jobData.isEmpty()) {
            nodes.transition(job.id(), NodeState.RUNNING, NodeState.RUNNING, n -> {
                Map<String, Object> data = new LinkedHashMap<>(n.data() == null ? Map.of() : n.data());
                data.putAll(jobData);
                return n.toBuilder().data(data).build();
            }, EventMode.PUBLISH);
        }
    }

    private void notStarted(Node job, JobFailure failure) {
        LOG.warning("Job " + job.name() + " (node " + job.id() + ") could not start: " + failure.message());
        closer.fail(job.id(), failure, Map.of());
        results.notStarted(job.id());
    }

    /** The node, its parent and so on up to the root, as JSON: their artifacts are the job's inputs. */
    private List<Map<String, Object>> lineage(Node input) {
        List<Map<String, Object>> chain = new ArrayList<>();
        Node node = input;
        while (node != null && chain.size() < MAX_ANCESTORS) {
            chain.add(NodeJson.toJson(node));
            ObjectId parent = node.parent();
            node = parent == null ? null : nodes.find(parent).orElse(null);
        }
        return chain;
    }
}
