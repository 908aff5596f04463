package dev.maestro.pipeline.monitor;

import static dev.maestro.pipeline.delivery.StreamActivation.CHANNEL;
import static dev.maestro.pipeline.delivery.StreamActivation.CONSUMER_GROUP;
import static dev.maestro.pipeline.delivery.StreamActivation.DEPLOYED_ADAPTER;
import static dev.maestro.pipeline.delivery.StreamActivation.RESOURCE_ADAPTER;

import dev.maestro.node.NodeEvent;
import dev.maestro.pipeline.delivery.NodeEventListener;
import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.StreamEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;

/**
 * Logs every node event once per pipeline (its consumer group is shared by all instances).
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = RESOURCE_ADAPTER, propertyValue = DEPLOYED_ADAPTER),
    @ActivationConfigProperty(propertyName = CHANNEL, propertyValue = NodeEvent.CHANNEL),
    @ActivationConfigProperty(propertyName = CONSUMER_GROUP, propertyValue = "monitor")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeEventMonitor extends NodeEventListener implements StreamEventListener {
    private static final Logger LOG = Logger.getLogger(NodeEventMonitor.class.getName());

    @Override
    protected void onNodeEvent(NodeEvent c, EventDelivery delivery) {
        LOG.info("node event #" + delivery.sequence() + " " + c.op() + " " + c.kind() + " " + c.id() + " '" + c.name()
                + "' state=" + (c.previousState() == null ? "" : c.previousState() + "->") + c.state()
                + " result=" + c.result() + " owner=" + c.owner());
    }
}
