package dev.maestro.pipeline.it.deployed;

import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.StreamEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Throws on the first delivery of each event and handles the next one. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MAESTRO_RA_NAME}"),
    @ActivationConfigProperty(propertyName = "channel", propertyValue = "it-flaky"),
    @ActivationConfigProperty(propertyName = "consumerGroup", propertyValue = "it-flaky")
})
public class FailingOnceMdb implements StreamEventListener {
    private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

    @Override
    public void onEvent(EventDelivery delivery) {
        if (FAILED.add(delivery.eventId())) {
            Deliveries.record(delivery, "failed");
            throw new IllegalStateException("first delivery of " + delivery.eventId() + " fails on purpose");
        }
        Deliveries.record(delivery, "handled");
    }
}
