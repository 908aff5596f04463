package dev.maestro.pipeline.it.deployed;

import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.StreamEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** Waits at the {@link Gate} before handling each event, so that Redis can be restarted mid-delivery. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MAESTRO_RA_NAME}"),
    @ActivationConfigProperty(propertyName = "channel", propertyValue = "it-restart"),
    @ActivationConfigProperty(propertyName = "consumerGroup", propertyValue = "it-restart")
})
public class GatedMdb implements StreamEventListener {

    @Override
    public void onEvent(EventDelivery delivery) {
        try {
            Gate.pass();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the gate", e);
        }
        Deliveries.record(delivery, "handled");
    }
}
