package dev.maestro.pipeline.delivery;

import dev.maestro.node.NodeEvent;
import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.StreamEventListener;

/**
 * A message-driven bean of the {@code node} channel: each delivery's envelope is read as the
 * core's {@link NodeEvent}, the record its writer used. The beans that extend this name
 * {@link StreamEventListener} again: the container looks for the message listener interface on
 * the bean class itself.
 */
public abstract class NodeEventListener implements StreamEventListener {

    @Override
    public void onEvent(EventDelivery delivery) {
        onNodeEvent(NodeEvent.read(EventEnvelope.parse(delivery.envelope()).data()), delivery);
    }

    /** @param delivery where the event came from (its stream sequence, for logs) */
    protected abstract void onNodeEvent(NodeEvent event, EventDelivery delivery);
}
