package dev.maestro.pipeline.scheduler;

import dev.maestro.pipeline.ra.StreamEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Receives every node event once per pipeline and has {@link JobScheduling} launch what it asks for. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MAESTRO_RA_NAME}"),
    @ActivationConfigProperty(propertyName = "channel", propertyValue = "node"),
    @ActivationConfigProperty(propertyName = "consumerGroup", propertyValue = "scheduler")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchedulerBean extends SchedulingListener implements StreamEventListener {
}
