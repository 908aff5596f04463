package dev.maestro.pipeline.monitor;

import dev.maestro.node.NodeEvent;
import dev.maestro.pipeline.delivery.EventEnvelope;
import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.StreamEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;

/**
 * Logs every node event once per pipeline (its consumer group is shared by all instances).
 * {@code resourceAdapter} names the deployed adapter: {@code maestro-stream-ra} standalone,
 * {@code pipeline#maestro-stream-ra} inside the EAR; the system property
 * {@code MAESTRO_RA_NAME} carries it because annotation placeholders resolve only system
 * properties and environment variables, not MicroProfile Config.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MAESTRO_RA_NAME}"),
    @ActivationConfigProperty(propertyName = "channel", propertyValue = "node"),
    @ActivationConfigProperty(propertyName = "consumerGroup", propertyValue = "monitor")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeEventMonitor implements StreamEventListener {
    private static final Logger LOG = Logger.getLogger(NodeEventMonitor.class.getName());

    @Override
    public void onEvent(EventDelivery delivery) {
        NodeEvent c = NodeEvent.read(EventEnvelope.parse(delivery.envelope()).data());
        LOG.info("node event #" + delivery.sequence() + " " + c.op() + " " + c.kind() + " " + c.id() + " '" + c.name()
                + "' state=" + (c.previousState() == null ? "" : c.previousState() + "->") + c.state()
                + " result=" + c.result() + " owner=" + c.owner());
    }
}
