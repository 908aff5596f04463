package dev.maestro.pipeline.scheduler;

import dev.maestro.node.Node;
import dev.maestro.node.NodeJson;
import dev.maestro.node.NodeService;
import dev.maestro.node.query.NodeFilter;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.event.EventEnvelope;
import dev.maestro.pipeline.jobrun.JobLauncher;
import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.StreamEventListener;
import dev.maestro.pipeline.scheduling.EventMatcher;
import dev.maestro.pipeline.scheduling.JobNodes;
import dev.maestro.pipeline.scheduling.JobPlan;
import dev.maestro.pipeline.scheduling.ScheduledJob;
import dev.maestro.pipeline.settings.PipelineSettings;
import dev.maestro.store.Ids;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Receives every node event once per pipeline and launches the jobs the configuration's
 * scheduler entries ask for. A redelivered event (after a crash between two jobs) launches only
 * the jobs whose node does not exist yet: a job is known by its parent, name, platform and
 * retry counter.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MAESTRO_RA_NAME}"),
    @ActivationConfigProperty(propertyName = "channel", propertyValue = "node"),
    @ActivationConfigProperty(propertyName = "consumerGroup", propertyValue = "scheduler")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchedulerBean implements StreamEventListener {
    private static final Logger LOG = Logger.getLogger(SchedulerBean.class.getName());

    @Inject
    PipelineSettings settings;

    @Inject
    NodeService nodes;

    @Inject
    JobLauncher launcher;

    @Override
    public void onEvent(EventDelivery delivery) {
        Optional<PipelineConfig> config = settings.config();
        if (config.isEmpty()) {
            return;
        }
        Map<String, Object> event = EventEnvelope.parse(delivery.envelope()).data();
        List<ScheduledJob> jobs = EventMatcher.match(config.get(), delivery.channel(), event);
        if (jobs.isEmpty()) {
            return;
        }
        Optional<Node> input = nodes.find(Ids.parse(String.valueOf(event.get("id"))));
        if (input.isEmpty()) {
            return;
        }
        Map<String, Object> inputJson = NodeJson.toJson(input.get());
        for (ScheduledJob job : jobs) {
            JobPlan plan = JobNodes.plan(job, inputJson, event);
            if (plan instanceof JobPlan.Skip skip) {
                LOG.info("Not scheduling " + job.job().name() + " for node " + input.get().id() + ": " + skip.reason());
            } else if (plan instanceof JobPlan.Create create && !alreadyLaunched(create.node())) {
                launcher.launch(config.get(), job, input.get(), create.node());
            }
        }
    }

    private boolean alreadyLaunched(Map<String, Object> draft) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("parent", String.valueOf(draft.get("parent")));
        query.put("name", String.valueOf(draft.get("name")));
        query.put("retry_counter", String.valueOf(draft.get("retry_counter")));
        if (draft.get("data") instanceof Map<?, ?> data && data.get("platform") != null) {
            query.put("data.platform", String.valueOf(data.get("platform")));
        }
        return nodes.count(NodeFilter.parse(query)) > 0;
    }
}
