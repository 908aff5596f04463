package dev.maestro.pipeline.scheduler;

import static dev.maestro.pipeline.delivery.StreamActivation.CHANNEL;
import static dev.maestro.pipeline.delivery.StreamActivation.CONSUMER_GROUP;
import static dev.maestro.pipeline.delivery.StreamActivation.DEPLOYED_ADAPTER;
import static dev.maestro.pipeline.delivery.StreamActivation.RESOURCE_ADAPTER;

import dev.maestro.pipeline.planning.EventMatcher;
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
    @ActivationConfigProperty(propertyName = RESOURCE_ADAPTER, propertyValue = DEPLOYED_ADAPTER),
    @ActivationConfigProperty(propertyName = CHANNEL, propertyValue = EventMatcher.RETRY_CHANNEL),
    @ActivationConfigProperty(propertyName = CONSUMER_GROUP, propertyValue = "scheduler")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetrySchedulerBean extends SchedulingListener implements StreamEventListener {
}
