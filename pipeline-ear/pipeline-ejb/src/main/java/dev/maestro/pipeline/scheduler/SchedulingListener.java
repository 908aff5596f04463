package dev.maestro.pipeline.scheduler;

import dev.maestro.pipeline.delivery.EventEnvelope;
import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.StreamEventListener;
import jakarta.inject.Inject;

/**
 * What the scheduler does with a delivery, whichever channel it came on: its event's data goes
 * to {@link JobScheduling}. The message-driven beans that extend this differ only in the
 * channel their activation names. Each names {@link StreamEventListener} again: the container
 * looks for the message listener interface on the bean class itself.
 */
abstract class SchedulingListener implements StreamEventListener {

    @Inject
    JobScheduling scheduling;

    @Override
    public void onEvent(EventDelivery delivery) {
        scheduling.schedule(delivery.channel(), EventEnvelope.parse(delivery.envelope()).data());
    }
}
