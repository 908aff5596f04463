package dev.maestro.pipeline.scheduler;

import dev.maestro.pipeline.ra.StreamEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Receives the {@code retry} channel once per pipeline: requests to run jobs again, as
 * KernelCI's job_retry publishes them (or anyone with {@code POST /publish/retry}).
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MAESTRO_RA_NAME}"),
    @ActivationConfigProperty(propertyName = "channel", propertyValue = "retry"),
    @ActivationConfigProperty(propertyName = "consumerGroup", propertyValue = "scheduler")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetrySchedulerBean extends SchedulingListener implements StreamEventListener {
}
