package dev.maestro.pipeline.reporting;

import static dev.maestro.pipeline.delivery.StreamActivation.CHANNEL;
import static dev.maestro.pipeline.delivery.StreamActivation.CONSUMER_GROUP;
import static dev.maestro.pipeline.delivery.StreamActivation.DEPLOYED_ADAPTER;
import static dev.maestro.pipeline.delivery.StreamActivation.EVENT_FILTER;
import static dev.maestro.pipeline.delivery.StreamActivation.RESOURCE_ADAPTER;

import dev.maestro.event.EventLog;
import dev.maestro.node.NodeEvent;
import dev.maestro.pipeline.delivery.NodeEventListener;
import dev.maestro.pipeline.identity.PipelineIdentity;
import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.StreamEventListener;
import dev.maestro.pipeline.results.JobRetryRule;
import dev.maestro.pipeline.planning.EventMatcher;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * KernelCI's job_retry, once per pipeline: a {@code kbuild} or {@code job} node that reaches
 * {@code done} and {@link JobRetryRule} finds eligible is asked for again on the {@code retry}
 * channel, where the scheduler creates the new attempt. A redelivered event publishes the
 * request again, which is harmless: the scheduler creates a job of a given parent, name,
 * platform and retry counter once.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = RESOURCE_ADAPTER, propertyValue = DEPLOYED_ADAPTER),
    @ActivationConfigProperty(propertyName = CHANNEL, propertyValue = NodeEvent.CHANNEL),
    @ActivationConfigProperty(propertyName = CONSUMER_GROUP, propertyValue = "job-retry"),
    @ActivationConfigProperty(propertyName = EVENT_FILTER, propertyValue = "state=done,kind=kbuild|job,result=incomplete|fail")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobRetryBean extends NodeEventListener implements StreamEventListener {
    private static final Logger LOG = Logger.getLogger(JobRetryBean.class.getName());

    @Inject
    ResultQueries queries;

    @Inject
    EventLog events;

    @Inject
    PipelineIdentity identity;

    @Override
    protected void onNodeEvent(NodeEvent change, EventDelivery delivery) {
        if ("updated".equals(change.op()) && "done".equals(change.previousState())) {
            return;
        }
        Optional<Map<String, Object>> failed = queries.node(change.id()).filter(JobRetryRule::eligible);
        if (failed.isEmpty()) {
            return;
        }
        String kind = JobRetryRule.ancestorKind(failed.get()).orElseThrow();
        Optional<Map<String, Object>> ancestor = queries.parent(failed.get()).flatMap(p -> queries.ancestorOfKind(p, kind));
        if (ancestor.isEmpty()) {
            LOG.warning("Not retrying node " + change.id() + ": no " + kind + " above it");
            return;
        }
        Map<String, Object> request = JobRetryRule.request(failed.get(), ancestor.get());
        events.append(EventMatcher.RETRY_CHANNEL, identity.user().username(), request, Map.of());
        LOG.info("Retrying " + change.kind() + " " + change.name() + " (node " + change.id() + ", " + change.result()
                + "): attempt " + request.get("retry_counter") + " requested under " + ancestor.get().get("id"));
    }
}
