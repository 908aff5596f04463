package dev.maestro.pipeline.reporting;

import static dev.maestro.pipeline.delivery.StreamActivation.CHANNEL;
import static dev.maestro.pipeline.delivery.StreamActivation.CONSUMER_GROUP;
import static dev.maestro.pipeline.delivery.StreamActivation.DEPLOYED_ADAPTER;
import static dev.maestro.pipeline.delivery.StreamActivation.EVENT_FILTER;
import static dev.maestro.pipeline.delivery.StreamActivation.RESOURCE_ADAPTER;

import dev.maestro.node.NodeEvent;
import dev.maestro.pipeline.delivery.NodeEventListener;
import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.StreamEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Receives, once per pipeline, every node that reaches {@code done} and has
 * {@link RegressionTracker} track it (then its checkout's summary follows). An update of a node
 * that was already done is not a new result: it may only have brought the node's log (stored
 * when its job's process ended), which regressions failing there then get.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = RESOURCE_ADAPTER, propertyValue = DEPLOYED_ADAPTER),
    @ActivationConfigProperty(propertyName = CHANNEL, propertyValue = NodeEvent.CHANNEL),
    @ActivationConfigProperty(propertyName = CONSUMER_GROUP, propertyValue = "regression"),
    @ActivationConfigProperty(propertyName = EVENT_FILTER, propertyValue = "state=done")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RegressionTrackerBean extends NodeEventListener implements StreamEventListener {

    @Inject
    RegressionTracker tracker;

    @Override
    protected void onNodeEvent(NodeEvent change, EventDelivery delivery) {
        if ("updated".equals(change.op()) && "done".equals(change.previousState())) {
            tracker.artifactsAdded(change.id());
            return;
        }
        tracker.track(change.id());
    }
}
