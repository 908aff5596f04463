package dev.maestro.pipeline.it.deployed;

import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.StreamEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** Fails on every delivery: its events must end in the dead-letter stream after three tries. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MAESTRO_RA_NAME}"),
    @ActivationConfigProperty(propertyName = "channel", propertyValue = "it-poison"),
    @ActivationConfigProperty(propertyName = "consumerGroup", propertyValue = "it-poison"),
    @ActivationConfigProperty(propertyName = "maxDeliveries", propertyValue = "3")
})
public class PoisonMdb implements StreamEventListener {

    @Override
    public void onEvent(EventDelivery delivery) {
        Deliveries.record(delivery, "failed");
        throw new IllegalArgumentException("poison event " + delivery.eventId());
    }
}
