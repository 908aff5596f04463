package dev.maestro.pipeline.scheduler;

import dev.maestro.node.Node;
import dev.maestro.node.NodeService;
import dev.maestro.node.query.NodeCriteria;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.jobrun.JobLauncher;
import dev.maestro.pipeline.planning.EventMatcher;
import dev.maestro.pipeline.planning.JobNodes;
import dev.maestro.pipeline.planning.JobPlan;
import dev.maestro.pipeline.planning.ScheduledJob;
import dev.maestro.pipeline.settings.PipelineSettings;
import dev.maestro.store.Ids;
import dev.maestro.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Launches the jobs the configuration's scheduler entries ask for on one event, of the
 * {@code node} channel or of the {@code retry} channel (where KernelCI's job_retry asks for a
 * job again: the ancestor node, with a higher {@code retry_counter} and filters that narrow
 * what is created). An event delivered again (after a crash between two jobs) launches only the
 * jobs whose node does not exist yet: a job is known by its parent, name, platform and retry
 * counter.
 */
@ApplicationScoped
public class JobScheduling {
    private static final Logger LOG = Logger.getLogger(JobScheduling.class.getName());

    @Inject
    PipelineSettings settings;

    @Inject
    NodeService nodes;

    @Inject
    JobLauncher launcher;

    /** @param event the CloudEvent's {@code data} */
    public void schedule(String channel, Map<String, Object> event) {
        Optional<PipelineConfig> config = settings.config();
        if (config.isEmpty()) {
            return;
        }
        List<ScheduledJob> jobs = EventMatcher.match(config.get(), channel, event);
        if (jobs.isEmpty()) {
            return;
        }
        Optional<Node> input = nodes.find(Ids.parse(String.valueOf(event.get("id"))));
        if (input.isEmpty()) {
            return;
        }
        for (ScheduledJob job : jobs) {
            JobPlan plan = JobNodes.plan(job, input.get(), event, Timestamps.now());
            if (plan instanceof JobPlan.Skip skip) {
                LOG.info("Not scheduling " + job.job().name() + " for node " + input.get().id() + ": " + skip.reason());
            } else if (plan instanceof JobPlan.Create create && !alreadyLaunched(create.node())) {
                launcher.launch(config.get(), job, input.get(), create.node());
            }
        }
    }

    private boolean alreadyLaunched(Node draft) {
        NodeCriteria sameJob = NodeCriteria.where()
                .eq("parent", draft.parent())
                .eq("name", draft.name())
                .eq("retry_counter", draft.retryCounter());
        Object platform = draft.data() == null ? null : draft.data().get("platform");
        if (platform != null) {
            sameJob.eq("data.platform", String.valueOf(platform));
        }
        return nodes.count(sameJob.query()) > 0;
    }
}
