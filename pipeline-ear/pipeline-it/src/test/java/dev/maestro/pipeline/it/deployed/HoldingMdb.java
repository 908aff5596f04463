package dev.maestro.pipeline.it.deployed;

import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.StreamEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Handles its events, except in an instance started with {@code -Dmaestro.test.hold=true}: there
 * it never returns (until the instance is killed), so that its entries stay unacknowledged.
 * Entries idle for {@value #CLAIM_IDLE_MILLIS} ms are reclaimed by the other instance.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MAESTRO_RA_NAME}"),
    @ActivationConfigProperty(propertyName = "channel", propertyValue = "it-kill"),
    @ActivationConfigProperty(propertyName = "consumerGroup", propertyValue = "it-kill"),
    @ActivationConfigProperty(propertyName = "claimIdleMillis", propertyValue = HoldingMdb.CLAIM_IDLE_MILLIS)
})
public class HoldingMdb implements StreamEventListener {
    public static final String CLAIM_IDLE_MILLIS = "5000";
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    @Override
    public void onEvent(EventDelivery delivery) {
        if (Boolean.getBoolean("maestro.test.hold")) {
            try {
                NEVER.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("held " + delivery.eventId() + " until the end");
        }
        Deliveries.record(delivery, "handled");
    }
}
