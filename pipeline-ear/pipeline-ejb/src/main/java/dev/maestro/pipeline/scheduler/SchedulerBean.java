package dev.maestro.pipeline.scheduler;

import static dev.maestro.pipeline.delivery.StreamActivation.CHANNEL;
import static dev.maestro.pipeline.delivery.StreamActivation.CONSUMER_GROUP;
import static dev.maestro.pipeline.delivery.StreamActivation.DEPLOYED_ADAPTER;
import static dev.maestro.pipeline.delivery.StreamActivation.RESOURCE_ADAPTER;

import dev.maestro.pipeline.ra.StreamEventListener;
import dev.maestro.node.NodeEvent;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Receives every node event once per pipeline and has {@link JobScheduling} launch what it asks for. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = RESOURCE_ADAPTER, propertyValue = DEPLOYED_ADAPTER),
    @ActivationConfigProperty(propertyName = CHANNEL, propertyValue = NodeEvent.CHANNEL),
    @ActivationConfigProperty(propertyName = CONSUMER_GROUP, propertyValue = "scheduler")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchedulerBean extends SchedulingListener implements StreamEventListener {
}
