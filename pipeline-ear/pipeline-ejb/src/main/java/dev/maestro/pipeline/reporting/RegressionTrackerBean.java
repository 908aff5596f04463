package dev.maestro.pipeline.reporting;

import dev.maestro.node.NodeEvent;
import dev.maestro.pipeline.delivery.EventEnvelope;
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
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MAESTRO_RA_NAME}"),
    @ActivationConfigProperty(propertyName = "channel", propertyValue = "node"),
    @ActivationConfigProperty(propertyName = "consumerGroup", propertyValue = "regression"),
    @ActivationConfigProperty(propertyName = "eventFilter", propertyValue = "state=done")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RegressionTrackerBean implements StreamEventListener {

    @Inject
    RegressionTracker tracker;

    @Override
    public void onEvent(EventDelivery delivery) {
        NodeEvent change = NodeEvent.read(EventEnvelope.parse(delivery.envelope()).data());
        if ("updated".equals(change.op()) && "done".equals(change.previousState())) {
            tracker.artifactsAdded(change.id());
            return;
        }
        tracker.track(change.id());
    }
}
